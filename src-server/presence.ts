/**
 * What the server lets through of a desk's presence (y-protocols awareness, relayed by
 * Hocuspocus to everyone in the article): each awareness message a connection sends is checked
 * here and, if it fails, dropped before Hocuspocus applies it (sync.ts) — presence is a
 * courtesy, so the connection and its article's sync go on.
 *
 * - A state belongs to the connection that announced its client id: Hocuspocus records, per
 *   connection, the ids whose states it added. A message carrying a state for (or removing) an
 *   id another connection announced is dropped, so nobody can speak as someone else's caret.
 *   A desk carries several ids on one connection (its windows' states, relayed by main), and
 *   changing or removing its own is fine.
 * - The name in a state is the account's: `user` is `{ name, color }` with `name` the name the
 *   connection logged in as (what the desk sets, src-renderer/features/sync/presence.ts) and
 *   `color` a #rrggbb colour. A state with another name, or other fields in `user`, is dropped.
 * - Sizes are bounded: a few states per message, each a few kilobytes of JSON (a name and a
 *   caret take a few hundred bytes).
 * Entries that would change nothing (a provider echoing the states it received) are not checked.
 */
import type { Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { UserRow } from './storage';

/** States in one awareness message (a desk sends its own and its windows'). */
const MAX_STATES = 32;
/** Characters of one state's JSON. */
export const MAX_STATE_CHARS = 4096;

const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Whether applying this entry changes anything (y-protocols' own rule: a newer clock, or a
 * removal at the same clock of a state still there). A provider sends back every state it
 * receives from the server, at the clock it had: those echoes change nothing and are let be.
 */
function changes(document: Document, client: number, clock: number, state: string): boolean {
  const current = document.awareness.meta.get(client)?.clock ?? -1;
  return current < clock || (current === clock && state === 'null' && document.awareness.states.has(client));
}

/** Why an awareness message is dropped, or null when it may go through. */
export function presenceRefusal(document: Document, socket: unknown, user: UserRow, body: Uint8Array): string | null {
  let entries: Array<{ client: number; state: string }>;
  try {
    const outer = decoding.createDecoder(body);
    const update = decoding.readVarUint8Array(outer);
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > MAX_STATES) return 'too many states';
    entries = [];
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      if (!changes(document, client, clock, state)) continue;
      if (state.length > MAX_STATE_CHARS) return 'state too large';
      entries.push({ client, state });
    }
  } catch {
    return 'not an awareness update';
  }
  const others = document.getConnections().filter((c) => c.webSocket !== socket);
  for (const { client, state } of entries) {
    if (others.some((c) => document.getClients(c.webSocket).has(client))) return `client ${client} belongs to another connection`;
    if (state === 'null') continue; // a removal of one's own state
    let value: unknown;
    try {
      value = JSON.parse(state);
    } catch {
      return 'state is not JSON';
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'state is not an object';
    const who = (value as { user?: unknown }).user;
    if (who === undefined) continue;
    if (typeof who !== 'object' || who === null) return 'user is not an object';
    const { name, color, ...rest } = who as Record<string, unknown>;
    if (name !== user.name || typeof color !== 'string' || !COLOR.test(color) || Object.keys(rest).length > 0) return `user is not ${user.name}`;
  }
  return null;
}
