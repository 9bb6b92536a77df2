import type { DeskServices, DomainHandlers } from './types';

export function workflowHandlers(s: DeskServices): DomainHandlers<'workflow'> {
  const { workflow } = s;
  return {
    'workflow:state': async ({ id }) => {
      // The recorded moves are asked of the server while it answers; offline, the kept ones.
      if (s.sync.isOnline()) await workflow.refreshHistory(id);
      return workflow.state(id);
    },
    'workflow:move': async ({ id, to, note }) => workflow.move(id, to, note),
    'workflow:cancel': async ({ id }) => workflow.cancel(id),
    'workflow:queue': async () => workflow.queue(),
    'workflow:people': async () => workflow.people(),
    'workflow:assign': async ({ id, users }) => workflow.assign(id, users),
    'workflow:assignees': async ({ id }) => workflow.assignees(id),
    'workflow:changes': async ({ id }) => {
      // Counted from the latest submission or return the server recorded.
      if (s.sync.isOnline()) await workflow.refreshHistory(id);
      return workflow.changes(id);
    },
    'workflow:pending': async () => workflow.pendingMoves(),
  };
}
