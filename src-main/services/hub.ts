/**
 * Who is connected (a window in Electron, a WebSocket in web mode) and which articles each
 * has open; events go to every client, article updates only to the clients that hold a replica.
 */
import type { EventName, EventPayload } from '../../src-shared/contract';

export type ClientId = string;
export type Sink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class Hub {
  private readonly sinks = new Map<ClientId, Sink>();
  private readonly open = new Map<ClientId, Set<string>>();

  connect(client: ClientId, sink: Sink): () => void {
    this.sinks.set(client, sink);
    this.open.set(client, new Set());
    return () => {
      this.sinks.delete(client);
      this.open.delete(client);
    };
  }

  markOpen(client: ClientId, articleId: string): void {
    this.open.get(client)?.add(articleId);
  }

  markClosed(client: ClientId, articleId: string): void {
    this.open.get(client)?.delete(articleId);
  }

  isOpenAnywhere(articleId: string): boolean {
    for (const ids of this.open.values()) if (ids.has(articleId)) return true;
    return false;
  }

  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks.values()) sink(event, payload);
  }

  /** Sends a Yjs update to every replica of the article but the one it came from. */
  articleChanged(articleId: string, update: Uint8Array, origin: unknown): void {
    for (const [client, ids] of this.open) {
      if (client !== origin && ids.has(articleId)) this.sinks.get(client)?.('article:changed', { id: articleId, update });
    }
  }
}
