/**
 * Who is connected now (GET /api/connections, admins): every user holding a WebSocket on this
 * instance, read from Hocuspocus's documents and their connections' context (the user the
 * token named), with the articles open and since when. Each instance answers for its own
 * sockets: behind a balancer, an admin sees the instance they reached.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { textOf } from '../src-shared/article-doc';
import { DIRECTORY_CHANNEL, type ConnectedUser, type ConnectionsResponse } from '../src-shared/server-api';
import type { SyncContext } from './sync';

/** When each WebSocket connected (noted at the upgrade; Hocuspocus keeps no time). */
const openedAt = new WeakMap<object, string>();

export function noteOpened(socket: object, at: string): void {
  openedAt.set(socket, at);
}

export function connectedNow(hocuspocus: Hocuspocus, now: string): ConnectionsResponse {
  const byUser = new Map<number, { user: SyncContext['user']; sockets: Set<object>; articles: Map<string, string>; since: string }>();
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const user = (connection.context as SyncContext | undefined)?.user;
      if (!user) continue;
      let entry = byUser.get(user.id);
      if (!entry) byUser.set(user.id, (entry = { user, sockets: new Set(), articles: new Map(), since: now }));
      entry.sockets.add(connection.webSocket);
      const opened = openedAt.get(connection.webSocket) ?? now;
      if (opened < entry.since) entry.since = opened;
      // The headline as the open document holds it: no read of the database.
      if (document.name !== DIRECTORY_CHANNEL) entry.articles.set(document.name, textOf(document as Y.Doc, 'headline').trim());
    }
  }
  const users: ConnectedUser[] = [...byUser.values()].map((e) => ({
    name: e.user.name,
    role: e.user.role,
    sockets: e.sockets.size,
    articles: [...e.articles].sort(([a], [b]) => a.localeCompare(b)).map(([id, headline]) => ({ id, headline })),
    since: e.since,
  }));
  return { users: users.sort((a, b) => a.name.localeCompare(b.name, 'vi')) };
}
