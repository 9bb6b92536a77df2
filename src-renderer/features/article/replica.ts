/**
 * The renderer's replica of one article's Yjs document and its sync link with main.
 *
 * Main holds the truth; the replica starts from the state `article.open` returns (it never
 * initialises content itself) and from then on the two exchange Yjs updates. Local updates are
 * queued and sent with at most one `article.update` in flight (LIVE_IN_FLIGHT while someone
 * else watches, below); whatever piled up meanwhile is merged into the next one. A failed send
 * stays queued, the error is shown, and the send is retried until it succeeds: nothing typed is
 * dropped, even after the page has moved on.
 *
 * Sends are coalesced: the first change after a send waits SEND_DELAY_MS for the keys that
 * follow it, then for a moment when the page is idle (at most IDLE_WAIT_MS), and they all go
 * in one `article.update`. The delay is not extended by further typing, so every keystroke
 * reaches main within SEND_DELAY_MS + IDLE_WAIT_MS plus one round trip, well inside the
 * promised second. Sending inside the keystroke's task put a request, its answer and a
 * save-status change into the time between a key and its paint.
 *
 * While someone else has the article open (`setLive`: a colleague through the newsroom server,
 * or another window), they watch the words appear, and that wait was most of the time a key
 * took to reach their screen. Then a change is sent in a task of its own just after the frame
 * that paints it: still outside the key's own task and frame. Main answers a send once the
 * change is on disk, but passes it on (to the newsroom server, to other windows) as soon as it
 * applies it; so while someone watches, a send does not wait for the previous one's answer (a
 * save that a busy disk holds back for a few hundred ms would hold back every key typed behind
 * it): up to LIVE_IN_FLIGHT are out at once. They may reach main out of order (web mode's calls
 * are separate requests); Yjs keeps an update whose predecessor has not arrived yet, saves it
 * with the document and applies it when the predecessor comes, and a failed send is queued
 * again and retried, so nothing is lost or applied twice.
 *
 * The save state has its own subscription (`subscribeSave`): it changes on every send, and only
 * the save status needs to re-render for it, not the page. The change to "saving" comes with a
 * keystroke: its listeners hear of it just after the frame that paints the key, so the status
 * line's render (1–3 ms) never sits between a key and its paint. While someone else watches,
 * every key is its own send, and telling each answer would switch the status line between
 * saving and saved twice a key (two renders and two extra frames a key, announced each time by
 * the live region): so it hears of 'saved' only once that has lasted SAVED_TELL_MS, and goes on
 * saying "saving" while the keys keep coming. `saveState()` is always current.
 */
import * as Y from 'yjs';
import type { DeskApi } from '../../../src-shared/api';
import type { ArticleSummary } from '../../../src-shared/models';
import { toErrorPayload, type ErrorPayload } from '../../../src-shared/errors';
import { readFacts, readFields, REMOTE_ORIGIN, type ArticleFacts, type ArticleFields } from './yjs-binding';

export const RETRY_MS = 2000;
/** How long the first unsent change waits for the keys typed after it (see above). */
export const SEND_DELAY_MS = 200;
/** How much longer a send may wait for the page to be idle (between frames, no input waiting). */
export const IDLE_WAIT_MS = 200;
/** How many sends may await main's answer at once while someone else watches (see above); one otherwise. */
export const LIVE_IN_FLIGHT = 4;
/** While someone else watches, how long 'saved' must last before the save status hears of it (see above). */
export const SAVED_TELL_MS = 400;

/** Runs `run` after `delay` ms at the next idle moment (at most IDLE_WAIT_MS later); returns a cancel. */
function afterDelayWhenIdle(delay: number, run: () => void): () => void {
  let idle: number | null = null;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
    else run();
  }, delay);
  return () => {
    clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
  };
}

function sameValues<T extends object>(a: T, b: T): boolean {
  return (Object.keys(a) as Array<keyof T>).every((k) => Object.is(a[k], b[k]));
}

export type SaveState =
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly error: ErrorPayload };

export interface ReplicaSnapshot {
  readonly fields: ArticleFields;
  readonly facts: ArticleFacts;
}

export type ReplicaApi = Pick<DeskApi, 'article' | 'on'>;

/** When a change is sent: at once, just after the frame that paints it (someone else watches), or coalesced (see above). */
type SendWhen = 'now' | 'afterPaint' | 'coalesced';

export class ArticleReplica {
  readonly doc = new Y.Doc();
  private queue: Uint8Array[] = [];
  /** Sends awaiting main's answer. */
  private inFlight = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The planned send, while one is planned: when, and its cancel. */
  private sendPlan: { readonly when: Exclude<SendWhen, 'now'>; readonly cancel: () => void } | null = null;
  /** Someone else has the article open (see `setLive`). */
  private live = false;
  private save: SaveState;
  private snap: ReplicaSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly saveListeners = new Set<() => void>();
  private idleWaiters: Array<() => void> = [];
  private readonly cleanups: Array<() => void> = [];
  private released = false;
  /** Cancels the planned telling of a change of the save state, while one is planned. */
  private saveTell: (() => void) | null = null;
  /** The save state the save listeners last heard of. */
  private heard: SaveState['kind'] = 'saving';

  /** Opens the article in main and builds the replica from the state it returns. */
  static async open(api: ReplicaApi, id: string, onReconnect: (listener: () => void) => () => void): Promise<{ replica: ArticleReplica; summary: ArticleSummary }> {
    const replica = new ArticleReplica(api, id);
    // Listen before asking, so no update sent between the answer and the subscription is lost.
    replica.cleanups.push(api.on['article:changed']((e) => e.id === id && replica.applyRemote(e.update)));
    try {
      const opened = await api.article.open({ id });
      replica.applyRemote(opened.state);
      replica.setSave({ kind: 'saved', at: opened.summary.updatedAt });
      replica.refresh();
      replica.cleanups.push(onReconnect(() => void replica.resync()));
      const onUnload = () => replica.sendNow();
      window.addEventListener('beforeunload', onUnload);
      replica.cleanups.push(() => window.removeEventListener('beforeunload', onUnload));
      // A hidden page's timers may be held back (to a second or more): send what waits at once.
      const onHidden = () => document.visibilityState === 'hidden' && replica.sendSoon('now');
      document.addEventListener('visibilitychange', onHidden);
      replica.cleanups.push(() => document.removeEventListener('visibilitychange', onHidden));
      replica.doc.on('update', replica.onLocalUpdate);
      return { replica, summary: opened.summary };
    } catch (err) {
      replica.dispose();
      throw err;
    }
  }

  private constructor(
    private readonly api: ReplicaApi,
    readonly id: string,
  ) {
    this.save = { kind: 'saving' };
    this.snap = { fields: readFields(this.doc), facts: readFacts(this.doc) };
  }

  snapshot = (): ReplicaSnapshot => this.snap;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  saveState = (): SaveState => this.save;

  subscribeSave = (listener: () => void): (() => void) => {
    this.saveListeners.add(listener);
    return () => void this.saveListeners.delete(listener);
  };

  /**
   * Whether someone else has the article open and watches it change (presence says so). While
   * they do, each change is sent just after its frame is painted instead of coalesced; a send
   * already planned for later is brought forward.
   */
  setLive(live: boolean): void {
    this.live = live;
    if (live && this.sendPlan?.when === 'coalesced') this.sendSoon('afterPaint');
  }

  /** True while something typed has not yet been acknowledged as saved by main. */
  get pending(): boolean {
    return this.inFlight > 0 || this.queue.length > 0;
  }

  /** Resolves once everything typed so far is saved (it may wait through retries). */
  flushed(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * The page is done with the article: stop listening, keep sending until everything is saved,
   * then tell main it is closed — after `before` too (the presence's goodbye), when given.
   */
  release(before: Promise<unknown> = Promise.resolve()): void {
    if (this.released) return;
    this.released = true;
    this.sendSoon('now');
    this.retryNow();
    void Promise.all([this.flushed(), before.catch(() => undefined)]).then(async () => {
      this.dispose();
      await this.api.article.close({ id: this.id }).catch(() => undefined);
    });
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN) {
      this.refresh();
      return;
    }
    this.queue.push(update);
    if (this.save.kind === 'saved') this.setSave({ kind: 'saving' });
    this.refresh();
    this.sendSoon(this.released ? 'now' : this.live ? 'afterPaint' : 'coalesced');
  };

  /** Sends what is queued at `when`, unless a send is already planned as soon or sooner. */
  private sendSoon(when: SendWhen): void {
    // A hidden page's frames and timers may be held back: send at once.
    if (when !== 'now' && typeof document !== 'undefined' && document.visibilityState === 'hidden') when = 'now';
    if (when === 'now') {
      this.sendPlan?.cancel();
      this.sendPlan = null;
      this.pump();
      return;
    }
    if (this.sendPlan && (this.sendPlan.when === when || this.sendPlan.when === 'afterPaint')) return;
    this.sendPlan?.cancel();
    const send = (): void => {
      this.sendPlan = null;
      this.pump();
    };
    this.sendPlan = { when, cancel: when === 'afterPaint' ? afterPaint(send) : afterDelayWhenIdle(SEND_DELAY_MS, send) };
  }

  private applyRemote(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (err) {
      console.error('[article] could not apply an update from main', err);
    }
  }

  /** After the link to main came back: take main's full state (idempotent) and send what waits. */
  private async resync(): Promise<void> {
    try {
      const opened = await this.api.article.open({ id: this.id });
      this.applyRemote(opened.state);
    } catch (err) {
      this.setSave({ kind: 'failed', error: toErrorPayload(err) });
    }
    this.retryNow();
  }

  private retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pump();
  }

  private pump(): void {
    if (this.inFlight >= (this.live ? LIVE_IN_FLIGHT : 1) || this.retryTimer || this.sendPlan || this.queue.length === 0) return;
    const update = this.queue.length === 1 ? this.queue[0]! : Y.mergeUpdates(this.queue);
    this.queue = [];
    this.inFlight++;
    this.api.article.update({ id: this.id, update }).then(
      ({ savedAt }) => {
        this.inFlight--;
        if (!this.pending) this.setSave({ kind: 'saved', at: savedAt });
        // A failed send waiting for its retry keeps its message up.
        else if (this.save.kind === 'failed' && !this.retryTimer) this.setSave({ kind: 'saving' });
        this.pump();
        this.settle();
      },
      (err: unknown) => {
        this.inFlight--;
        this.queue.unshift(update);
        this.setSave({ kind: 'failed', error: toErrorPayload(err) });
        this.retryTimer ??= setTimeout(() => {
          this.retryTimer = null;
          this.pump();
        }, RETRY_MS);
      },
    );
  }

  /** The page is unloading: send everything not yet acknowledged at once (best effort). */
  private sendNow(): void {
    if (this.queue.length === 0) return;
    const update = Y.mergeUpdates(this.queue);
    void this.api.article.update({ id: this.id, update }).catch(() => undefined);
  }

  private settle(): void {
    if (this.pending) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private setSave(save: SaveState): void {
    // Still saving: nothing shown changes.
    if (this.save.kind === 'saving' && save.kind === 'saving') return;
    const typed = this.save.kind === 'saved' && save.kind === 'saving';
    this.save = save;
    this.saveTell?.();
    this.saveTell = null;
    // The 'saved' just left was held back (below): the status line still says saving.
    if (typed && this.heard === 'saving') return;
    if (typed) this.saveTell = afterPaint(() => this.tellSave());
    else if (save.kind === 'saved' && this.live) this.saveTell = afterDelay(SAVED_TELL_MS, () => this.tellSave());
    else this.tellSave();
  }

  private tellSave(): void {
    this.saveTell?.();
    this.saveTell = null;
    this.heard = this.save.kind;
    for (const l of [...this.saveListeners]) l();
  }

  /**
   * A new snapshot only when something shown changed: a keystroke in the body changes none of
   * these, so the page does not re-render for it (the body editor paints it by itself).
   */
  private refresh(): void {
    const fields = readFields(this.doc);
    const facts = readFacts(this.doc);
    const prev = this.snap;
    const sameFields = sameValues(prev.fields, fields);
    const sameFacts = sameValues(prev.facts, facts);
    if (sameFields && sameFacts) return;
    this.snap = { fields: sameFields ? prev.fields : fields, facts: sameFacts ? prev.facts : facts };
    for (const l of [...this.listeners]) l();
  }

  private dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.sendPlan?.cancel();
    this.saveTell?.();
    this.doc.off('update', this.onLocalUpdate);
    for (const c of this.cleanups.splice(0)) c();
    this.listeners.clear();
    this.saveListeners.clear();
    this.doc.destroy();
  }
}

/** Runs `fn` after `delay` ms; returns a cancel. */
function afterDelay(delay: number, fn: () => void): () => void {
  const timer = setTimeout(fn, delay);
  return () => clearTimeout(timer);
}

/** Runs `fn` in a task of its own just after the next frame is painted; returns a cancel. */
function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}
