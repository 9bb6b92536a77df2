import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, headline, initArticle, meta, photos, sapo, setBodyLines, setText } from '../../../src-shared/article-doc';
import { setEventPlace, setEventTimes } from '../../../src-shared/article-event';
import { checklist, type ChecklistItemId } from '../../../src-shared/checklist';

function article(language: 'vi' | 'en' = 'vi'): Y.Doc {
  const doc = new Y.Doc();
  initArticle(doc, { id: 'a1', language, createdAt: '2025-06-01T00:00:00.000Z' });
  return doc;
}

function photo(id: string | null, captions: Record<string, string>): Y.Map<unknown> {
  const p = new Y.Map<unknown>();
  const caps = new Y.Map<string>();
  for (const [k, v] of Object.entries(captions)) caps.set(k, v);
  p.set('id', id);
  p.set('captions', caps);
  return p;
}

const missing = (doc: Y.Doc): ChecklistItemId[] =>
  checklist(doc)
    .items.filter((i) => !i.ok)
    .map((i) => i.id);

describe('submission checklist', () => {
  it('lists everything an empty article lacks (no photos is not a lack)', () => {
    const doc = article();
    expect(missing(doc)).toEqual(['headline', 'sapo', 'byline', 'body', 'eventDate', 'eventPlace']);
    expect(checklist(doc)).toMatchObject({ language: 'vi', photoCount: 0, ready: false });
  });

  it('is ready once every item is there, and follows the document as it changes', () => {
    const doc = article();
    setText(headline(doc), 'Tít');
    setText(sapo(doc), 'Sa-pô');
    meta(doc).set('byline', 'Phóng viên');
    setBodyLines(doc, ['', 'Đoạn một.']);
    photos(doc).push([photo('a'.repeat(64), { vi: 'Chú thích', en: '' })]);
    setEventTimes(doc, { start: '2025-06-20T08:00' });
    setEventPlace(doc, { unit: { level: 'province', code: '08', name: 'Tuyên Quang', provinceCode: '08', provinceName: 'Tuyên Quang' }, former: null });
    expect(missing(doc)).toEqual([]);
    expect(checklist(doc).ready).toBe(true);
    // Blank text is not text.
    setText(headline(doc), '   ');
    expect(missing(doc)).toEqual(['headline']);
  });

  it('says which photos lack an image or a caption in the article\'s language', () => {
    const doc = article('en');
    photos(doc).push([photo('b'.repeat(64), { vi: 'Có', en: 'Yes' }), photo(null, { vi: 'Ảnh dự kiến', en: '' }), photo('c'.repeat(64), { vi: 'Chỉ tiếng Việt' })]);
    const c = checklist(doc);
    expect(c.language).toBe('en');
    expect(c.photoCount).toBe(3);
    expect(c.items.find((i) => i.id === 'photoImages')).toEqual({ id: 'photoImages', ok: false, photos: [1] });
    expect(c.items.find((i) => i.id === 'photoCaptions')).toEqual({ id: 'photoCaptions', ok: false, photos: [1, 2] });
    // The same photos in a Vietnamese article: every one has a vi caption.
    meta(doc).set('language', 'vi');
    expect(checklist(doc).items.find((i) => i.id === 'photoCaptions')).toMatchObject({ ok: true, photos: [] });
  });

  it('finds body text at any depth (a bold word in a list item), and none in empty paragraphs', () => {
    const doc = article();
    setBodyLines(doc, ['', '   ']);
    expect(missing(doc)).toContain('body');
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const para = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Hà Giang', { bold: true });
    para.insert(0, [text]);
    item.insert(0, [para]);
    list.insert(0, [item]);
    body(doc).push([list]);
    expect(missing(doc)).not.toContain('body');
  });
});
