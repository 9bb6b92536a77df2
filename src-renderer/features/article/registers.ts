/**
 * The page's side of the registers (src-shared/register.ts): edit sessions for its fields, the
 * writer's name, and a register's state kept current as the document changes.
 *
 * - A session is the span one person edits one field: it starts with the first write after
 *   the field got focus and ends when the field loses it, so every keystroke in between
 *   overwrites one candidate, and the next visit to the field starts a new one.
 * - The writer's name is the logged-in user's (as presence shows it); '' when the desk is not
 *   logged in, and then the conflict notice says "this desk" or "another desk". Which candidates
 *   are this desk's is known for the entries this window wrote (a set kept for the page's life):
 *   after a reload a desk's own nameless value reads as another desk's.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { candidateKey, entryIdOf, newSession, type EditSession, type RegisterState } from '../../../src-shared/register';
import { useSyncStatus } from '../sync/useSyncStatus';

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

/** The name written with this desk's candidates: the logged-in user, else ''. */
export function useWriterName(): string {
  return useSyncStatus()?.user ?? '';
}

export interface EditSessions {
  /** The session of the field named `key`, started now if none is going on. */
  session(key: string): EditSession;
  /** The session going on in field `key`, if any. */
  active(key: string): EditSession | null;
  /** The field was left: its next write starts a new session. */
  end(key: string): void;
  readonly by: string;
}

/** Sessions of a page's fields, one per field key at a time. */
export function useEditSessions(): EditSessions {
  const by = useWriterName();
  const sessions = useRef(new Map<string, EditSession>());
  const name = useRef(by);
  name.current = by;
  const [api] = useState<Omit<EditSessions, 'by'>>(() => ({
    session(key) {
      let s = sessions.current.get(key);
      if (!s) {
        s = newSession(name.current);
        written.add(s.id);
        sessions.current.set(key, s);
      }
      return s;
    },
    active: (key) => sessions.current.get(key) ?? null,
    end: (key) => void sessions.current.delete(key),
  }));
  return { ...api, by };
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
