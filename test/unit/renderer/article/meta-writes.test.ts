import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initArticle, meta, readArticle, summarize } from '../../../../src-shared/article-doc';
import { addTag, cleanTag, removeTag, setLanguage, tagsOf } from '../../../../src-renderer/features/article/meta-writes';
import { USER_ORIGIN } from '../../../../src-renderer/features/article/origins';
import { vocabularyOf } from '../../../../src-renderer/features/article/vocabulary';

function article(): Y.Doc {
  const doc = new Y.Doc();
  initArticle(doc, { id: 'bai-thu-nghiem-1', language: 'vi', createdAt: '2026-01-09T09:20:00.000Z' });
  return doc;
}

describe('the article language and tags as the details panel writes them', () => {
  it('adds tags as NFC, once per folded form, and removes them', () => {
    const doc = article();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    expect(addTag(doc, '  Giáo   dục '.normalize('NFD'))).toBe(true);
    expect(addTag(doc, 'giao duc')).toBe(false);
    expect(addTag(doc, 'GIÁO DỤC')).toBe(false);
    expect(addTag(doc, ' , ')).toBe(false);
    expect(addTag(doc, 'Tuyên Quang')).toBe(true);
    expect(tagsOf(doc)).toEqual(['Giáo dục', 'Tuyên Quang']);
    expect(tagsOf(doc)[0]).toBe('Giáo dục'.normalize('NFC'));
    removeTag(doc, 'Giáo dục');
    // Every change is the writer's, so the replica sends it to main.
    expect(origins).toEqual([USER_ORIGIN, USER_ORIGIN, USER_ORIGIN]);
    expect(readArticle(doc).tags).toEqual(['Tuyên Quang']);
  });

  it('cleans a tag: commas and runs of spaces become one space', () => {
    expect(cleanTag(' Hà  Giang,\tTuyên Quang ')).toBe('Hà Giang Tuyên Quang');
  });

  it('changes the language the article is read, counted and exported in', () => {
    const doc = article();
    setLanguage(doc, 'en');
    expect(meta(doc).get('language')).toBe('en');
    expect(readArticle(doc).language).toBe('en');
  });

  it('lists the library’s sections and tags once each, in Vietnamese order, for the choices', () => {
    const a = article();
    meta(a).set('section', 'Thời sự');
    addTag(a, 'Chuyển đổi số');
    addTag(a, 'Tuyên Quang');
    const b = article();
    meta(b).set('section', 'Kinh tế');
    addTag(b, 'chuyển đổi số');
    addTag(b, 'Ẩm thực');
    const rows = [summarize(a, '2026-01-09T09:30:00.000Z'), summarize(b, '2026-01-09T09:30:00.000Z'), summarize(article(), '2026-01-09T09:30:00.000Z')];
    expect(rows[2]!.tags).toBeUndefined();
    expect(vocabularyOf(rows)).toEqual({ sections: ['Kinh tế', 'Thời sự'], tags: ['Ẩm thực', 'Chuyển đổi số', 'Tuyên Quang'] });
  });
});
