/**
 * The article's checklist (src-shared/checklist.ts), live, read once per document for every
 * component that shows it (the Checklist tab and the workflow panel share one reading).
 *
 * It is read again CHECKLIST_DELAY_MS after a change, when the page is next idle: reading walks
 * the whole body (open suggestions), which in a long story takes time that belongs to painting
 * the keystroke. Typing almost never changes it: a reading equal to the one shown is dropped,
 * so nothing renders again for nothing.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { checklist, type Checklist } from '../../../src-shared/checklist';

export const CHECKLIST_DELAY_MS = 200;
/** How much longer the reading may wait for the page to be idle. */
const IDLE_WAIT_MS = 300;

/** Whether two readings of the checklist show the same (it is small: compared whole). */
function sameChecklist(a: Checklist, b: Checklist): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Reading {
  value: Checklist;
  readonly listeners: Set<() => void>;
  stop: (() => void) | null;
}

const readings = new WeakMap<Y.Doc, Reading>();

function readingOf(doc: Y.Doc): Reading {
  let r = readings.get(doc);
  if (!r) readings.set(doc, (r = { value: checklist(doc), listeners: new Set(), stop: null }));
  return r;
}

/** Starts following the document while someone listens. */
function follow(doc: Y.Doc, r: Reading): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: number | null = null;
  const read = () => {
    timer = null;
    idle = null;
    const next = checklist(doc);
    if (sameChecklist(r.value, next)) return;
    r.value = next;
    for (const l of [...r.listeners]) l();
  };
  const onUpdate = () => {
    if (timer !== null || idle !== null) return;
    timer = setTimeout(() => {
      timer = null;
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(read, { timeout: IDLE_WAIT_MS });
      else read();
    }, CHECKLIST_DELAY_MS);
  };
  doc.on('update', onUpdate);
  read();
  return () => {
    doc.off('update', onUpdate);
    if (timer !== null) clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
  };
}

export function useChecklist(doc: Y.Doc): Checklist {
  const subscribe = useCallback(
    (listener: () => void) => {
      const r = readingOf(doc);
      r.listeners.add(listener);
      r.stop ??= follow(doc, r);
      return () => {
        r.listeners.delete(listener);
        if (r.listeners.size === 0) {
          r.stop?.();
          r.stop = null;
        }
      };
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => readingOf(doc).value);
}
