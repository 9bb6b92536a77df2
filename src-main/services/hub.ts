/**
 * Who is connected (a window in Electron, a WebSocket in web mode) and which articles each
 * has open; events go to every client, article updates only to the clients that hold a replica.
 */
import type { EventName, EventPayload } from '../../src-shared/contract';

export type ClientId = string;
export type Sink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
/** Called when a client opens or closes an article (a client that goes away closes all of its). */
export type OpenListener = (client: ClientId, articleId: string, open: boolean) => void;

export class Hub {
  private readonly sinks = new Map<ClientId, Sink>();
  private readonly open = new Map<ClientId, Set<string>>();
  private readonly openListeners = new Set<OpenListener>();

  connect(client: ClientId, sink: Sink): () => void {
    this.sinks.set(client, sink);
    this.open.set(client, new Set());
    return () => {
      const ids = [...(this.open.get(client) ?? [])];
      this.sinks.delete(client);
      this.open.delete(client);
      for (const id of ids) this.openChanged(client, id, false);
    };
  }

  markOpen(client: ClientId, articleId: string): void {
    const ids = this.open.get(client);
    if (!ids || ids.has(articleId)) return;
    ids.add(articleId);
    this.openChanged(client, articleId, true);
  }

  markClosed(client: ClientId, articleId: string): void {
    if (this.open.get(client)?.delete(articleId)) this.openChanged(client, articleId, false);
  }

  onOpenChange(listener: OpenListener): () => void {
    this.openListeners.add(listener);
    return () => void this.openListeners.delete(listener);
  }

  /** Sends an event to one client (if it is still connected). */
  send<E extends EventName>(client: ClientId, event: E, payload: EventPayload<E>): void {
    this.sinks.get(client)?.(event, payload);
  }

  /** The clients that hold a replica of the article. */
  clientsWith(articleId: string): ClientId[] {
    return [...this.open].filter(([, ids]) => ids.has(articleId)).map(([client]) => client);
  }

  private openChanged(client: ClientId, articleId: string, open: boolean): void {
    for (const listener of this.openListeners) listener(client, articleId, open);
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
