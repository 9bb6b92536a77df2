/**
 * The server's structural reading of a desk's update (src-server/update-effect.ts) against the
 * check it replaced — applying the update to a copy of the document and watching what moved —
 * over random edits of several writers: legitimate text and map edits, writes and deletions
 * under `workflow` (top level and nested), updates that depend on changes the server lacks,
 * repeats of what it has.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { effectOnCopy, updateEffect, type UpdateEffect } from '../../../src-server/update-effect';
import { seededRandom } from '../../support/seeded';

/** The check it replaces: apply to a copy, watch `workflow`, what waits and whether anything changed. */
const byShadow = (doc: Y.Doc, update: Uint8Array): UpdateEffect => effectOnCopy(doc, update);

describe('a desk update’s effect, read from its structure', () => {
  it('names a write or deletion under workflow, at any depth, and lets text and other maps through', () => {
    const server = new Y.Doc();
    server.transact(() => {
      const notes = new Y.Map<unknown>();
      server.getMap('workflow').set('notes', notes);
      notes.set('vi', 'Sửa đoạn hai');
      server.getMap('workflow').set('status', 'returned');
      server.getText('headline').insert(0, 'Tít bài');
    });
    const desk = new Y.Doc();
    Y.applyUpdate(desk, Y.encodeStateAsUpdate(server));
    const edit = (change: (d: Y.Doc) => void): Uint8Array => {
      const sv = Y.encodeStateVector(desk);
      change(desk);
      return Y.encodeStateAsUpdate(desk, sv);
    };
    const text = edit((d) => d.getText('headline').insert(7, ' mới'));
    expect(updateEffect(server, text, 'workflow')).toBe('none');
    Y.applyUpdate(server, text);
    expect(updateEffect(server, text, 'workflow')).toBe('repeat');
    expect(updateEffect(server, edit((d) => d.getMap('workflow').set('status', 'published')), 'workflow')).toBe('workflow');
    Y.applyUpdate(desk, Y.encodeStateAsUpdate(server)); // (the desk's own copy moved on; irrelevant to the server)
    const nested = edit((d) => (d.getMap('workflow').get('notes') as Y.Map<unknown>).set('vi', 'Đã sửa'));
    expect(updateEffect(server, nested, 'workflow')).toBe('workflow');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(fresh);
    fresh.getMap('workflow').delete('status');
    expect(updateEffect(server, Y.encodeStateAsUpdate(fresh, sv), 'workflow')).toBe('workflow');
    // A second edit sent without the first: it waits for the first.
    const a = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(server));
    const sv0 = Y.encodeStateVector(a);
    a.getText('headline').insert(0, 'A');
    const sv1 = Y.encodeStateVector(a);
    a.getText('headline').insert(1, 'B');
    expect(updateEffect(server, Y.encodeStateAsUpdate(a, sv1), 'workflow')).toBe('undecided');
    expect(updateEffect(server, Y.encodeStateAsUpdate(a, sv0), 'workflow')).toBe('none');
    // Three edits merged without the middle one: the hole (a Skip) makes what follows it wait.
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(server));
    const parts: Uint8Array[] = [];
    b.on('update', (u: Uint8Array) => parts.push(u));
    // The third edit's neighbours are all on the server: only the hole makes it wait.
    b.getText('headline').insert(b.getText('headline').length, 'x');
    b.getText('lead').insert(0, 'y');
    b.getText('headline').insert(0, 'z');
    const holed = Y.mergeUpdates([parts[0]!, parts[2]!]);
    expect(updateEffect(server, holed, 'workflow')).toBe('undecided');
    expect(effectOnCopy(server, holed)).toBe('undecided');
    expect(updateEffect(server, Y.mergeUpdates(parts), 'workflow')).toBe('none');
    expect(() => updateEffect(server, new Uint8Array([7, 255, 255, 255, 255, 255, 3]), 'workflow')).toThrow();
  });

  it('agrees with applying to a copy over random edits of several writers', () => {
    const counts: Record<UpdateEffect, number> = { none: 0, repeat: 0, workflow: 0, undecided: 0 };
    for (let run = 0; run < 25; run++) {
      const rand = seededRandom(4100 + run);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      const server = new Y.Doc();
      server.transact(() => {
        const notes = new Y.Map<unknown>();
        server.getMap('workflow').set('notes', notes);
        notes.set('vi', 'ghi chú');
        server.getMap('workflow').set('status', 'submitted');
        server.getText('headline').insert(0, 'Nhiều xã đã huy động dân');
        server.getMap('meta').set('byline', 'Lan');
        const list = new Y.Array<unknown>();
        server.getMap('meta').set('tags', list);
        list.push(['a', 'b']);
      });
      const desks = Array.from({ length: 3 }, () => {
        const d = new Y.Doc();
        Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
        return d;
      });
      for (let step = 0; step < 30; step++) {
        const which = Math.floor(rand() * desks.length);
        const desk = desks[which]!;
        const sv = Y.encodeStateVector(desk);
        const edits = 1 + Math.floor(rand() * 3);
        const marks: Uint8Array[] = [];
        for (let e = 0; e < edits; e++) {
          const text = desk.getText('headline');
          const kind = rand();
          if (kind < 0.35) text.insert(Math.floor(rand() * (text.length + 1)), pick(['Nh', 'Th', 'ư', ' ', 'x']));
          else if (kind < 0.55 && text.length > 0) {
            const at = Math.floor(rand() * text.length);
            text.delete(at, Math.min(1 + Math.floor(rand() * 3), text.length - at));
          } else if (kind < 0.65) desk.getMap('meta').set('byline', pick(['Lan', 'Minh Đức', 'Nam']));
          else if (kind < 0.72) (desk.getMap('meta').get('tags') as Y.Array<unknown>).insert(0, [pick(['x', 'y'])]);
          else if (kind < 0.78) desk.getMap('workflow').set('status', pick(['approved', 'draft']));
          else if (kind < 0.82) (desk.getMap('workflow').get('notes') as Y.Map<unknown> | undefined)?.set('vi', 'khác');
          else if (kind < 0.85) desk.getMap('workflow').delete('notes');
          marks.push(Y.encodeStateVector(desk));
        }
        // Sometimes the whole change, sometimes only its later part (the earlier one lost), sometimes a repeat.
        const how = rand();
        const update = how < 0.7 ? Y.encodeStateAsUpdate(desk, sv) : how < 0.85 && marks.length > 1 ? Y.encodeStateAsUpdate(desk, marks[0]!) : Y.encodeStateAsUpdate(desk, Y.encodeStateVector(server));
        const expected = byShadow(server, update);
        expect(updateEffect(server, update, 'workflow'), `run ${run} step ${step}`).toBe(expected);
        counts[expected]++;
        if (expected === 'none' || expected === 'repeat') Y.applyUpdate(server, update);
        else {
          // A refused desk starts again from the server's copy, as a desk does after the refusal.
          desks[which] = new Y.Doc();
          Y.applyUpdate(desks[which]!, Y.encodeStateAsUpdate(server));
        }
        // Desks catch up with the server now and then (and drop what it refused).
        if (rand() < 0.3) for (const d of desks) Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
      }
    }
    // Every outcome was met, and mostly accepted edits.
    expect(Object.values(counts).every((n) => n > 0), JSON.stringify(counts)).toBe(true);
    expect(counts.none, JSON.stringify(counts)).toBeGreaterThan(counts.workflow);
  }, 60_000);
});
