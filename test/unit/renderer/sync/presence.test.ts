/**
 * The renderer's presence (features/sync/presence.ts) against a stand-in for main's side of the
 * protocol: each window's `article:awareness` call is passed on to the other windows holding the
 * article, and a window's first message is answered with every state main knows.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AwarenessMessage } from '../../../../src-shared/sync';
import { ArticlePresence, PRESENCE_COLORS, presenceColor, SEND_DELAY_MS, type PresenceApi } from '../../../../src-renderer/features/sync/presence';

const ID = '0f1e2d3c-4b5a-4978-8877-665544332211';

/** Main's relay, reduced to what the renderer relies on. */
class Relay {
  /** Main's own view of every window's state, per article. */
  private readonly known = new Awareness(new Y.Doc());
  private readonly windows = new Set<(m: AwarenessMessage) => void>();
  readonly calls: AwarenessMessage[] = [];
  /** While set, calls wait for it (a slow main). */
  gate: Promise<void> | null = null;

  constructor() {
    this.known.setLocalState(null);
  }

  window(): { api: PresenceApi; onReconnect: (l: () => void) => () => void; reconnect: () => void } {
    let listener: ((m: AwarenessMessage) => void) | null = null;
    let greeted = false;
    const reconnects = new Set<() => void>();
    const api = {
      article: {
        awareness: async (m: AwarenessMessage) => {
          this.calls.push(m);
          if (this.gate) await this.gate;
          applyAwarenessUpdate(this.known, m.update, 'window');
          for (const w of this.windows) if (w !== listener) w(m);
          if (!greeted && listener) {
            greeted = true;
            listener({ id: m.id, update: encodeAwarenessUpdate(this.known, [...this.known.getStates().keys()]) });
          }
          return {};
        },
      },
      on: {
        'article:awareness': (l: (m: AwarenessMessage) => void) => {
          listener = l;
          this.windows.add(l);
          return () => this.windows.delete(l);
        },
      },
    } as unknown as PresenceApi;
    const onReconnect = (l: () => void) => {
      reconnects.add(l);
      return () => void reconnects.delete(l);
    };
    return { api, onReconnect, reconnect: () => reconnects.forEach((r) => r()) };
  }

  destroy(): void {
    this.known.destroy();
  }
}

function replicaDoc(): Y.Doc {
  return new Y.Doc();
}

const noReconnect = () => () => undefined;

describe('presence in an article', () => {
  let relay: Relay;
  beforeEach(() => {
    relay = new Relay();
  });
  afterEach(() => {
    relay.destroy();
    vi.useRealTimers();
  });

  it('gives the same name the same colour from the palette', () => {
    expect(presenceColor('Lan')).toBe(presenceColor('Lan'));
    expect(presenceColor('Hoà'.normalize('NFD'))).toBe(presenceColor('Hoà'));
    for (const name of ['lan', 'minh', 'Nguyễn Văn A', 'Máy này']) expect(PRESENCE_COLORS).toContain(presenceColor(name));
  });

  it('sends nothing before it has a name, then each window sees the other by name', async () => {
    const a = new ArticlePresence(relay.window().api, ID, replicaDoc(), noReconnect);
    const b = new ArticlePresence(relay.window().api, ID, replicaDoc(), noReconnect);
    a.awareness.setLocalStateField('cursor', { anchor: null, head: null });
    expect(relay.calls).toHaveLength(0);

    a.setUser({ name: 'lan', color: presenceColor('lan') });
    await vi.waitFor(() => expect(relay.calls.length).toBeGreaterThan(0));
    b.setUser({ name: 'minh', color: presenceColor('minh') });
    await vi.waitFor(() => expect(a.others().map((p) => p.name)).toEqual(['minh']));
    // B's first message was answered with what main knew: A.
    await vi.waitFor(() => expect(b.others().map((p) => p.name)).toEqual(['lan']));
    expect(b.others()[0]!.color).toBe(presenceColor('lan'));

    await a.leave();
    await b.leave();
  });

  it('gathers changes, keeps one message in flight and sends the latest state after it', async () => {
    let open!: () => void;
    relay.gate = new Promise((resolve) => (open = resolve));
    const a = new ArticlePresence(relay.window().api, ID, replicaDoc(), noReconnect);
    a.setUser({ name: 'lan', color: presenceColor('lan') });
    a.awareness.setLocalStateField('cursor', { n: 0 });
    // Gathered: the name and the first caret go in one message.
    await vi.waitFor(() => expect(relay.calls).toHaveLength(1));
    for (let i = 1; i < 5; i++) a.awareness.setLocalStateField('cursor', { n: i });
    await new Promise((r) => setTimeout(r, 3 * SEND_DELAY_MS));
    expect(relay.calls).toHaveLength(1);
    relay.gate = null;
    open();
    await vi.waitFor(() => expect(relay.calls).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 3 * SEND_DELAY_MS));
    expect(relay.calls).toHaveLength(2);
    const seen = new Awareness(new Y.Doc());
    applyAwarenessUpdate(seen, relay.calls[1]!.update, 'test');
    expect(seen.getStates().get(a.awareness.clientID)).toMatchObject({ user: { name: 'lan' }, cursor: { n: 4 } });
    seen.destroy();
    await a.leave();
  });

  it('says goodbye when leaving: the others lose it, and the answer is awaited', async () => {
    const a = new ArticlePresence(relay.window().api, ID, replicaDoc(), noReconnect);
    const b = new ArticlePresence(relay.window().api, ID, replicaDoc(), noReconnect);
    a.setUser({ name: 'lan', color: presenceColor('lan') });
    b.setUser({ name: 'minh', color: presenceColor('minh') });
    await vi.waitFor(() => expect(b.others()).toHaveLength(1));
    const before = relay.calls.length;
    await a.leave();
    expect(relay.calls.length).toBe(before + 1);
    expect(b.others()).toEqual([]);
    // Leaving twice is one goodbye; a name set after it is not sent.
    await a.leave();
    a.setUser({ name: 'lan2', color: presenceColor('lan2') });
    expect(relay.calls.length).toBe(before + 1);
    await b.leave();
  });

  it('tells main again when the link to it comes back', async () => {
    const w = relay.window();
    const a = new ArticlePresence(w.api, ID, replicaDoc(), w.onReconnect);
    a.setUser({ name: 'lan', color: presenceColor('lan') });
    await vi.waitFor(() => expect(relay.calls).toHaveLength(1));
    w.reconnect();
    await vi.waitFor(() => expect(relay.calls).toHaveLength(2));
    await a.leave();
    w.reconnect();
    await new Promise((r) => setTimeout(r, 3 * SEND_DELAY_MS));
    expect(relay.calls).toHaveLength(3);
  });

  it('stays present past the 30 s awareness timeout while the window is open (renewals are sent)', async () => {
    vi.useFakeTimers();
    const a = new ArticlePresence(relay.window().api, ID, replicaDoc(), noReconnect);
    const b = new ArticlePresence(relay.window().api, ID, replicaDoc(), noReconnect);
    a.setUser({ name: 'lan', color: presenceColor('lan') });
    b.setUser({ name: 'minh', color: presenceColor('minh') });
    await vi.advanceTimersByTimeAsync(5 * SEND_DELAY_MS);
    expect(b.others().map((p) => p.name)).toEqual(['lan']);
    await vi.advanceTimersByTimeAsync(95_000);
    expect(b.others().map((p) => p.name)).toEqual(['lan']);
    expect(a.others().map((p) => p.name)).toEqual(['minh']);
    await a.leave();
    await b.leave();
  });
});
