/**
 * The workflow from the command line: `status <id>`, `submit <id>`, `take <id>`,
 * `return <id> --note <text>`, `approve <id>`, `queue [--json]` and `assign <id> <user>…`. A move goes through the
 * same checks and the same durable queue as the desk's Workflow tab, and is sent at once; when
 * the server does not answer it stays queued and the desk sends it when it next reaches the
 * server (or the next `sync`).
 */
import { formatDateTime } from '../../../src-shared/format';
import type { Status } from '../../../src-shared/models';
import type { WorkflowState } from '../../../src-shared/workflow-desk';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

export const MOVE_COMMANDS = { submit: null, take: 'editing', return: 'returned', approve: 'approved' } as const;
export type MoveCommand = keyof typeof MOVE_COMMANDS;

/** A reporter submits a draft, and resubmits a returned story: both are `submit`. */
function targetOf(command: MoveCommand): Status {
  return MOVE_COMMANDS[command] ?? 'submitted';
}

function refusalLine(state: WorkflowState, io: CliIo): string {
  const r = state.pending!.refused!;
  const items = (r.missing ?? []).map((m) => io.t(`checklist:items.${m}`)).join(', ');
  return io.t(`workflow:refused.${r.code}`, { status: r.status ? io.t(`common:status.${r.status}`) : '', items });
}

function printState(id: string, state: WorkflowState, io: CliIo): void {
  const status = (s: Status) => io.t(`common:status.${s}`);
  io.out(`${id}  ${io.t('workflow:statusOf', { status: status(state.status) })}`);
  if (state.pending && !state.pending.refused) io.out(io.t('cli:workflowQueued', { move: status(state.pending.to), at: formatDateTime(state.pending.queuedAt) }));
  if (state.pending?.refused) io.out(io.t('workflow:refusedTitle', { move: status(state.pending.to) }) + ' ' + refusalLine(state, io));
  if (state.lastNote) io.out(`${io.t('workflow:lastNote')}: ${state.lastNote.note} (${io.t('workflow:lastNoteBy', { by: state.lastNote.by, at: state.lastNote.at ? formatDateTime(state.lastNote.at) : '' })})`);
  for (const t of state.history) io.out(`  ${formatDateTime(t.at)}  ${t.by}  ${status(t.from)} → ${status(t.to)}${t.note ? `  “${t.note}”` : ''}`);
}

/** One sync round when logged in; offline (or refused) the desk's own copy is what there is. */
async function catchUp(desk: Desk): Promise<void> {
  if (desk.sync.status().server) await desk.sync.round(CATCH_UP_MS).catch(() => undefined);
}

const CATCH_UP_MS = 30_000;

export async function status(desk: Desk, id: string, json: boolean, io: CliIo): Promise<number> {
  desk.articles.summary(id); // notFound before anything is asked of the server
  await catchUp(desk);
  await desk.workflow.refreshHistory(id);
  const state = await desk.workflow.state(id);
  if (json) io.out(JSON.stringify({ id, ...state }, null, 2));
  else printState(id, state, io);
  return EXIT.ok;
}

/**
 * Queues the move and tries to send it now. Exit 0 when the server made it or it waits for the
 * server; 1 when the server refused it (the reason printed; the move stays until dropped on
 * the desk) or the desk refused it before queueing.
 */
export async function move(desk: Desk, command: MoveCommand, id: string, note: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const to = targetOf(command);
  // The status the move starts from is the server's (another desk may have moved the article),
  // and the server checks a submission on its own copy: one sync round first, when it answers.
  await catchUp(desk);
  await desk.workflow.move(id, to, note ?? '');
  await desk.workflow.send();
  const state = await desk.workflow.state(id);
  if (json) io.out(JSON.stringify({ id, ...state }, null, 2));
  if (state.pending?.refused) {
    io.err(io.t('workflow:refusedTitle', { move: io.t(`common:status.${to}`) }) + ' ' + refusalLine(state, io));
    return EXIT.failed;
  }
  if (!json) {
    if (state.pending) io.out(io.t('cli:workflowQueued', { move: io.t(`common:status.${to}`), at: formatDateTime(state.pending.queuedAt) }));
    else io.out(io.t('cli:workflowMoved', { id, status: io.t(`common:status.${to}`) }));
  }
  return EXIT.ok;
}

export async function queue(desk: Desk, json: boolean, io: CliIo): Promise<number> {
  const q = await desk.workflow.queue();
  if (json) {
    io.out(JSON.stringify(q, null, 2));
    return EXIT.ok;
  }
  if (q.fetchedAt === null) io.err(io.t('workflow:queue.never'));
  else if (q.rows.length === 0) io.out(io.t('workflow:queue.empty'));
  for (const r of q.rows) {
    const who = [r.owner ?? '', ...r.assignees.filter((a) => a !== r.owner)].filter(Boolean).join(', ');
    io.out(`${r.id}  ${io.t(`common:status.${r.status}`)}  ${r.arrivedAt ? formatDateTime(r.arrivedAt) : '—'}  ${r.words}  ${who}  ${r.headline || io.t('cli:untitled')}`);
  }
  return EXIT.ok;
}

/**
 * Makes `users` the article's assignees (none: no one). Like the Workflow tab's assignment it
 * happens on the server at once or not at all: offline it is refused, never queued.
 */
export async function assignUsers(desk: Desk, id: string, users: readonly string[], json: boolean, io: CliIo): Promise<number> {
  desk.articles.summary(id); // notFound before anything is asked of the server
  const { assignees } = await desk.workflow.assign(id, users);
  if (json) io.out(JSON.stringify({ id, assignees }, null, 2));
  else io.out(assignees.length ? io.t('cli:assigned', { id, names: assignees.join(', ') }) : io.t('cli:assignedNone', { id }));
  return EXIT.ok;
}
