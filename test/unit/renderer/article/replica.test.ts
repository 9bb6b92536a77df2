/**
 * When the article page's replica (features/article/replica.ts) sends what is typed to main:
 * coalesced and one at a time while nobody else has the article open; while someone does, each
 * key just after its frame, several sends out at once, a failed one retried. Main is a stand-in holding the article's document (the edge the page talks to);
 * the page's frames, idle callbacks and timers run on a fake clock, so the test counts and
 * orders the sends without depending on how fast the machine is.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { body, bodyLines, initArticle, setBodyLines } from '../../../../src-shared/article-doc';
import type { ArticleSummary } from '../../../../src-shared/models';
import { ArticleReplica, IDLE_WAIT_MS, LIVE_IN_FLIGHT, RETRY_MS, SAVED_TELL_MS, SEND_DELAY_MS, type ReplicaApi } from '../../../../src-renderer/features/article/replica';

const ID = '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d';
/** A frame of the stand-in page: requestAnimationFrame runs its callback this long after it is asked. */
const FRAME_MS = 16;

/**
 * Main, reduced to what the replica relies on: open, the changed event, and update — applied
 * as it arrives, answered at once or, while `holding`, when the test says (a save the disk
 * holds back), and refused without being applied when its number is in `failing` (main
 * unreachable).
 */
class MainStandIn {
  readonly doc = new Y.Doc();
  /** The body's first paragraph as main held it after each update call it applied, in the order they came. */
  readonly seen: string[] = [];
  holding = false;
  readonly failing = new Set<number>();
  private calls = 0;
  private held: Array<() => void> = [];

  /** Answers the `n` oldest calls held (all by default); once none is held, answers the next ones at once. */
  release(n = Infinity): void {
    const now = this.held.splice(0, n);
    if (this.held.length === 0) this.holding = false;
    for (const answer of now) answer();
  }

  constructor() {
    initArticle(this.doc, { id: ID, language: 'vi', createdAt: '2026-11-28T04:00:00.000Z' });
    setBodyLines(this.doc, ['Mở đầu']);
  }

  api(): ReplicaApi {
    const summary = { id: ID, updatedAt: '2026-11-28T04:00:00.000Z' } as ArticleSummary;
    return {
      article: {
        open: async () => ({ summary, state: Y.encodeStateAsUpdate(this.doc) }),
        update: async ({ update }: { update: Uint8Array }) => {
          const fails = this.failing.has(this.calls++);
          if (!fails) {
            Y.applyUpdate(this.doc, update, 'window');
            this.seen.push(bodyLines(this.doc)[0]!);
          }
          if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
          if (fails) throw new Error('main unreachable');
          return { savedAt: new Date().toISOString() };
        },
        close: async () => ({}),
      },
      on: { 'article:changed': () => () => undefined },
    } as unknown as ReplicaApi;
  }
}

/** A key typed at the end of the body's first paragraph, as the body editor writes it. */
function typeKey(replica: ArticleReplica, ch: string): void {
  const text = (body(replica.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(text.length, ch);
}

/** Lets the fake clock run `ms`, settling promises (main's answers) along the way. */
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe("the replica's sends to main", () => {
  const page = { window: new EventTarget(), document: Object.assign(new EventTarget(), { visibilityState: 'visible' }) };
  let main: MainStandIn;
  let replica: ArticleReplica;

  beforeAll(() => {
    Object.assign(globalThis, {
      ...page,
      requestAnimationFrame: (fn: (t: number) => void) => setTimeout(() => fn(Date.now()), FRAME_MS),
      cancelAnimationFrame: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
      requestIdleCallback: (fn: () => void) => setTimeout(fn, 0),
      cancelIdleCallback: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
    });
  });
  afterAll(() => {
    for (const name of ['window', 'document', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback']) delete (globalThis as Record<string, unknown>)[name];
  });
  beforeEach(async () => {
    vi.useFakeTimers();
    main = new MainStandIn();
    ({ replica } = await ArticleReplica.open(main.api(), ID, () => () => undefined));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('alone in the article: the keys of a burst go to main together, once the delay has passed', async () => {
    for (const ch of 'abcde') {
      typeKey(replica, ch);
      await pass(FRAME_MS);
    }
    await pass(SEND_DELAY_MS - 5 * FRAME_MS - 1);
    expect(main.seen).toEqual([]);
    await pass(IDLE_WAIT_MS + 1);
    expect(main.seen).toEqual(['Mở đầuabcde']);
    await replica.flushed();
  });

  it('with someone else in the article: each key goes to main just after its frame, in order', async () => {
    replica.setLive(true);
    for (const [i, ch] of [...'abc'].entries()) {
      typeKey(replica, ch);
      // Not inside the key's own task: the send waits for the frame that paints the key.
      await pass(0);
      expect(main.seen).toHaveLength(i);
      await pass(FRAME_MS + 1);
      expect(main.seen).toHaveLength(i + 1);
    }
    expect(main.seen).toEqual(['Mở đầua', 'Mở đầuab', 'Mở đầuabc']);
    await replica.flushed();
  });

  it('alone in the article: one send at a time; a burst typed while it is unanswered waits for the answer', async () => {
    main.holding = true;
    typeKey(replica, 'a');
    await pass(SEND_DELAY_MS + IDLE_WAIT_MS + 1);
    for (const ch of 'bc') {
      typeKey(replica, ch);
      await pass(FRAME_MS);
    }
    await pass(SEND_DELAY_MS + IDLE_WAIT_MS + 1);
    expect(main.seen).toEqual(['Mở đầua']);
    main.release();
    await pass(0);
    expect(main.seen).toEqual(['Mở đầua', 'Mở đầuabc']);
    await replica.flushed();
  });

  it('with someone else in the article: a send does not wait for the previous answer, up to LIVE_IN_FLIGHT; keys beyond go together after the first answer', async () => {
    replica.setLive(true);
    main.holding = true;
    const keys = 'abcdefghij'.slice(0, LIVE_IN_FLIGHT + 3);
    for (const ch of keys) {
      typeKey(replica, ch);
      await pass(FRAME_MS + 1);
    }
    await pass(SEND_DELAY_MS + IDLE_WAIT_MS);
    expect(main.seen).toEqual([...keys.slice(0, LIVE_IN_FLIGHT)].map((_, i) => `Mở đầu${keys.slice(0, i + 1)}`));
    expect(replica.saveState().kind).toBe('saving');
    main.release(1);
    await pass(0);
    expect(main.seen.slice(LIVE_IN_FLIGHT)).toEqual([`Mở đầu${keys}`]);
    // Nothing left to send, but saved only once every send is answered.
    main.release(1);
    await pass(0);
    expect(replica.saveState().kind).toBe('saving');
    main.release();
    await replica.flushed();
    expect(replica.saveState().kind).toBe('saved');
  });

  it('with someone else in the article: a send that fails while a later one succeeds is retried, and the failure shows until main has every key', async () => {
    replica.setLive(true);
    main.holding = true;
    main.failing.add(0);
    typeKey(replica, 'a');
    await pass(FRAME_MS + 1);
    typeKey(replica, 'b');
    await pass(FRAME_MS + 1);
    // 'a' never reached main; 'b' did, and waits in main's document for 'a'.
    expect(main.seen).toEqual(['Mở đầu']);
    main.release();
    await pass(0);
    expect(replica.saveState().kind).toBe('failed');
    expect(replica.pending).toBe(true);
    await pass(RETRY_MS);
    expect(main.seen).toEqual(['Mở đầu', 'Mở đầuab']);
    expect(replica.saveState().kind).toBe('saved');
    expect(replica.pending).toBe(false);
  });

  it('the save status hears each save alone, but while someone else watches only "saving" as the keys come and "saved" once typing pauses', async () => {
    const heard: string[] = [];
    replica.subscribeSave(() => heard.push(replica.saveState().kind));
    typeKey(replica, 'a');
    await pass(SEND_DELAY_MS + IDLE_WAIT_MS + 1);
    expect(heard).toEqual(['saving', 'saved']);

    heard.length = 0;
    replica.setLive(true);
    for (const ch of 'bcdef') {
      typeKey(replica, ch);
      await pass(100); // sent after its frame and answered before the next key
    }
    expect(main.seen.slice(-5)).toEqual(['b', 'bc', 'bcd', 'bcde', 'bcdef'].map((t) => `Mở đầua${t}`));
    expect(replica.saveState().kind).toBe('saved');
    expect(heard).toEqual(['saving']);
    await pass(SAVED_TELL_MS);
    expect(heard).toEqual(['saving', 'saved']);
  });

  it('a send waiting to be coalesced goes at the next frame once someone joins, and coalescing resumes when they leave', async () => {
    typeKey(replica, 'a');
    await pass(FRAME_MS);
    replica.setLive(true);
    await pass(FRAME_MS + 1);
    expect(main.seen).toEqual(['Mở đầua']);

    replica.setLive(false);
    for (const ch of 'bcd') {
      typeKey(replica, ch);
      await pass(FRAME_MS + 1);
    }
    expect(main.seen).toEqual(['Mở đầua']);
    await pass(SEND_DELAY_MS + IDLE_WAIT_MS);
    expect(main.seen).toEqual(['Mở đầua', 'Mở đầuabcd']);
    await replica.flushed();
  });
});
