/**
 * The article page's typed fields on the replica: byline and slug written in the field's edit
 * session, the slug left to the headline until a person edits it, leaving the slug without
 * typing writes nothing, and what a field shows while its writer types into a conflict.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meta, metaRegister, slugOf } from '../../../../src-shared/article-doc';
import { newSession } from '../../../../src-shared/register';
import { shownValue } from '../../../../src-renderer/features/article/registers';
import { readFacts, readFields, settleSlug, writeField } from '../../../../src-renderer/features/article/yjs-binding';

const metaKeys = (doc: Y.Doc) => [...meta(doc).keys()].sort();

describe('typed fields of the article page', () => {
  it('a headline key writes nothing to meta; the slug is the headline’s until edited, settled clean on leaving, given back when emptied', () => {
    const doc = new Y.Doc();
    const h = newSession('lan');
    writeField(doc, 'headline', 'Lũ về Yên Bái', undefined, h);
    expect(metaKeys(doc).filter((k) => k.startsWith('slug'))).toEqual([]);
    expect(readFields(doc).slug).toBe('lu-ve-yen-bai');
    expect(readFacts(doc).slugEdited).toBe(false);

    // Focus and leave without typing: nothing written.
    const before = Y.encodeStateVector(doc);
    settleSlug(doc, null);
    settleSlug(doc, newSession('lan'));
    expect(Y.encodeStateVector(doc)).toEqual(before);

    const s = newSession('lan');
    writeField(doc, 'slug', 'lu-ve-yen-bai Đợt 1!', undefined, s);
    writeField(doc, 'slug', 'lu-ve-yen-bai Đợt 2!', undefined, s);
    expect(metaKeys(doc)).toEqual([`slug@${s.id}`]);
    settleSlug(doc, s);
    expect(slugOf(doc)).toEqual({ slug: 'lu-ve-yen-bai-dot-2', edited: true });
    expect(readFacts(doc).slugEdited).toBe(true);
    writeField(doc, 'headline', 'Lũ về Lào Cai', undefined, h);
    expect(readFields(doc).slug).toBe('lu-ve-yen-bai-dot-2');

    const e = newSession('lan');
    writeField(doc, 'slug', '', undefined, e);
    settleSlug(doc, e);
    expect(readFields(doc).slug).toBe('lu-ve-lao-cai');
    expect(readFacts(doc).slugEdited).toBe(false);
  });

  it('while the writer types into a conflict the field shows what they typed; otherwise the agreed value', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeField(a, 'byline', 'Lan Anh', undefined, newSession('lan'));
    writeField(b, 'byline', 'Minh Đức', undefined, newSession('minh'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const s = newSession('lan');
    writeField(a, 'byline', 'Hoa', undefined, s);
    const state = metaRegister(a, 'byline');
    expect(state.conflict).toBe(true);
    expect(readFields(a).byline).toBe('');
    expect(shownValue(state, 'byline', s)).toBe('Hoa');
    expect(shownValue(state, 'byline', newSession('lan'))).toBe('');
    expect(shownValue(state, 'byline', null)).toBe('');
  });
});
