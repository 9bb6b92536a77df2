/**
 * Presence and broadcasts through a real server, with real providers: a state for another
 * connection's client id, or with another account's name, does not reach the others; a
 * stateless broadcast from a desk reaches nobody; ordinary presence still does. Each check
 * waits for a later message from the same sender to arrive first: one connection's messages
 * are relayed in order, so what was dropped would have come before it.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { acknowledged, serverFixtures, until, userWithToken } from '../support/server';

const fixtures = serverFixtures();
const ARTICLE = 'bai-hien-dien-0001';

const nameOf = (p: HocuspocusProvider, client: number): string | undefined => (p.awareness!.getStates().get(client)?.user as { name?: string } | undefined)?.name;

/** Three editors in one article: Minh Thư (a), Văn Nam (b, who misbehaves) and Lan Anh (c, who watches). */
async function threeInAnArticle(log: (line: string) => void = () => undefined) {
  const s = await fixtures.start({ log });
  const [thu, nam, lan] = [await userWithToken(s, 'Minh Thư', 'editor'), await userWithToken(s, 'Văn Nam', 'editor'), await userWithToken(s, 'Lan Anh', 'editor')];
  const a = fixtures.client(s, thu).open(ARTICLE);
  await acknowledged(a);
  const bClient = fixtures.client(s, nam);
  const b = bClient.open(ARTICLE);
  const c = fixtures.client(s, lan).open(ARTICLE);
  await Promise.all([acknowledged(b), acknowledged(c)]);
  a.awareness!.setLocalStateField('user', { name: 'Minh Thư', color: '#b3261e' });
  await until(() => nameOf(c, a.document.clientID) === 'Minh Thư', 'Lan Anh to see Minh Thư');
  return { a, b, bClient, c };
}

/** Sends `update` (an awareness update) on the provider's connection, as the provider sends its own. */
function relayAs(p: HocuspocusProvider, update: Uint8Array): void {
  applyAwarenessUpdate(p.awareness!, update, 'relayed');
}

/** Awareness states for client `client` with a clock past any the real one has reached. */
function forged(client: number, state: Record<string, unknown> | null): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  const awareness = new Awareness(doc);
  for (let i = 0; i < 50; i++) awareness.setLocalState({ i });
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [client]);
  awareness.destroy();
  return update;
}

/** Văn Nam says something true, and Lan Anh hears it: everything he sent before has been relayed. */
async function thenAnHonestWord(b: HocuspocusProvider, c: HocuspocusProvider, word: string): Promise<void> {
  b.awareness!.setLocalStateField('user', { name: 'Văn Nam', color: '#1e5bb8' });
  b.awareness!.setLocalStateField('word', word);
  await until(() => (c.awareness!.getStates().get(b.document.clientID) as { word?: string } | undefined)?.word === word, `Lan Anh to hear “${word}”`);
}

describe('newsroom server: presence and broadcasts', () => {
  it('ordinary presence goes through untouched: nothing dropped, every one sees the others', async () => {
    const log: string[] = [];
    const { a, b, c } = await threeInAnArticle((line) => log.push(line));
    await thenAnHonestWord(b, c, 'một');
    await until(() => nameOf(a, b.document.clientID) === 'Văn Nam' && nameOf(b, a.document.clientID) === 'Minh Thư', 'Minh Thư and Văn Nam to see each other');
    c.awareness!.setLocalStateField('user', { name: 'Lan Anh', color: '#8a3ea8' });
    await until(() => nameOf(a, c.document.clientID) === 'Lan Anh' && nameOf(b, c.document.clientID) === 'Lan Anh', 'both to see Lan Anh');
    a.awareness!.setLocalState(null);
    await until(() => nameOf(b, a.document.clientID) === undefined && nameOf(c, a.document.clientID) === undefined, 'Minh Thư’s leaving to be seen');
    // Each provider sends back the states it receives: those echoes are let be, not dropped.
    expect(log.filter((l) => l.startsWith('dropped presence'))).toEqual([]);
  });

  it('a state sent for another connection’s client id does not reach the others, nor does its removal', async () => {
    const { a, b, c } = await threeInAnArticle();
    relayAs(b, forged(a.document.clientID, { user: { name: 'Văn Nam', color: '#1e5bb8' } }));
    await thenAnHonestWord(b, c, 'một');
    expect(nameOf(c, a.document.clientID)).toBe('Minh Thư');

    relayAs(b, forged(a.document.clientID, null));
    await thenAnHonestWord(b, c, 'hai');
    expect(nameOf(c, a.document.clientID)).toBe('Minh Thư');

    // Minh Thư's own changes still go through.
    a.awareness!.setLocalStateField('user', { name: 'Minh Thư', color: '#1b7a43' });
    await until(() => (c.awareness!.getStates().get(a.document.clientID)?.user as { color?: string } | undefined)?.color === '#1b7a43', 'Minh Thư’s new colour');
  });

  it('a state with another account’s name, or an oversized one, does not reach the others', async () => {
    const { b, c } = await threeInAnArticle();
    const seen: Array<Record<string, unknown>> = [];
    c.awareness!.on('change', () => {
      const state = c.awareness!.getStates().get(b.document.clientID);
      if (state) seen.push(state);
    });
    b.awareness!.setLocalStateField('user', { name: 'Minh Thư', color: '#1e5bb8' });
    await thenAnHonestWord(b, c, 'một');
    b.awareness!.setLocalStateField('user', { name: 'Văn Nam', color: '#1e5bb8', role: 'admin' });
    await thenAnHonestWord(b, c, 'hai');
    b.awareness!.setLocalStateField('note', 'x'.repeat(10_000));
    b.awareness!.setLocalStateField('note', undefined);
    await thenAnHonestWord(b, c, 'ba');
    // Lan Anh never saw Văn Nam under another name, with more than a name and a colour, or the long note.
    expect(seen.length).toBeGreaterThan(0);
    for (const state of seen) {
      expect(state.user).toEqual({ name: 'Văn Nam', color: '#1e5bb8' });
      expect(state.note).toBeUndefined();
    }
  });

  it('a stateless broadcast from a desk reaches nobody; the article and presence go on', async () => {
    const { b, bClient, c } = await threeInAnArticle();
    const heard: string[] = [];
    c.on('stateless', ({ payload }: { payload: string }) => heard.push(payload));
    const message = encoding.createEncoder();
    encoding.writeVarString(message, ARTICLE);
    encoding.writeVarUint(message, 6); // Hocuspocus MessageType.BroadcastStateless
    encoding.writeVarString(message, JSON.stringify({ kind: 'article', id: ARTICLE, version: 999, updatedAt: 'giả' }));
    bClient.socket.send(encoding.toUint8Array(message));
    b.document.getText('headline').insert(0, 'Sau lời phát');
    await acknowledged(b);
    await until(() => c.document.getText('headline').toString() === 'Sau lời phát', 'Lan Anh to get the headline');
    await thenAnHonestWord(b, c, 'một');
    expect(heard).toEqual([]);
  });
});
