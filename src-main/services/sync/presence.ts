/**
 * Presence in an article (who else is in it, and their cursor): one y-protocols Awareness per
 * article that is open in a window or linked to the server, on main's document of the article.
 *
 * A window sends the changes of its own state (`article:awareness`); they are applied here with
 * the window as origin, so they reach the server through the article's provider (which sends
 * every change of this Awareness) and the other windows holding the article. States from the
 * server (origin: the provider) go to every window holding the article. A window that closes
 * the article or goes away takes its states with it. Without a server, windows of one desk
 * still see each other.
 */
import type * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { DeskError } from '../../../src-shared/errors';
import type { Articles } from '../articles';
import type { ClientId, Hub } from '../hub';

interface Room {
  readonly awareness: Awareness;
  /** The awareness clients each window brought in. */
  readonly windows: Map<ClientId, Set<number>>;
  /** Set while the article's provider owns this Awareness (it is destroyed with the provider). */
  linked: boolean;
  release: (() => void) | null;
}

export class Presence {
  private readonly rooms = new Map<string, Room>();
  private readonly making = new Map<string, Promise<Room>>();
  private readonly unlisten: () => void;

  constructor(
    private readonly articles: Articles,
    private readonly hub: Hub,
  ) {
    this.unlisten = hub.onOpenChange((client, id, open) => {
      if (!open) this.leave(client, id);
    });
  }

  /** The Awareness a new provider of article `id` (on `doc`) should use. */
  forLink(id: string, doc: Y.Doc): Awareness {
    const room = this.rooms.get(id) ?? this.make(id, doc, null);
    room.linked = true;
    return room.awareness;
  }

  /** The provider of article `id` was destroyed, and its Awareness with it. */
  unlinked(id: string): void {
    const room = this.rooms.get(id);
    if (!room?.linked) return;
    this.rooms.delete(id);
    room.release?.();
  }

  /** A window's own presence state changed. */
  async receive(client: ClientId, id: string, update: Uint8Array): Promise<void> {
    // Only a window holding the article has a presence in it (and its leaving is then seen).
    if (!this.hub.clientsWith(id).includes(client)) throw new DeskError('notFound', { id });
    const room = await this.room(id);
    const first = !room.windows.has(client);
    if (first) room.windows.set(client, new Set());
    applyAwarenessUpdate(room.awareness, update, client);
    if (first) {
      const everyone = [...room.awareness.getStates().keys()];
      this.hub.send(client, 'article:awareness', { id, update: encodeAwarenessUpdate(room.awareness, everyone) });
    }
  }

  close(): void {
    this.unlisten();
    for (const [id, room] of this.rooms) {
      this.rooms.delete(id);
      if (!room.linked) room.awareness.destroy();
      room.release?.();
    }
  }

  private leave(client: ClientId, id: string): void {
    const room = this.rooms.get(id);
    const mine = room?.windows.get(client);
    if (!room || !mine) return;
    room.windows.delete(client);
    if (mine.size) removeAwarenessStates(room.awareness, [...mine], client);
    if (!room.linked && room.windows.size === 0) {
      this.rooms.delete(id);
      room.awareness.destroy();
      room.release?.();
    }
  }

  private async room(id: string): Promise<Room> {
    const known = this.rooms.get(id);
    if (known) return known;
    let making = this.making.get(id);
    if (!making) {
      making = this.articles.hold(id).then(({ doc, release }) => {
        const raced = this.rooms.get(id);
        if (raced) {
          release();
          return raced;
        }
        return this.make(id, doc, release);
      });
      this.making.set(id, making);
      void making.finally(() => this.making.delete(id)).catch(() => undefined);
    }
    return making;
  }

  private make(id: string, doc: Y.Doc, release: (() => void) | null): Room {
    const awareness = new Awareness(doc);
    const room: Room = { awareness, windows: new Map(), linked: false, release };
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const from = typeof origin === 'string' ? room.windows.get(origin) : undefined;
      if (from) {
        for (const c of [...added, ...updated]) from.add(c);
        for (const c of removed) from.delete(c);
      }
      const changed = [...added, ...updated, ...removed];
      const targets = this.hub.clientsWith(id).filter((c) => c !== origin);
      if (!changed.length || !targets.length) return;
      const update = encodeAwarenessUpdate(awareness, changed);
      for (const c of targets) this.hub.send(c, 'article:awareness', { id, update });
    });
    this.rooms.set(id, room);
    return room;
  }
}
