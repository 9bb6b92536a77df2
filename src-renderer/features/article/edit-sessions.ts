/**
 * Edit sessions of the article page's fields (see src-shared/register.ts): a session is the
 * span one person edits one field, from focus to blur, and names what that span wrote — one
 * candidate of a register, one rewrite of a headline. A field asks for its session as it
 * writes; leaving the field ends it, so the next visit starts a new one.
 */
import { useState } from 'react';
import { newSession, type EditSession } from '../../../src-shared/register';
import { useSyncStatus } from '../sync/useSyncStatus';
import { rememberEntry } from './registers';

export interface EditSessions {
  /** The field's current session, started now when there is none. */
  of(field: string): EditSession;
  /** The field's session going on, if any (a field shows what its session wrote). */
  active(field: string): EditSession | null;
  /** The writer left the field. */
  end(field: string): void;
  /** The name the sessions carry. */
  readonly by: string;
}

export function useEditSessions(): EditSessions {
  const status = useSyncStatus();
  // The name the sessions carry: the desk's login on the newsroom server, '' without one.
  const [sessions] = useState(() => {
    const open = new Map<string, EditSession>();
    const state = { by: '' };
    return {
      state,
      api: {
        of(field: string): EditSession {
          let s = open.get(field);
          if (!s) open.set(field, (s = newSession(state.by)));
          rememberEntry(s.id);
          return s;
        },
        active: (field: string): EditSession | null => open.get(field) ?? null,
        end(field: string): void {
          open.delete(field);
        },
        get by(): string {
          return state.by;
        },
      } satisfies EditSessions,
    };
  });
  sessions.state.by = status?.user ?? '';
  return sessions.api;
}
