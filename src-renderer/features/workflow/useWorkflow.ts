/**
 * One article's workflow state as main keeps it (`workflow:state`): read when shown, again on
 * every `workflow:changed` for the article, and after the link to main comes back (events may
 * have been missed meanwhile). The moves answer with the new state, shown at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Status } from '../../../src-shared/models';
import type { WorkflowState } from '../../../src-shared/workflow-desk';
import { useAction } from '../../app/errors';
import { desk, onReconnect } from '../../platform/api';

export interface Workflow {
  /** Null until main has answered. */
  readonly state: WorkflowState | null;
  /** Queues a move (sent at once when the server answers); resolves once main has it durably. */
  readonly move: (to: Status, note?: string) => Promise<boolean>;
  /** Drops the pending or refused move. */
  readonly cancel: () => Promise<void>;
  /** The article's id. */
  readonly id: string;
}

export function useWorkflow(id: string): Workflow {
  const act = useAction();
  const [state, setState] = useState<WorkflowState | null>(null);
  /** Grows with every question and answer: an answer to an older question is stale. */
  const generation = useRef(0);

  const accept = useCallback((next: WorkflowState) => {
    generation.current++;
    setState(next);
  }, []);

  useEffect(() => {
    let live = true;
    const ask = () => {
      const asked = ++generation.current;
      desk.workflow.state({ id }).then(
        (next) => live && asked === generation.current && setState(next),
        // Main cannot say (yet): what is shown stays; the next event brings the state.
        () => undefined,
      );
    };
    const offChanged = desk.on['workflow:changed']((e) => e.id === id && ask());
    const offReconnect = onReconnect(ask);
    ask();
    return () => {
      live = false;
      offChanged();
      offReconnect();
    };
  }, [id]);

  const move = useCallback(
    async (to: Status, note?: string) => {
      const next = await act(() => desk.workflow.move(note === undefined ? { id, to } : { id, to, note }));
      if (next) accept(next);
      return next !== undefined;
    },
    [act, accept, id],
  );
  const cancel = useCallback(async () => {
    const next = await act(() => desk.workflow.cancel({ id }));
    if (next) accept(next);
  }, [act, accept, id]);

  return { id, state, move, cancel };
}
