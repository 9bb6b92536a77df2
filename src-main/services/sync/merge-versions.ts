/**
 * Every merge is recoverable (DESIGN §3): before the server's changes are merged into text this
 * desk changed since its last sync, this desk's own text is saved as a version ("before merging
 * changes from <name>"), and beside it the other side's text ("changes from <name>").
 *
 * A round is one connection of an article's provider: from its (re)connection to the server to
 * being synced with every change acknowledged. A round that starts while the article has local
 * changes the server has not acknowledged (desk.json's `pending`) opens a *window*, and before
 * the provider starts syncing, the server's state is fetched over HTTP
 * (GET /api/articles/<id>/state): the other side's text before this desk's changes joined it.
 * The window closes
 * - at the first change from the server to the text (headline, lead, body): this desk's state
 *   is encoded in `beforeTransaction`, synchronously, before the change is applied; once it is
 *   applied, both sides are saved (asynchronously) — one such pair per window, so per round;
 * - or when this desk edits the article again once the round is over: its text is then no
 *   longer the text it brought back, and what arrives next is live co-editing.
 * When the desk was offline at some moment since those local changes began (or they were made
 * before it started), the window outlives its round, and the provider (one let go once its
 * article is on the server), on purpose: of two desks that edited apart, the one back first
 * finds nothing new on the server, and the other's offline changes reach it later — live, or in
 * a later round. Its other side is then the server's state from its round's start plus those
 * changes. Changes made and sent while online (the provider merely not attached yet) open a
 * window for their round alone: what arrives after it is live co-editing. Windows are kept in
 * memory: a desk restarted in between opens none for changes it already sent.
 * A round that starts while the server does not have the article opens none (nobody else can
 * have written to it).
 *
 * Who made the changes is asked of the server after the merge: everyone whose latest stored
 * update is newer than the version this desk last synced, this desk's user left out (unless
 * nobody else is left: the same login on another desk). Unknown when the server cannot say.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { KEYS } from '../../../src-shared/article-doc';
import type { ArticleWriter } from '../../../src-shared/server-api';
import type { Articles } from '../articles';
import type { History } from '../history/history';
import { lostTexts, touchedOnBothSides } from '../history/merge-places';
import * as api from './server-client';

/** How long a round waits for the server's state before it goes on without it. */
const FETCH_TIMEOUT_MS = 5_000;

export interface MergeSource {
  readonly history: History;
  readonly articles: Articles;
  /** Whether the article has local changes the server has not acknowledged. */
  pending(id: string): boolean;
  /** The server's version of the article when this desk last synced it (-1 when never). */
  syncedVersion(id: string): number;
  /** The login: server address, token and user name; null when logged out. */
  account(): { readonly server: string; readonly token: string; readonly user: string } | null;
}

interface ServerSide {
  readonly state: Uint8Array;
  readonly writers: readonly ArticleWriter[];
}

/** An article whose text, as this desk brought it back, has not yet taken in changes from the server. */
interface Window {
  /** The server's version when this desk last synced it before the window opened. */
  readonly since: number;
  /** The server's state at the window's opening: the other side's text (null when the server did not answer). */
  readonly other: ServerSide | null;
  /** The round that opened it (or a later one) is over: a local change now closes the window. */
  roundOver: boolean;
  /** The desk was offline while it held those changes: it stays open after its round. */
  readonly lasting: boolean;
}

/** Whether a transaction changed the headline, the lead or the body (anything inside them). */
function touchesText(tr: Y.Transaction, doc: Y.Doc): boolean {
  const roots = new Set<unknown>([KEYS.headline, KEYS.sapo, KEYS.body].map((key) => doc.share.get(key)).filter((t) => t !== undefined));
  for (const type of tr.changed.keys()) {
    let root = type;
    while (root._item && root._item.parent instanceof Y.AbstractType) root = root._item.parent;
    if (roots.has(root)) return true;
  }
  return false;
}

export class MergeVersions {
  private readonly windows = new Map<string, Window>();
  private readonly watches = new Map<string, () => void>();
  private readonly running = new Set<Promise<void>>();
  /** When each article's local changes not yet on the server began (this session). */
  private readonly pendingSince = new Map<string, number>();
  /** Whether the server answers, and the last moment it was seen not to (the sync service tells each change). */
  private online = false;
  private offlineAt = Date.now();
  private readonly stopListening: () => void;

  constructor(private readonly source: MergeSource) {
    this.stopListening = source.articles.onUpdate((id, origin) => {
      if (origin instanceof HocuspocusProvider) return;
      const now = Date.now();
      if (!this.online) this.offlineAt = now;
      if (!this.pendingSince.has(id)) this.pendingSince.set(id, now);
    });
  }

  /** The sync service's state changed; `online` is whether the server answers. */
  observe(online: boolean): void {
    this.online = online;
    if (!online) this.offlineAt = Date.now();
  }

  /** Watches an article's provider, attached to main's live document; call before `attach()`. */
  watch(id: string, provider: HocuspocusProvider, doc: Y.Doc): void {
    this.unwatch(id);
    let before: Uint8Array | null = null;
    let merging: { readonly local: Uint8Array; readonly window: Window } | null = null;

    // The provider starts a round in `onOpen` (attach() calls it when the socket is already
    // open; the socket's 'open' event calls `boundOnOpen`, bound at construction).
    const startRound = provider.onOpen.bind(provider);
    const socket = provider.configuration.websocketProvider;
    const onOpen = async (event: Parameters<HocuspocusProvider['onOpen']>[0]): Promise<void> => {
      const pending = this.source.pending(id);
      const open = this.windows.get(id);
      // Edited again after the round that opened it (with no provider to see it): a new window.
      if (open?.roundOver && pending) this.windows.delete(id);
      const window = this.windows.get(id);
      if (window) window.roundOver = false;
      else if (pending) {
        const since = this.source.syncedVersion(id);
        const began = this.pendingSince.get(id);
        const lasting = began === undefined || began <= this.offlineAt;
        const other = await this.serverSide(id);
        if (other !== undefined && !this.windows.has(id)) this.windows.set(id, { since, other, roundOver: false, lasting });
        // Closed or reconnected meanwhile: that newer connection starts its own round.
        if (!provider.isAttached || socket.receivedOnOpenPayload !== event) return;
      }
      return startRound(event);
    };
    provider.onOpen = onOpen;
    provider.boundOnOpen = onOpen;

    const settle = (): void => {
      if (!provider.isSynced || provider.unsyncedChanges !== 0) return;
      this.pendingSince.delete(id);
      const window = this.windows.get(id);
      if (!window) return;
      window.roundOver = true;
      if (!window.lasting) this.windows.delete(id);
    };
    const beforeTransaction = (tr: Y.Transaction): void => {
      if (tr.origin === provider && this.windows.has(id)) before = Y.encodeStateAsUpdate(doc);
    };
    const afterTransaction = (tr: Y.Transaction): void => {
      if (tr.origin !== provider || !before) return;
      const local = before;
      before = null;
      const window = this.windows.get(id);
      if (!window || !touchesText(tr, doc)) return;
      this.windows.delete(id);
      merging = { local, window };
    };
    const update = (remote: Uint8Array, origin: unknown): void => {
      if (origin !== provider) {
        if (this.windows.get(id)?.roundOver) this.windows.delete(id);
        return;
      }
      if (!merging) return;
      const { local, window } = merging;
      merging = null;
      this.track(this.save(id, { local, remote, merged: Y.encodeStateAsUpdate(doc), window }));
    };
    provider.on('synced', settle);
    provider.on('unsyncedChanges', settle);
    doc.on('beforeTransaction', beforeTransaction);
    doc.on('afterTransaction', afterTransaction);
    doc.on('update', update);
    this.watches.set(id, () => {
      provider.onOpen = startRound;
      provider.off('synced', settle);
      provider.off('unsyncedChanges', settle);
      doc.off('beforeTransaction', beforeTransaction);
      doc.off('afterTransaction', afterTransaction);
      doc.off('update', update);
    });
  }

  unwatch(id: string): void {
    this.watches.get(id)?.();
    this.watches.delete(id);
  }

  /** Stops listening and resolves once every merge seen so far is saved. */
  async close(): Promise<void> {
    this.stopListening();
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private track(p: Promise<void>): void {
    const guarded = p.catch((err: unknown) => console.error('[sync] could not save the versions of a merge', err));
    this.running.add(guarded);
    void guarded.finally(() => this.running.delete(guarded));
  }

  /** The server's state of the article now; null when it did not answer in time, undefined when it does not have the article. */
  private async serverSide(id: string): Promise<ServerSide | null | undefined> {
    const account = this.source.account();
    if (!account) return null;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), FETCH_TIMEOUT_MS)));
    try {
      const fetched = api.articleState(account.server, account.token, id).then(
        (answer) => answer ?? undefined,
        () => null,
      );
      return await Promise.race([fetched, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async save(id: string, m: { local: Uint8Array; remote: Uint8Array; merged: Uint8Array; window: Window }): Promise<void> {
    const side = m.window.other;
    // The other side: the server's text before this desk's changes joined it, with what came since.
    const remote = side ? Y.mergeUpdates([side.state, m.remote]) : null;
    const samePlace = remote ? touchedOnBothSides(m.local, remote, m.merged) : false;
    const lost = remote ? lostTexts(m.local, remote, m.merged) : [];
    const now = await this.serverSide(id);
    const by = this.names(now?.writers ?? side?.writers ?? [], m.window.since);
    await this.source.history.saveMerge(id, { local: m.local, remote, by, samePlace, lost });
  }

  private names(writers: readonly ArticleWriter[], since: number): string | null {
    const me = this.source.account()?.user;
    const after = writers.filter((w) => w.version > since);
    const others = after.filter((w) => w.name !== me);
    const names = (others.length ? others : after).map((w) => w.name);
    return names.length ? names.join(', ') : null;
  }
}
