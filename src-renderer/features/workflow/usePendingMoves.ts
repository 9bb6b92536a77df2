/**
 * The articles whose move waits to be sent or was refused (`workflow:pending`), for the library's
 * rows: one question for the whole list, however many rows show it, asked while any row listens,
 * again shortly after a burst of `workflow:changed` (a move queued, sent or refused) and when the
 * link to main is back.
 */
import { useSyncExternalStore } from 'react';
import type { Status } from '../../../src-shared/models';
import { desk, onReconnect } from '../../platform/api';

export interface PendingMark {
  readonly to: Status;
  readonly refused: boolean;
}

/** Long enough to take a burst of events as one question, short enough to read as at once. */
const SETTLE_MS = 150;

let marks: ReadonlyMap<string, PendingMark> = new Map();
const listeners = new Set<() => void>();
let stop: (() => void) | null = null;

function start(): () => void {
  let live = true;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const ask = () => {
    const mine = ++asked;
    desk.workflow.pending({}).then(
      (answer) => {
        if (!live || mine !== asked) return;
        marks = new Map(answer.moves.map((m) => [m.id, { to: m.to, refused: m.refused }]));
        for (const listener of listeners) listener();
      },
      // Main cannot say now: the rows keep what they show until the next event.
      () => undefined,
    );
  };
  const soon = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      ask();
    }, SETTLE_MS);
  };
  const offs = [desk.on['workflow:changed'](soon), onReconnect(soon)];
  ask();
  return () => {
    live = false;
    if (timer) clearTimeout(timer);
    for (const off of offs) off();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  stop ??= start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stop?.();
      stop = null;
    }
  };
}

/** The article's waiting or refused move, or null. */
export function usePendingMove(id: string): PendingMark | null {
  return useSyncExternalStore(subscribe, () => marks.get(id) ?? null);
}
