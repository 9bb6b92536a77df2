/**
 * The register of single-value fields on two real Y.Docs that exchange their updates as two
 * desks do (offline, then syncing), written through the register's own calls on the article's
 * `meta` map.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pair } from '../../support/replicas';
import { candidates, newSession, ownCandidate, readRegister, registerValue, resolveRegister, setRegister, writeRegister, type EditSession } from '../../../src-shared/register';


const meta = (d: Y.Doc) => d.getMap<unknown>('meta');

/** Types `text` key by key in one session, as a field does. */
function typeIn(doc: Y.Doc, session: EditSession, text: string, from = ''): void {
  for (let i = from.length + 1; i <= text.length; i++) writeRegister(meta(doc), 'byline', text.slice(0, i), session);
}

const keysOf = (doc: Y.Doc) => [...meta(doc).keys()].filter((k) => k.startsWith('byline')).sort();

describe('register of a single-value field', () => {
  it('keeps both bylines typed offline on two desks: a conflict, and the last agreed value as effective', () => {
    const { a, b, sync } = pair();
    setRegister(meta(a), 'byline', 'Ban Thời sự');
    sync();
    typeIn(a, newSession('lan'), 'Lan Anh');
    typeIn(b, newSession('minh'), 'Minh Đức');
    sync();
    for (const doc of [a, b]) {
      const state = readRegister(meta(doc), 'byline');
      expect(state.conflict).toBe(true);
      expect(state.value).toBe('Ban Thời sự');
      expect(state.candidates.map((c) => [c.value, c.by, c.base]).sort()).toEqual([
        ['Lan Anh', 'lan', 'Ban Thời sự'],
        ['Minh Đức', 'minh', 'Ban Thời sự'],
      ]);
      for (const c of state.candidates) expect(Date.parse(c.at)).toBeGreaterThan(Date.now() - 60_000);
    }
    expect(keysOf(a)).toEqual(keysOf(b));
  });

  it('keystrokes of one session overwrite one key and make no conflict', () => {
    const { a, b, sync } = pair();
    const s = newSession('lan');
    typeIn(a, s, 'Lan Anh');
    expect(keysOf(a)).toEqual([`byline@${s.id}`]);
    expect(ownCandidate(meta(a), 'byline', s)).toMatchObject({ value: 'Lan Anh', base: '', by: 'lan' });
    sync();
    expect(readRegister(meta(b), 'byline')).toMatchObject({ value: 'Lan Anh', conflict: false });
    // The same session goes on after a sync: still its one key.
    typeIn(a, s, 'Lan Anh (TTXVN)', 'Lan Anh');
    sync();
    expect(keysOf(b)).toEqual([`byline@${s.id}`]);
    expect(registerValue(meta(b), 'byline')).toBe('Lan Anh (TTXVN)');
  });

  it('live edits one after the other on two desks make no conflict: the later writer replaced what it saw', () => {
    const { a, b, sync } = pair();
    typeIn(a, newSession('lan'), 'Lan Anh');
    sync();
    const sb = newSession('minh');
    typeIn(b, sb, 'Lan Anh và Minh Đức', 'Lan Anh');
    sync();
    typeIn(a, newSession('lan'), 'Lan Anh và Minh Đức (ảnh)', 'Lan Anh và Minh Đức');
    sync();
    for (const doc of [a, b]) {
      expect(readRegister(meta(doc), 'byline')).toMatchObject({ value: 'Lan Anh và Minh Đức (ảnh)', conflict: false });
      expect(candidates(meta(doc), 'byline')).toHaveLength(1);
    }
    expect(candidates(meta(a), 'byline')[0]!.base).toBe('Lan Anh và Minh Đức');
  });

  it('a resolve (a candidate chosen, or a combination) leaves one value on both desks', () => {
    const { a, b, sync } = pair();
    typeIn(a, newSession('lan'), 'Lan Anh');
    typeIn(b, newSession('minh'), 'Minh Đức');
    sync();
    expect(readRegister(meta(a), 'byline').conflict).toBe(true);
    resolveRegister(meta(b), 'byline', 'Lan Anh – Minh Đức'.normalize('NFD'), 'minh');
    sync();
    for (const doc of [a, b]) {
      const state = readRegister(meta(doc), 'byline');
      expect(state).toMatchObject({ value: 'Lan Anh – Minh Đức'.normalize('NFC'), conflict: false });
      expect(state.candidates).toHaveLength(1);
      expect(state.candidates[0]).toMatchObject({ by: 'minh', base: 'Lan Anh – Minh Đức'.normalize('NFC') });
    }
    // The next edit starts from the resolved value.
    typeIn(a, newSession('lan'), 'Lan Anh – Minh Đức.', 'Lan Anh – Minh Đức');
    expect(candidates(meta(a), 'byline')[0]!.base).toBe('Lan Anh – Minh Đức');
  });

  it('undoing a resolve brings the conflict back', () => {
    const { a, b, sync } = pair();
    typeIn(a, newSession('lan'), 'Lan Anh');
    typeIn(b, newSession('minh'), 'Minh Đức');
    sync();
    const undo = new Y.UndoManager([meta(a)], { trackedOrigins: new Set(['local']) });
    a.transact(() => resolveRegister(meta(a), 'byline', 'Minh Đức', 'lan'), 'local');
    expect(readRegister(meta(a), 'byline')).toMatchObject({ value: 'Minh Đức', conflict: false });
    undo.undo();
    const back = readRegister(meta(a), 'byline');
    expect(back.conflict).toBe(true);
    expect(back.candidates.map((c) => c.value).sort()).toEqual(['Lan Anh', 'Minh Đức']);
    sync();
    expect(readRegister(meta(b), 'byline').conflict).toBe(true);
    undo.redo();
    sync();
    expect(readRegister(meta(b), 'byline')).toMatchObject({ value: 'Minh Đức', conflict: false });
  });

  it('a legacy plain value is the value until someone writes; two offline writers over it conflict with it as base', () => {
    const { a, b, sync } = pair();
    meta(a).set('byline', 'Ban Kinh tế');
    sync();
    expect(readRegister(meta(b), 'byline')).toMatchObject({ value: 'Ban Kinh tế', conflict: false });
    expect(candidates(meta(b), 'byline')).toEqual([{ key: 'byline', value: 'Ban Kinh tế', by: '', at: '', base: 'Ban Kinh tế', baseAt: '' }]);
    typeIn(a, newSession('lan'), 'Lan Anh');
    typeIn(b, newSession('minh'), 'Minh Đức');
    sync();
    expect(meta(a).has('byline')).toBe(false);
    expect(readRegister(meta(a), 'byline')).toMatchObject({ value: 'Ban Kinh tế', conflict: true });
    expect(candidates(meta(a), 'byline')).toHaveLength(2);
  });

  it('writing during a conflict keeps the others’ values and adds only the writer’s own', () => {
    const { a, b, sync } = pair();
    typeIn(a, newSession('lan'), 'Lan Anh');
    typeIn(b, newSession('minh'), 'Minh Đức');
    sync();
    const s = newSession('lan');
    typeIn(a, s, 'Hoa');
    sync();
    const state = readRegister(meta(b), 'byline');
    expect(state.conflict).toBe(true);
    expect(state.value).toBe('');
    expect(state.candidates.map((c) => c.value).sort()).toEqual(['Hoa', 'Lan Anh', 'Minh Đức']);
    expect(ownCandidate(meta(a), 'byline', s)).toMatchObject({ value: 'Hoa', base: '' });
  });

  it('writing the value already there writes nothing; equal values on two desks are no conflict', () => {
    const { a, b, sync } = pair();
    setRegister(meta(a), 'byline', 'Lan Anh');
    sync();
    const before = Y.encodeStateVector(a);
    expect(setRegister(meta(a), 'byline', 'Lan Anh')).toBe(false);
    expect(Y.encodeStateVector(a)).toEqual(before);
    setRegister(meta(a), 'byline', 'Minh Đức');
    setRegister(meta(b), 'byline', 'Minh Đức');
    sync();
    expect(readRegister(meta(a), 'byline')).toMatchObject({ value: 'Minh Đức', conflict: false });
  });

  it('when the candidates’ bases differ (a resolve on one desk, more typing in the old conflict on the other), the resolved value is effective on both', () => {
    const { a, b, sync } = pair();
    let clock = 0;
    const at = () => new Date(Date.UTC(2025, 0, 13, 10, 53, clock++)).toISOString();
    writeRegister(meta(a), 'byline', 'Lan Anh', newSession('lan'), { now: at });
    const sb = newSession('minh');
    writeRegister(meta(b), 'byline', 'Minh Đức', sb, { now: at });
    sync();
    resolveRegister(meta(a), 'byline', 'Lan Anh', 'lan', { now: at });
    writeRegister(meta(b), 'byline', 'Minh Đức (ảnh)', sb, { now: at });
    sync();
    // B typed last, but from the older agreement (''): the resolve is the latest agreement.
    expect(readRegister(meta(a), 'byline')).toMatchObject({ value: 'Lan Anh', conflict: true });
    expect(readRegister(meta(a), 'byline').candidates.map((c) => c.value)).toEqual(['Lan Anh', 'Minh Đức (ảnh)']);
    expect(readRegister(meta(b), 'byline')).toEqual(readRegister(meta(a), 'byline'));
  });
});
