/**
 * Presence in an open article: a y-protocols `Awareness` on the replica's Y.Doc, linked to main.
 *
 * - Our own state is `{ user: { name, color }, cursor? }` (the cursor is the body editor's
 *   caret, written by y-tiptap's cursor plugin). Every change of it — and the awareness's own
 *   renewal every 15 s, which keeps it alive for the others — goes to main as
 *   `article:awareness { id, update }`, where `update` carries our state only. Main passes it on
 *   to the other windows holding the article and to the newsroom server.
 * - Others' states arrive as `article:awareness` events and are applied with the origin
 *   'main'; main sends every current state after our first message.
 * - Changes are gathered for SEND_DELAY_MS (the caret moves with every key: one call per key
 *   would put a request between a key and its paint) and at most one message is in flight:
 *   whatever changed meanwhile goes in the next, which always carries the latest state
 *   (awareness clocks make an older one harmless anyway).
 * - Leaving removes our state and sends that removal; the replica closes the article in main
 *   only after it was answered (see useArticleReplica), so no window keeps a ghost of us.
 *
 * Failures to send are not shown: presence is a courtesy, the article's text never depends on it.
 */
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { DeskApi } from '../../../src-shared/api';
import type { PresenceUser } from '../../../src-shared/sync';

export type PresenceApi = Pick<DeskApi, 'article' | 'on'>;

/** How long our changes are gathered before they are sent. */
export const SEND_DELAY_MS = 100;

/** The origin of states applied from main (anything else is our own change). */
export const MAIN_ORIGIN = 'main';

/** Colours for names, dark enough for white text on them (WCAG AA) and told apart from each other. */
export const PRESENCE_COLORS = ['#b3261e', '#1e5bb8', '#1b7a43', '#8a3ea8', '#9a4a0b', '#0f6f7c', '#a52a63', '#53611a'] as const;

/** The same name always gets the same colour, on every desk (FNV-1a of its NFC form). */
export function presenceColor(name: string): string {
  let hash = 0x811c9dc5;
  for (const ch of name.normalize('NFC')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length]!;
}

/** Someone else in the article. */
export interface PresentPerson {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
}

function personOf(clientId: number, state: Record<string, unknown> | undefined): PresentPerson | null {
  const user = state?.user;
  if (!user || typeof user !== 'object') return null;
  const { name, color } = user as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return null;
  return { clientId, name, color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : presenceColor(name) };
}

export class ArticlePresence {
  readonly awareness: Awareness;
  private people: readonly PresentPerson[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];
  private inFlight = false;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private leaving: Promise<void> | null = null;

  constructor(
    private readonly api: PresenceApi,
    readonly id: string,
    doc: Y.Doc,
    onReconnect: (listener: () => void) => () => void,
  ) {
    this.awareness = new Awareness(doc);
    this.cleanups.push(
      api.on['article:awareness']((e) => {
        if (e.id !== this.id) return;
        try {
          applyAwarenessUpdate(this.awareness, e.update, MAIN_ORIGIN);
        } catch (err) {
          console.warn('[presence] could not apply an awareness update from main', err);
        }
      }),
    );
    this.awareness.on('update', this.onUpdate);
    this.awareness.on('change', this.onChange);
    // Main may have lost us with the link (web mode): tell it again, and it sends the others.
    this.cleanups.push(onReconnect(() => this.send()));
  }

  /** Who we are in this article; sent to the others. */
  setUser(user: PresenceUser): void {
    if (this.leaving) return;
    const current = this.awareness.getLocalState()?.user as PresenceUser | undefined;
    if (current?.name === user.name && current.color === user.color) return;
    this.awareness.setLocalStateField('user', { name: user.name, color: user.color });
  }

  /** The others in the article, one entry per window (a person may have two). */
  others = (): readonly PresentPerson[] => this.people;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Removes our state, tells main, and stops; resolves once main has answered (or failed to). */
  leave(): Promise<void> {
    if (this.leaving) return this.leaving;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.awareness.off('update', this.onUpdate);
    this.awareness.off('change', this.onChange);
    for (const c of this.cleanups.splice(0)) c();
    const own = this.awareness.clientID;
    const known = this.awareness.getLocalState() !== null;
    removeAwarenessStates(this.awareness, [own], 'local');
    const update = encodeAwarenessUpdate(this.awareness, [own]);
    this.awareness.destroy();
    this.listeners.clear();
    this.leaving = known
      ? this.api.article.awareness({ id: this.id, update }).then(
          () => undefined,
          () => undefined,
        )
      : Promise.resolve();
    return this.leaving;
  }

  private readonly onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === MAIN_ORIGIN) return;
    const own = this.awareness.clientID;
    if (added.includes(own) || updated.includes(own) || removed.includes(own)) this.send();
  };

  private readonly onChange = (): void => {
    const own = this.awareness.clientID;
    const next: PresentPerson[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === own) continue;
      const person = personOf(clientId, state);
      if (person) next.push(person);
    }
    const same = next.length === this.people.length && next.every((p, i) => p.clientId === this.people[i]!.clientId && p.name === this.people[i]!.name && p.color === this.people[i]!.color);
    if (same) return;
    this.people = next;
    for (const l of [...this.listeners]) l();
  };

  /** Sends our current state soon (nothing before we have a name: the others would see an unnamed caret). */
  private send(): void {
    if (this.leaving || !this.awareness.getLocalState()?.user) return;
    this.dirty = true;
    if (this.inFlight || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, SEND_DELAY_MS);
  }

  private flush(): void {
    if (this.leaving || !this.dirty) return;
    this.dirty = false;
    this.inFlight = true;
    const update = encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]);
    void this.api.article
      .awareness({ id: this.id, update })
      .catch(() => undefined)
      .then(() => {
        this.inFlight = false;
        if (this.dirty) this.send();
      });
  }
}
