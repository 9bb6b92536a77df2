/**
 * Sync with the newsroom server, in the background (DESIGN §4).
 *
 * - One HocuspocusProviderWebsocket (one socket for every article), kept while the desk is
 *   logged in and syncing in the background (the command line's `round` opens it only while
 *   there is work). On it: the directory channel (channel.ts), through which the server tells
 *   the desk at once of an article it may read that is new, changed or assigned to it, and of a
 *   photo stored for one; and a provider per article that is open in a window, has local
 *   changes the server has not acknowledged, or is newer on the server than on this desk. A
 *   provider is attached to main's own live document of the article, so local edits flow out
 *   as they are made and the server's are saved and reach the windows like any other change.
 * - An article is on the server when its provider is synced, `unsyncedChanges` is 0 (the
 *   server commits each update before it acknowledges it) and what the server was seen to hold
 *   covers the desk's copy (server-holds.ts: the count alone can be met by an acknowledgement
 *   meant for an earlier provider of the article); when it does not, the desk asks the server
 *   for its state again. Providers of articles no window has open are then let go; open ones
 *   stay for live co-editing and presence.
 * - Online means the server answered: the socket is open (its heartbeat, desk-socket.ts, drops
 *   it within seconds of the server going silent) or the directory (GET /api/directory)
 *   answered. The directory is asked at start, on every reconnection, every `pollMs` while
 *   online (a fallback: the channel tells of changes first) and with backoff while not. The
 *   socket reconnects by itself, with backoff capped at `maxDelayMs` and jitter (many desks
 *   coming back at once do not come at the same instant), and at once when the system says the
 *   network is back (`networkUp`) or the directory answers again.
 * - A refusal is told per article (forbidden, workflow) or for the desk (the login is no longer
 *   valid); nothing local is touched by either, and the socket stays up for everything else.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import { chmod } from 'node:fs/promises';
import * as Y from 'yjs';
import { meta } from '../../../src-shared/article-doc';
import { readPhotos } from '../../../src-shared/article-photos';
import { assertNever, DeskError, toErrorPayload, type ErrorCode, type ErrorPayload } from '../../../src-shared/errors';
import { PHOTO_MAX_BYTES } from '../../../src-shared/photos';
import { tokenWithClaim } from '../../../src-shared/article-claim';
import { SYNC_PATH, type DeskNotice, type DirectoryEntry, type Role } from '../../../src-shared/server-api';
import type { SyncLoginInput, SyncState, SyncStatus } from '../../../src-shared/sync';
import type { Articles } from '../articles';
import type { DeskData } from '../desk-store';
import type { CoalescingWriter } from '../durable-file';
import type { Hub } from '../hub';
import type { History } from '../history/history';
import type { PhotoStore } from '../photos/store';
import type { Low } from 'lowdb';
import { DirectoryChannel } from './channel';
import { DEFAULT_HEARTBEAT, deskWebSocket, type Heartbeat } from './desk-socket';
import { MergeVersions } from './merge-versions';
import { Presence } from './presence';
import { sendOwnPresenceOnly } from './own-presence';
import { RecordBatch } from './record-batch';
import type { ArticleSyncRecord } from './records';
import { plainBox, seal, unseal, type SecretBox } from './secret-box';
import * as api from './server-client';
import { ServerHolds } from './server-holds';

export interface SyncOptions {
  /** Seals the token (Electron: safeStorage). */
  readonly box?: SecretBox;
  /** How often the directory is asked while online (default 30 s; the channel tells of changes first). */
  readonly pollMs?: number;
  /** Backoff while the server does not answer: from `minDelayMs` (default 0.5 s) doubling to `maxDelayMs` (default 3 s), with jitter. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  /** The socket's heartbeat (desk-socket.ts): a ping every `heartbeatMs`, the server taken for gone after `deadAfterMs` without an answer. */
  readonly heartbeat?: Heartbeat;
  /** Providers attached at once for articles no window has open (default 32). */
  readonly concurrency?: number;
  /** How long records of articles received wait for others to be written with (record-batch.ts; default 1 s). */
  readonly recordBatchMs?: number;
}

interface Link {
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  release: () => void;
  /** The article was not on this desk: it is adopted once the provider has its content. */
  adopting: boolean;
  /** The directory's version when the link was made (-1 when unknown). */
  readonly version: number;
  done: boolean;
  /** Watches that the server takes the provider in (see AUTH_WAIT_MS). */
  watchdog?: ReturnType<typeof setInterval>;
  /** What the server was seen to hold of the article (server-holds.ts). */
  readonly holds: ServerHolds;
  /** The server's answers counted when the desk last asked for its state (-1: not asked); an answer is on its way while no more came. */
  asked: number;
  /** Times asked since the last local change without the answer covering the desk's copy (at most MAX_ASKS). */
  asks: number;
  askTimer?: ReturnType<typeof setTimeout>;
  /** The server closed the article's connection (a refusal): letting the provider go sends no close of its own. */
  closedByServer: boolean;
}

/**
 * The server's state is asked again at most this many times after one local change: an answer
 * that still lacks the change comes with a refusal (it closes the article) or is followed by
 * the desk's own reply, which sends what the server lacks, and a second answer then holds it.
 * Past that, the article stays unsynced until the next connection.
 */
const MAX_ASKS = 5;
/** An article open in a window is asked about once its typing pauses this long (not at every acknowledgement). */
const ASK_OPEN_DELAY_MS = 300;

/**
 * How long a provider may wait on a connected socket for the server to take it in. An article
 * let go and linked again at once (a notice of a change just after its round) sends its new
 * login on the same socket before the server has handled the old provider's close: the server
 * gives the login to the old connection, which is closing, and the new provider waits for ever
 * ("syncing" and never synced). Past this wait it is let go and linked again a moment later.
 */
const AUTH_WAIT_MS = 4_000;
const AUTH_CHECK_MS = 1_000;

interface Deps {
  readonly db: Low<DeskData>;
  readonly writer: CoalescingWriter;
  readonly articles: Articles;
  readonly hub: Hub;
  readonly photos: PhotoStore;
  readonly dataDir: string;
  /** Versions saved around merges (merge-versions.ts). */
  readonly history?: History;
}

const STATUS_DELAY_MS = 100;

/** The article a Hocuspocus close message (type 7) is for, or null for any other message. */
function closeMessageFor(data: unknown): string | null {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  if (!bytes) return null;
  try {
    const decoder = decoding.createDecoder(bytes);
    const article = decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === CLOSE_MESSAGE ? article : null;
  } catch {
    return null;
  }
}
const CLOSE_MESSAGE = 7;

/** The desk's code for each reason the server refuses an article with (anything else: forbidden). */
const REFUSALS: ReadonlyMap<string, ErrorCode> = new Map([
  ['workflowReadOnly', 'syncWorkflowReadOnly'],
  ['notFound', 'notFound'],
  ['tooManyArticles', 'syncTooManyArticles'],
  ['articleTooLarge', 'syncArticleTooLarge'],
]);

/** Refusals over a server limit (README, "Accounts"): asked again on `retry`. */
const QUOTA_CODES: ReadonlySet<ErrorCode> = new Set(['syncTooManyArticles', 'syncArticleTooLarge']);

/** How long an article refused for the hourly limit of new articles waits before it is asked again (the user's retry asks at once). */
const QUOTA_RETRY_MS = 10 * 60_000;

export class SyncService {
  readonly presence: Presence;
  private readonly merges: MergeVersions | null;
  private readonly box: SecretBox;
  private readonly pollMs: number;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly concurrency: number;
  private readonly webSocketClass: ReturnType<typeof deskWebSocket>;

  private socket: HocuspocusProviderWebsocket | null = null;
  private channel: DirectoryChannel | null = null;
  /**
   * Articles whose authentication the server refused on the current connection. Hocuspocus 3
   * keeps a refused document name marked on that connection and never authenticates it there
   * again, so linking one of them anew (it was assigned to this user since) takes a new
   * connection (`recycling`).
   */
  private readonly refusedOnConnection = new Set<string>();
  /** The connection is being replaced on purpose: its closing is not the server going away. */
  private recycling = false;
  private readonly links = new Map<string, Link>();
  private readonly queue = new Set<string>();
  /** Articles whose provider is being made (their document loading). */
  private readonly linking = new Set<string>();
  /**
   * Articles let go on the current connection whose close the server has not answered yet (it
   * answers a provider's close with one of its own, once it has handled what that provider sent
   * before). Linked again only after that answer: until then the server would hand the new
   * provider's login to the old connection, which is closing (the new one then waits for ever),
   * and the old one's acknowledgements and close would reach the new provider.
   */
  private readonly closing = new Map<string, number>();
  /** No directory answer yet since the start or the login: the desk cannot say it is synced. */
  private fresh = true;
  private readonly versions = new Map<string, number>();
  /** When the server last stored a change to each article (directory and notices): the library's "updated" for changes from it. */
  private readonly serverTimes = new Map<string, string>();
  private readonly refused = new Map<string, ErrorCode>();
  /** When each refusal came (a refusal over the hourly limit is asked again after a while). */
  private readonly refusedAt = new Map<string, number>();
  private running = false;
  private online = false;
  private error: ErrorPayload | null = null;
  private failures = 0;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private statusTimer: NodeJS.Timeout | null = null;
  /** The server answered or failed to since the start or the login: before that the state is `connecting`. */
  private tried = false;
  private lastState: SyncState | null = null;
  private readonly waiters = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly unlisten: Array<() => void> = [];
  private closed = false;
  /** Records of articles received, written to desk.json many at a time (record-batch.ts). */
  private readonly records: RecordBatch;

  constructor(
    private readonly deps: Deps,
    options: SyncOptions = {},
  ) {
    this.box = options.box ?? plainBox;
    this.pollMs = options.pollMs ?? 30_000;
    this.minDelayMs = options.minDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 3_000;
    this.webSocketClass = deskWebSocket(options.heartbeat ?? DEFAULT_HEARTBEAT);
    this.concurrency = options.concurrency ?? 32;
    this.presence = new Presence(deps.articles, deps.hub);
    this.records = new RecordBatch(
      {
        write: () => this.deps.writer.request(),
        committed: (adopted) => {
          if (adopted) this.deps.hub.broadcast('library:changed', {});
          this.statusChanged();
        },
      },
      options.recordBatchMs,
    );
    const history = deps.history;
    this.merges = history
      ? new MergeVersions({
          history,
          articles: deps.articles,
          // An article not on this desk yet (being fetched) has nothing of its own to keep.
          pending: (id) => this.deps.articles.has(id) && this.data.articles[id]?.pending !== false,
          syncedVersion: (id) => this.data.articles[id]?.version ?? -1,
          account: () => (this.data.account ? { server: this.data.account.server, token: unseal(this.box, this.data.account.token), user: this.data.account.user } : null),
        })
      : null;
    this.unlisten.push(
      deps.articles.onUpdate((id, origin) => this.changed(id, origin)),
      deps.hub.onOpenChange((_client, id, open) => (open ? this.opened(id) : this.maybeLetGo(id))),
    );
  }

  private get data(): DeskData['sync'] {
    return this.deps.db.data.sync;
  }

  /** Starts background sync (the app; not the command line, which calls `round`). */
  start(): void {
    this.running = true;
    if (this.data.account) {
      this.ensureChannel();
      this.pollSoon(0);
    }
    this.statusChanged();
  }

  status(): SyncStatus {
    const account = this.data.account;
    return {
      state: this.noteState(),
      server: account?.server ?? null,
      user: account?.user ?? null,
      role: account?.role ?? null,
      error: this.error,
      lastSyncedAt: this.data.lastSyncedAt,
      pending: account ? this.pendingIds() : [],
      refused: [...this.refused].map(([id, code]) => ({ id, code })),
    };
  }

  async login(input: SyncLoginInput & { server: string }): Promise<SyncStatus> {
    const answer = await api.login(input.server, input.user.normalize('NFC').trim(), input.password);
    const before = this.data.account;
    this.stopLinks();
    const sameServer = before?.server === input.server;
    this.deps.db.data.sync = {
      account: { server: input.server, user: answer.user.name, role: answer.user.role, token: seal(this.box, answer.token), expiresAt: answer.expiresAt },
      // Versions and photos known belong to one server; local changes stay pending whatever the server.
      articles: sameServer ? this.data.articles : Object.fromEntries(Object.entries(this.data.articles).map(([id, r]) => [id, { ...r, version: -1, pending: true }])),
      photos: sameServer ? this.data.photos : [],
      lastSyncedAt: sameServer ? this.data.lastSyncedAt : null,
      // Articles made here are created on whichever server with their secrets.
      secrets: this.data.secrets,
    };
    if (this.box.kind === 'plain') await chmod(this.deps.dataDir, 0o700).catch(() => undefined);
    await this.deps.writer.request();
    this.error = null;
    this.refused.clear();
    this.failures = 0;
    this.online = true; // it just answered
    this.tried = true;
    this.fresh = true;
    if (this.running) {
      this.ensureChannel();
      this.pollSoon(0);
    }
    this.statusChanged();
    return this.status();
  }

  async logout(): Promise<SyncStatus> {
    this.stopLinks();
    this.clearPoll();
    this.data.account = null;
    await this.deps.writer.request();
    this.error = null;
    this.online = false;
    this.refused.clear();
    this.statusChanged();
    return this.status();
  }

  retry(): SyncStatus {
    if (this.data.account) {
      this.error = null;
      this.failures = 0;
      // Refused over a limit: asked again now (the hour may have passed, the article been cut).
      for (const [id, code] of [...this.refused]) if (QUOTA_CODES.has(code)) this.refused.delete(id);
      if (this.running) this.ensureChannel();
      this.reconnectNow();
      this.pollSoon(0);
    }
    return this.status();
  }

  /**
   * The system says the network is back (a window's `online` event): while the server does not
   * answer, try it now rather than at the next backoff step. A refusal stays as it is (that is
   * `retry`), and nothing is taken as online until the server answers.
   */
  networkUp(): SyncStatus {
    if (this.data.account && !this.error && !this.online) {
      this.failures = 0;
      this.reconnectNow();
      this.pollSoon(0);
    }
    return this.status();
  }

  /**
   * One full round (the command line's `sync`): asks the directory, syncs every article that
   * needs it, and resolves when each is acknowledged. Rejects with the reason otherwise.
   */
  async round(timeoutMs = 120_000): Promise<{ synced: number }> {
    if (!this.data.account) throw new DeskError('syncNotConfigured');
    await this.poll(true);
    const total = this.queue.size + this.links.size;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.error) throw new DeskError(this.error.code, this.error.params);
      if (this.queue.size === 0 && this.linking.size === 0 && [...this.links.values()].every((l) => l.done)) break;
      if (!this.online) throw new DeskError('syncUnreachable');
      if (Date.now() > deadline) throw new DeskError('syncIncomplete', { pending: this.pendingIds().length });
      await this.nextChange(Math.max(1, deadline - Date.now()));
    }
    await this.records.flush();
    await this.deps.writer.idle();
    const pending = this.pendingIds().filter((id) => !this.refused.has(id));
    if (pending.length) throw new DeskError('syncIncomplete', { pending: pending.length });
    return { synced: total };
  }

  /** The account's server and token (unsealed), for the desk's other calls to the server (the workflow); null when not logged in. */
  credentials(): { server: string; token: string; user: string; role: Role } | null {
    const a = this.data.account;
    return a ? { server: a.server, token: unseal(this.box, a.token), user: a.user, role: a.role } : null;
  }

  /** Whether the article has changes here the server has not acknowledged (one of `status().pending`, without listing them all). */
  unsent(id: string): boolean {
    return this.data.account !== null && this.deps.articles.has(id) && this.data.articles[id]?.pending !== false;
  }

  /** The server answered lately (the socket is up or the directory answered). */
  isOnline(): boolean {
    return this.data.account !== null && this.online;
  }

  private readonly toldListeners = new Set<(id: string) => void>();

  /**
   * Called when the server tells of an article at a version this desk knew already: something
   * other than its text changed there (an assignment, a new owner).
   */
  onArticleTold(listener: (id: string) => void): () => void {
    this.toldListeners.add(listener);
    return () => void this.toldListeners.delete(listener);
  }

  private readonly dictionaryListeners = new Set<() => void>();

  /** Called when the server tells that the newsroom dictionary changed. */
  onDictionaryNotice(listener: () => void): () => void {
    this.dictionaryListeners.add(listener);
    return () => void this.dictionaryListeners.delete(listener);
  }

  /** Called on every change of sync's state (online, offline, login, logout). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => void this.changeListeners.delete(listener);
  }

  /** Presence from a window (see presence.ts). */
  awareness(client: string, id: string, update: Uint8Array): Promise<void> {
    return this.presence.receive(client, id, update);
  }

  /** A photo this desk lacks, fetched from the server by its SHA-256 and stored; false without a server or when it has none. */
  async fetchPhoto(id: string): Promise<boolean> {
    const account = this.data.account;
    if (!account) return false;
    let bytes: Uint8Array;
    try {
      bytes = await api.getPhoto(account.server, unseal(this.box, account.token), id, PHOTO_MAX_BYTES);
    } catch (err) {
      if (err instanceof DeskError && err.code === 'notFound') return false;
      throw err;
    }
    const facts = await this.deps.photos.put(bytes, id);
    if (facts.id !== id) throw new DeskError('photoDamaged', { file: id });
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.running = false;
    this.clearPoll();
    if (this.statusTimer) clearTimeout(this.statusTimer);
    for (const off of this.unlisten.splice(0)) off();
    await this.polling?.catch(() => undefined);
    this.stopLinks();
    // What was received is written with its records before the desk closes.
    await this.records.flush().catch((err: unknown) => console.error('[sync] could not write the sync records', err));
    this.records.close();
    this.presence.close();
    await this.merges?.close();
    for (const wake of this.waiters) wake();
  }

  // --- the loop ---

  private pollSoon(delayMs: number): void {
    this.clearPoll();
    if (this.closed) return;
    this.pollTimer = setTimeout(() => void this.poll(false).catch(() => undefined), delayMs);
  }

  private clearPoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private poll(rethrow: boolean): Promise<void> {
    const run = (this.polling ??= this.pollOnce().finally(() => (this.polling = null)));
    return rethrow ? run : run.catch(() => undefined);
  }

  private async pollOnce(): Promise<void> {
    const account = this.data.account;
    if (!account || this.closed) return;
    let entries: readonly DirectoryEntry[];
    try {
      entries = (await api.directory(account.server, unseal(this.box, account.token))).articles;
    } catch (err) {
      const error = toErrorPayload(err);
      if (error.code === 'syncUnauthorized' || error.code === 'syncNotServer') {
        this.fail(error);
      } else {
        this.online = false;
        this.tried = true;
        this.failures++;
        if (this.running) this.pollSoon(Math.min(this.maxDelayMs, this.minDelayMs * 2 ** (this.failures - 1)));
        this.statusChanged();
      }
      throw err;
    }
    if (this.data.account !== account) return; // logged out or in again meanwhile
    this.online = true;
    this.tried = true;
    this.fresh = false;
    this.failures = 0;
    this.error = null;
    if (this.running) this.ensureChannel();
    // The server answers again: a socket waiting out its backoff tries now.
    this.reconnectNow();
    for (const entry of entries) {
      this.versions.set(entry.id, entry.version);
      this.serverTimes.set(entry.id, entry.updatedAt);
      this.mayHaveNow(entry.id); // listed: this user may have it now
      const record = this.data.articles[entry.id];
      if (!this.deps.articles.has(entry.id) || !record || record.version < entry.version) this.queue.add(entry.id);
    }
    // Refused for the hourly limit of new articles: asked again once that may have eased.
    for (const [id, at] of [...this.refusedAt]) {
      const code = this.refused.get(id);
      if (code === 'syncTooManyArticles' && Date.now() - at > QUOTA_RETRY_MS) this.refused.delete(id);
      if (!this.refused.has(id)) this.refusedAt.delete(id);
    }
    for (const id of this.pendingIds()) if (!this.refused.has(id)) this.queue.add(id);
    for (const id of this.deps.articles.entries().map((e) => e.id)) if (this.deps.hub.isOpenAnywhere(id) && !this.refused.has(id)) this.queue.add(id);
    this.pump();
    if (this.running) this.pollSoon(this.pollMs);
    this.statusChanged();
  }

  /** Attaches providers for queued articles: open ones at once, others up to `concurrency`. */
  private pump(): void {
    if (!this.data.account || this.error || this.closed) return;
    for (const id of [...this.queue]) {
      // Refused: linked again only once the refusal is lifted (listed, told, retried), whatever
      // queued it meanwhile (a newer version listed, the watchdog) — else a refused update is sent again and again.
      if (this.links.has(id) || this.linking.has(id) || this.refused.has(id)) {
        this.queue.delete(id);
        continue;
      }
      if (this.closing.has(id)) continue; // linked once the server answers the close (or it is given up)
      const busy = [...this.links.values()].filter((l) => !l.done).length + this.linking.size;
      if (busy >= this.concurrency && !this.deps.hub.isOpenAnywhere(id)) break;
      this.queue.delete(id);
      this.linking.add(id);
      void this.link(id)
        .catch((err: unknown) => {
          if (!(err instanceof DeskError && err.code === 'notFound')) console.error('[sync] could not link', id, err);
        })
        .finally(() => {
          this.linking.delete(id);
          this.statusChanged();
        });
    }
    if (this.links.size === 0 && this.linking.size === 0 && this.queue.size === 0 && !this.channel) this.dropSocket();
    this.statusChanged();
  }

  private ensureSocket(server: string): HocuspocusProviderWebsocket {
    if (this.socket) return this.socket;
    const socket = new HocuspocusProviderWebsocket({
      url: server.replace(/^http/, 'ws') + SYNC_PATH,
      WebSocketPolyfill: this.webSocketClass,
      delay: this.minDelayMs,
      minDelay: this.minDelayMs,
      maxDelay: this.maxDelayMs,
      factor: 2,
      jitter: true,
      maxAttempts: 0,
      // The heartbeat (desk-socket.ts) watches the link; the provider's own check (no message
      // for this long) would only close a quiet but healthy socket.
      messageReconnectTimeout: 24 * 60 * 60_000,
    });
    socket.on('message', ({ data }: { data?: unknown }) => {
      const closed = closeMessageFor(data);
      if (closed === null || !this.closing.delete(closed)) return;
      if (this.queue.has(closed)) this.pump();
    });
    socket.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') {
        const wasOnline = this.online;
        this.online = true;
        this.tried = true;
        this.failures = 0;
        if (!wasOnline && this.running) this.pollSoon(0);
      } else if (status === 'disconnected') {
        this.refusedOnConnection.clear();
        this.closing.clear();
        if (this.recycling) this.recycling = false;
        else this.online = false;
        this.tried = true;
        for (const link of this.links.values()) {
          link.done = false;
          link.asks = 0;
        }
      }
      this.statusChanged();
    });
    this.socket = socket;
    return socket;
  }

  private dropSocket(): void {
    this.refusedOnConnection.clear();
    this.closing.clear();
    this.recycling = false;
    this.channel?.destroy();
    this.channel = null;
    this.socket?.destroy();
    this.socket = null;
  }

  /** A socket waiting out its backoff tries now. */
  private reconnectNow(): void {
    if (this.socket && (this.socket as unknown as { status?: string }).status === 'disconnected') void this.socket.connect().catch(() => undefined);
  }

  /** The directory channel (and with it the socket), while logged in and syncing in the background. */
  private ensureChannel(): void {
    const account = this.data.account;
    if (this.channel || !account || this.error || this.closed || !this.running) return;
    const socket = this.ensureSocket(account.server);
    this.channel = new DirectoryChannel(socket, unseal(this.box, account.token), {
      notice: (notice) => this.notice(notice),
      authenticated: () => {
        if (this.online) return;
        this.online = true;
        this.tried = true;
        this.statusChanged();
      },
      refused: (reason) => {
        if (reason === 'unauthorized') this.fail({ code: 'syncUnauthorized' });
      },
    });
  }

  /** What the server told on the directory channel. */
  private notice(notice: DeskNotice): void {
    if (!this.data.account || this.error || this.closed) return;
    switch (notice.kind) {
      case 'article': {
        const { id, version, updatedAt } = notice;
        // Told of a version this desk knew already: what changed is not the text (its assignees, its owner).
        const known = this.versions.get(id);
        if (known !== undefined && version <= known) for (const listener of this.toldListeners) listener(id);
        this.versions.set(id, Math.max(version, this.versions.get(id) ?? -1));
        if (!this.serverTimes.has(id) || this.serverTimes.get(id)! < updatedAt) this.serverTimes.set(id, updatedAt);
        this.mayHaveNow(id); // told: this user may have it now
        const record = this.data.articles[id];
        if (this.links.has(id) || this.linking.has(id)) return; // its provider brings the change
        if (!this.deps.articles.has(id) || !record || record.version < version) {
          this.queue.add(id);
          this.pump();
        }
        return;
      }
      case 'photo':
        void this.photoArrived(notice.article, notice.photo).catch((err: unknown) => console.error('[sync] could not fetch photo', notice.photo, err));
        return;
      case 'dictionary':
        for (const l of [...this.dictionaryListeners]) l();
        return;
      default:
        return assertNever(notice);
    }
  }

  /** A photo reached the server: a desk showing its article fetches it now and tells the windows, whose placeholder becomes the picture. */
  private async photoArrived(article: string, photo: string): Promise<void> {
    if (!this.deps.hub.isOpenAnywhere(article) || (await this.deps.photos.facts(photo))) return;
    if (await this.fetchPhoto(photo)) this.deps.hub.broadcast('photo:arrived', { photo });
  }

  private async link(id: string): Promise<void> {
    const account = this.data.account;
    if (!account || this.links.has(id)) return;
    // With the article's creation secret when it was made here: the server records it as ours.
    const token = tokenWithClaim(unseal(this.box, account.token), this.data.secrets[id]);
    const known = this.deps.articles.has(id);
    const held = known ? await this.deps.articles.hold(id) : { doc: new Y.Doc(), release: () => undefined };
    if (this.data.account !== account || this.links.has(id) || this.closed) {
      held.release();
      return;
    }
    const socket = this.ensureSocket(account.server);
    if (this.refusedOnConnection.has(id) && socket.webSocket) {
      this.recycling = true;
      socket.webSocket.close();
    }
    const awareness = known ? this.presence.forLink(id, held.doc) : undefined;
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: id, document: held.doc, token, ...(awareness ? { awareness } : {}) });
    sendOwnPresenceOnly(provider);
    const link: Link = { provider, doc: held.doc, release: held.release, adopting: !known, version: this.versions.get(id) ?? -1, done: false, holds: new ServerHolds(provider), asked: -1, asks: 0, closedByServer: false };
    this.links.set(id, link);
    const check = (): void => void this.check(id, link).catch((err: unknown) => console.error('[sync] after sync of', id, err));
    provider.on('synced', check);
    provider.on('unsyncedChanges', check);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      this.refusedOnConnection.add(id);
      this.refusedBy(id, link, reason);
    });
    provider.on('close', ({ event }: { event: { code?: number; reason?: string } }) => {
      if (event.code === 1000) link.closedByServer = true;
      // The server closing this article's connection (a Hocuspocus close message, code 1000)
      // refuses it; a whole socket closing (revalidation after a change of accounts, a server
      // stopping) only means reconnecting, and each article is asked again then.
      if (event.code === 1000 && (event.reason === 'workflowReadOnly' || event.reason === 'forbidden' || event.reason === 'articleTooLarge')) this.refusedBy(id, link, event.reason);
    });
    this.merges?.watch(id, provider, held.doc);
    provider.attach();
    let waited = 0;
    link.watchdog = setInterval(() => {
      const connected = (socket as unknown as { status?: string }).status === 'connected';
      waited = connected && !provider.isAuthenticated ? waited + AUTH_CHECK_MS : 0;
      if (waited < AUTH_WAIT_MS || this.links.get(id) !== link) return;
      this.unlink(id, link);
      setTimeout(() => {
        if (this.closed || this.links.has(id)) return;
        this.queue.add(id);
        this.pump();
      }, AUTH_CHECK_MS).unref?.();
    }, AUTH_CHECK_MS);
    link.watchdog.unref?.();
    this.statusChanged();
  }

  /**
   * After each acknowledgement: once the server has everything, records it and lets the
   * provider go. The record says the desk holds the server's version: it is made only once the
   * article's file holds it, and reaches desk.json with others received meanwhile (record-batch.ts).
   */
  private async check(id: string, link: Link): Promise<void> {
    const { provider } = link;
    if (this.links.get(id) !== link || !provider.isSynced || provider.unsyncedChanges !== 0) return;
    if (!link.holds.covers(link.doc)) {
      this.askServer(id, link);
      return;
    }
    link.asks = 0;
    const adopted = link.adopting;
    if (link.adopting) {
      link.adopting = false;
      if (meta(link.doc).get('id') !== id) {
        // The server has no content for it (nobody wrote it yet): nothing to keep.
        this.unlink(id, link);
        this.pump();
        return;
      }
      // Saved and indexed in memory; the index entry reaches desk.json with the batch.
      await this.deps.articles.adopt(id, link.doc, this.serverTimes.get(id), { batched: true });
      const held = await this.deps.articles.hold(id);
      link.release = held.release;
    }
    if (link.done) return;
    link.done = true;
    try {
      // Changes from the server are saved as they arrive; the last save may still be running.
      await this.deps.articles.saved(id);
    } catch (err) {
      link.done = false;
      throw err;
    }
    // Let go meanwhile (a new login), or changed here meanwhile (its record says so now): not synced.
    if (this.links.get(id) !== link || !link.done) return;
    const now = new Date().toISOString();
    const before = this.data.articles[id];
    const record: ArticleSyncRecord = { pending: false, version: Math.max(before?.version ?? -1, link.version), syncedAt: now };
    this.data.articles[id] = record;
    this.records.note(adopted, this.queue.size === 0 && this.linking.size === 0 && [...this.links.values()].every((l) => l.done));
    this.statusChanged();
    void this.uploadPhotos(id, link.doc).catch(() => undefined);
    this.maybeLetGo(id);
    this.pump();
  }

  /**
   * Acknowledged, but the server was not seen to hold all of the desk's copy: asks for its state
   * (a sync step 1; Hocuspocus answers it with its own state vector and delete set once it has
   * handled what the connection sent before), unless an answer is on its way.
   */
  private askServer(id: string, link: Link): void {
    if (link.asked >= 0 && link.holds.answered <= link.asked) return;
    if (link.asks >= MAX_ASKS) return;
    clearTimeout(link.askTimer);
    const ask = (): void => {
      if (this.links.get(id) !== link || (link.asked >= 0 && link.holds.answered <= link.asked)) return;
      link.asked = link.holds.answered;
      link.asks++;
      link.provider.forceSync();
    };
    if (this.deps.hub.isOpenAnywhere(id)) {
      link.askTimer = setTimeout(ask, ASK_OPEN_DELAY_MS);
      link.askTimer.unref?.();
    } else ask();
  }

  private maybeLetGo(id: string): void {
    const link = this.links.get(id);
    if (!link || !link.done || link.adopting || this.deps.hub.isOpenAnywhere(id)) return;
    this.unlink(id, link);
    this.pump();
  }

  private unlink(id: string, link: Link): void {
    if (this.links.get(id) !== link) return;
    this.links.delete(id);
    clearInterval(link.watchdog);
    clearTimeout(link.askTimer);
    this.merges?.unwatch(id);
    const socket = link.provider.configuration.websocketProvider;
    if (!link.closedByServer && link.provider.isAuthenticated && (socket as unknown as { status?: string }).status === 'connected') {
      const at = Date.now();
      this.closing.set(id, at);
      // Not answered (a server of another make, a lost message): given up after the login's wait.
      setTimeout(() => {
        if (this.closing.get(id) !== at) return;
        this.closing.delete(id);
        this.pump();
      }, AUTH_WAIT_MS).unref?.();
    }
    if (link.closedByServer) {
      // Hocuspocus keeps a message for an article without a connection until the next login to
      // it on the socket: a close sent now would close the next provider's connection.
      const sent = (link.provider.configuration.websocketProvider as unknown as { configuration: { providerMap: Map<string, unknown> } }).configuration.providerMap;
      if (sent.get(id) === link.provider) sent.delete(id);
    }
    link.provider.destroy();
    this.presence.unlinked(id);
    link.release();
    if (link.adopting) link.doc.destroy();
    this.wake();
  }

  private stopLinks(): void {
    for (const [id, link] of [...this.links]) this.unlink(id, link);
    this.queue.clear();
    this.dropSocket();
  }

  private refusedBy(id: string, link: Link, reason: string): void {
    if (reason === 'unauthorized') {
      this.fail({ code: 'syncUnauthorized' });
      return;
    }
    const code: ErrorCode = REFUSALS.get(reason) ?? 'syncForbidden';
    // Recorded as on the server, yet refused: unless the server was seen to hold all of it, its
    // changes are unsent again (and sent on retry, or once the refusal is lifted).
    const record = this.data.articles[id];
    if (record && !record.pending && this.deps.articles.has(id) && !link.holds.covers(link.doc)) {
      this.data.articles[id] = { ...record, pending: true };
      void this.deps.writer.request().catch(() => undefined);
    }
    this.refused.set(id, code);
    this.refusedAt.set(id, Date.now());
    this.unlink(id, link);
    this.pump();
  }

  /**
   * The server lists the article for this user or told of it: a refusal of access may no longer
   * hold. One for the article's size does (it is listed because it exists): it is asked again
   * only on `retry`, not every poll, which would send the whole article each time to be refused.
   */
  private mayHaveNow(id: string): void {
    if (this.refused.get(id) !== 'syncArticleTooLarge') this.refused.delete(id);
  }

  /** The server refused the desk as a whole: stop until the user logs in again or retries. */
  private fail(error: ErrorPayload): void {
    this.error = error;
    this.stopLinks();
    this.clearPoll();
    this.statusChanged();
  }

  /** Uploads the article's photos the server lacks, naming the article (its readers showing it are told). */
  private async uploadPhotos(id: string, doc: Y.Doc): Promise<void> {
    const account = this.data.account;
    if (!account) return;
    const token = unseal(this.box, account.token);
    const known = new Set(this.data.photos);
    for (const entry of readPhotos(doc)) {
      if (!entry.id || known.has(entry.id)) continue;
      const facts = await this.deps.photos.facts(entry.id);
      if (!facts) continue;
      if (!(await api.hasPhoto(account.server, token, entry.id))) await api.putPhoto(account.server, token, entry.id, this.deps.photos.originalPath(entry.id, facts.kind), facts.size, id);
      known.add(entry.id);
      this.data.photos.push(entry.id);
      await this.deps.writer.request();
    }
  }

  // --- local changes and windows ---

  private changed(id: string, origin: unknown): void {
    if (origin instanceof HocuspocusProvider) {
      // From the server. Caught up on connecting, it was written when the server last stored a
      // change to the article; arriving live (the provider already synced), it was written just now.
      const at = this.serverTimes.get(id);
      if (at && !origin.isSynced) this.deps.articles.writtenAt(id, at);
      return;
    }
    const record = this.data.articles[id];
    if (!record || !record.pending) {
      this.data.articles[id] = { pending: true, version: record?.version ?? -1, syncedAt: record?.syncedAt ?? null };
      void this.deps.writer.request().catch(() => undefined);
      this.statusChanged();
    }
    const link = this.links.get(id);
    if (link) {
      link.done = false;
      link.asks = 0;
    } else if (this.data.account && this.online && !this.refused.has(id)) {
      this.queue.add(id);
      this.pump();
    }
  }

  private opened(id: string): void {
    if (!this.data.account || !this.online || this.links.has(id) || this.refused.has(id)) return;
    this.queue.add(id);
    this.pump();
  }

  // --- status ---

  private pendingIds(): string[] {
    return this.deps.articles
      .entries()
      .map((e) => e.id)
      .filter((id) => this.data.articles[id]?.pending !== false);
  }

  private state(): SyncState {
    if (!this.data.account) return 'off';
    if (this.error) return 'error';
    if (!this.online) return this.tried ? 'offline' : 'connecting';
    const busy = this.fresh || this.queue.size > 0 || this.linking.size > 0 || this.records.waiting || [...this.links.values()].some((l) => !l.done);
    // Busy decides without going through every article (this runs at every change of a sync of thousands).
    if (busy) return 'syncing';
    return this.pendingIds().some((id) => !this.refused.has(id)) ? 'syncing' : 'synced';
  }

  /** The state now; on becoming synced (also with nothing to send), notes the time. */
  private noteState(): SyncState {
    const state = this.state();
    if (state === 'synced' && this.lastState !== 'synced') {
      this.data.lastSyncedAt = new Date().toISOString();
      void this.deps.writer.request().catch(() => undefined);
    }
    this.lastState = state;
    return state;
  }

  private statusChanged(): void {
    this.merges?.observe(this.online);
    this.noteState();
    this.wake();
    for (const listener of [...this.changeListeners]) listener();
    if (this.statusTimer || this.closed) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      const status = this.status();
      this.deps.hub.broadcast('sync:status', status);
    }, STATUS_DELAY_MS);
  }

  private wake(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private nextChange(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }
}
