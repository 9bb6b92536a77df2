/**
 * A desk's provider sends the server its own presence only (src-main/services/sync/own-presence.ts):
 * another desk's caret moving makes it send nothing, its own changes still go, and everyone —
 * a desk joining later too — still sees everyone, through a real server.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { sendOwnPresenceOnly } from '../../src-main/services/sync/own-presence';
import { acknowledged, serverFixtures, until, userWithToken } from '../support/server';

const fixtures = serverFixtures();
const ARTICLE = 'bai-hien-dien-0002';
const AWARENESS = 1;

const nameOf = (p: HocuspocusProvider, client: number): string | undefined => (p.awareness!.getStates().get(client)?.user as { name?: string } | undefined)?.name;

/** The presence messages a provider sends: the client ids each carries. */
function presenceSent(p: HocuspocusProvider): number[][] {
  const sent: number[][] = [];
  p.on('outgoingMessage', ({ message }: { message: { toUint8Array(): Uint8Array } }) => {
    const decoder = decoding.createDecoder(message.toUint8Array());
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== AWARENESS) return;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const clients: number[] = [];
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      clients.push(decoding.readVarUint(update));
      decoding.readVarUint(update); // clock
      decoding.readVarString(update); // state
    }
    sent.push(clients);
  });
  return sent;
}

describe('presence a desk sends', () => {
  it.each([
    ['only its own: another desk’s changes make it send nothing', true, 0],
    ['without the filter, the provider sends back every change it sees (what the filter is for)', false, 3],
  ] as const)('%s', async (_, filtered, echoes) => {
    const s = await fixtures.start();
    const [thu, nam, lan] = [await userWithToken(s, 'Minh Thư', 'editor'), await userWithToken(s, 'Văn Nam', 'editor'), await userWithToken(s, 'Lan Anh', 'editor')];
    const a = fixtures.client(s, thu).open(ARTICLE);
    const b = fixtures.client(s, nam).open(ARTICLE);
    if (filtered) for (const p of [a, b]) sendOwnPresenceOnly(p);
    await Promise.all([acknowledged(a), acknowledged(b)]);
    b.awareness!.setLocalStateField('user', { name: 'Văn Nam', color: '#1e5bb8' });
    await until(() => nameOf(a, b.document.clientID) === 'Văn Nam', 'Minh Thư to see Văn Nam');

    const sentByB = presenceSent(b);
    for (const [i, color] of ['#b3261e', '#1b7a43', '#8a3ea8'].entries()) {
      a.awareness!.setLocalStateField('user', { name: 'Minh Thư', color });
      await until(() => (b.awareness!.getStates().get(a.document.clientID)?.user as { color?: string } | undefined)?.color === color, `Văn Nam to see change ${i + 1}`);
    }
    // B's own change still goes (and, with the filter, is all it sent).
    b.awareness!.setLocalStateField('caret', 12);
    await until(() => a.awareness!.getStates().get(b.document.clientID)?.caret === 12, 'Minh Thư to see Văn Nam’s caret');
    const carrying = (client: number) => sentByB.filter((clients) => clients.includes(client)).length;
    expect(carrying(a.document.clientID)).toBe(echoes);
    expect(carrying(b.document.clientID)).toBeGreaterThanOrEqual(1);

    // A desk joining later is handed both states by the server.
    const c = fixtures.client(s, lan).open(ARTICLE);
    await acknowledged(c);
    await until(() => nameOf(c, a.document.clientID) === 'Minh Thư' && c.awareness!.getStates().get(b.document.clientID)?.caret === 12, 'Lan Anh to see both on joining');
  });
});
