/**
 * The page's side of the registers (src-shared/register.ts), beside its edit sessions
 * (edit-sessions.ts): what a field shows, a register's state kept current as the document
 * changes, and which candidates this window wrote.
 *
 * Candidates carry the writer's login name; a desk that is not logged in writes '' and the
 * conflict notice then says "this desk" or "another desk". Which candidates are this desk's is
 * known for the entries this window wrote (a set kept for the page's life): after a reload, a
 * desk's own nameless value reads as another desk's.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { candidateKey, entryIdOf, type EditSession, type RegisterState } from '../../../src-shared/register';

/** Entry ids written from this window (sessions and resolves). */
const written = new Set<string>();

export function rememberEntry(id: string): void {
  written.add(id);
}

/** Whether the candidate under `key` was written from this window. */
export function isOwnEntry(key: string): boolean {
  const id = entryIdOf(key);
  return id !== '' && written.has(id);
}

/**
 * What a field shows: while this page's session in it has a candidate, that (so a conflict
 * arriving while the writer types does not pull the text from under the caret), else the
 * register's effective value.
 */
export function shownValue(state: RegisterState, field: string, session: EditSession | null): string {
  if (!session) return state.value;
  const key = candidateKey(field, session.id);
  return state.candidates.find((c) => c.key === key)?.value ?? state.value;
}

function sameState(a: RegisterState, b: RegisterState): boolean {
  return a.value === b.value && a.conflict === b.conflict && a.candidates.length === b.candidates.length && a.candidates.every((c, i) => JSON.stringify(c) === JSON.stringify(b.candidates[i]));
}

/**
 * A register's state, read by `read` again whenever `map` (the map holding its candidates)
 * changes, here or from elsewhere; a reading equal to the last one keeps its identity.
 */
export function useRegisterState(map: Y.Map<unknown> | null, read: () => RegisterState): RegisterState {
  const reader = useRef(read);
  reader.current = read;
  const [state, setState] = useState<RegisterState>(() => read());
  useEffect(() => {
    const update = () => {
      const next = reader.current();
      setState((prev) => (sameState(prev, next) ? prev : next));
    };
    update();
    if (!map) return;
    map.observe(update);
    return () => map.unobserve(update);
  }, [map]);
  return state;
}
