import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { body, bodyHtml, bodyLines, headline, initArticle, meta, photos, readArticle, sapo, setBodyLines, setText, slugOf, writeMeta } from '../../../src-shared/article-doc';
import { newSession } from '../../../src-shared/register';
import { restoreInto } from '../../../src-shared/article-restore';

const USER = 'user';

function article(head: string, lead: string, lines: readonly string[]): Y.Doc {
  const doc = new Y.Doc();
  initArticle(doc, { id: 'bai-viet-0001', language: 'vi', createdAt: '2022-01-13T10:53:00.000Z', byline: 'Minh Thư' });
  setText(headline(doc), head);
  setText(sapo(doc), lead);
  setBodyLines(doc, lines);
  return doc;
}

/** A copy of `doc` as it is now, the way a stored version decodes. */
function versionOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('restoreInto', () => {
  it("brings back the version's headline, lead and body", () => {
    const doc = article('Lũ về Yên Bái', 'Sáng nay nước dâng.', ['Đoạn một.', 'Đoạn hai.']);
    const old = versionOf(doc);
    setText(headline(doc), 'Lũ rút ở Yên Bái');
    setText(sapo(doc), 'Chiều nay nước đã rút.');
    setBodyLines(doc, ['Đoạn mới.']);

    restoreInto(doc, old, USER);
    expect(headline(doc).toString()).toBe('Lũ về Yên Bái');
    expect(sapo(doc).toString()).toBe('Sáng nay nước dâng.');
    expect(bodyLines(doc)).toEqual(['Đoạn một.', 'Đoạn hai.']);
  });

  it('keeps headings, marks and links of the body', () => {
    const doc = article('Tin', '', []);
    const frag = body(doc);
    doc.transact(() => {
      const h = new Y.XmlElement('heading');
      h.setAttribute('level', '2');
      const ht = new Y.XmlText();
      ht.insert(0, 'Diễn biến');
      h.insert(0, [ht]);
      const p = new Y.XmlElement('paragraph');
      const pt = new Y.XmlText();
      pt.insert(0, 'Mực nước ');
      pt.insert(9, 'vượt báo động', { bold: true });
      pt.insert(22, ' ba', { link: { href: 'https://example.vn/lu' } });
      p.insert(0, [pt]);
      frag.insert(0, [h, p]);
    });
    const old = versionOf(doc);
    const before = bodyHtml(doc);
    setBodyLines(doc, ['Xoá hết.']);
    expect(bodyHtml(doc)).not.toBe(before);

    restoreInto(doc, old, USER);
    expect(bodyHtml(doc)).toBe(before);
    expect(before).toBe('<h2>Diễn biến</h2>\n<p>Mực nước <strong>vượt báo động</strong><a href="https://example.vn/lu"> ba</a></p>');
  });

  it('leaves photos, byline and other meta as they are now', () => {
    const doc = article('Cũ', 'Cũ.', ['Cũ.']);
    const old = versionOf(doc);
    meta(doc).set('byline', 'Văn Hùng');
    const photo = new Y.Map<unknown>();
    photo.set('id', 'anh-1');
    photos(doc).push([photo]);
    setText(headline(doc), 'Mới');

    restoreInto(doc, old, USER);
    const view = readArticle(doc);
    expect(view.headline).toBe('Cũ');
    expect(view.byline).toBe('Văn Hùng');
    expect(view.photos.map((p) => p.id)).toEqual(['anh-1']);
  });

  it('is one change that an undo manager tracking the origin undoes in one step', () => {
    const doc = article('Bản cũ', 'Lời dẫn cũ.', ['Thân cũ.']);
    const old = versionOf(doc);
    const undo = new Y.UndoManager([headline(doc), sapo(doc), body(doc)], { trackedOrigins: new Set([USER]), captureTimeout: 0 });
    doc.transact(() => {
      setText(headline(doc), 'Bản mới');
      setText(sapo(doc), 'Lời dẫn mới.');
      setBodyLines(doc, ['Thân mới.', 'Thêm đoạn.']);
    }, USER);
    undo.stopCapturing();

    restoreInto(doc, old, USER);
    expect(readArticle(doc)).toMatchObject({ headline: 'Bản cũ', sapo: 'Lời dẫn cũ.', body: 'Thân cũ.' });
    undo.undo();
    expect(readArticle(doc)).toMatchObject({ headline: 'Bản mới', sapo: 'Lời dẫn mới.', body: 'Thân mới.\n\nThêm đoạn.' });
    undo.redo();
    expect(readArticle(doc)).toMatchObject({ headline: 'Bản cũ', sapo: 'Lời dẫn cũ.', body: 'Thân cũ.' });
  });

  it('reaches another replica as an ordinary update', () => {
    const doc = article('Một', 'Hai.', ['Ba.']);
    const old = versionOf(doc);
    const other = versionOf(doc);
    setText(headline(doc), 'Khác');
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(doc);
    restoreInto(doc, old, USER);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, sv));
    expect(readArticle(other)).toMatchObject({ headline: 'Một', sapo: 'Hai.', body: 'Ba.' });
  });

  it('changes nothing when the version equals the article', () => {
    const doc = article('Như nhau', 'Như nhau.', ['Như nhau.']);
    const same = versionOf(doc);
    const sv = Y.encodeStateVector(doc);
    restoreInto(doc, same, USER);
    expect(readArticle(doc)).toMatchObject({ headline: 'Như nhau', sapo: 'Như nhau.', body: 'Như nhau.' });
    expect(Y.encodeStateVector(doc)).toEqual(sv);
  });

  it('brings back the slug a person gave the version', () => {
    const doc = article('Lũ về Yên Bái', 'Sáng nay.', ['Một.']);
    writeMeta(doc, 'slug', 'lu-yen-bai-sang', newSession('Minh Thư'));
    const old = versionOf(doc);
    setText(headline(doc), 'Lũ rút ở Yên Bái');
    writeMeta(doc, 'slug', 'lu-rut-yen-bai', newSession('Minh Thư'));
    restoreInto(doc, old, USER, 'Minh Thư');
    expect(slugOf(doc)).toEqual({ slug: 'lu-yen-bai-sang', edited: true });
    expect(readArticle(doc).slug).toBe('lu-yen-bai-sang');
  });

  it("gives the slug back to the restored headline when the version's was never edited", () => {
    const doc = article('Lũ về Yên Bái', 'Sáng nay.', ['Một.']);
    const old = versionOf(doc);
    setText(headline(doc), 'Lũ rút ở Yên Bái');
    writeMeta(doc, 'slug', 'lu-rut', newSession());
    expect(readArticle(doc).slug).toBe('lu-rut');
    restoreInto(doc, old, USER);
    expect(slugOf(doc)).toEqual({ slug: 'lu-ve-yen-bai', edited: false });
    // It follows the headline again from there, until someone edits it.
    setText(headline(doc), 'Lũ về Lào Cai');
    expect(readArticle(doc).slug).toBe('lu-ve-lao-cai');
  });

  it('restores an edited slug written the old way (a plain slug with slugEdited)', () => {
    const doc = article('Tin cũ', '', []);
    meta(doc).set('slug', 'tin-cu-rieng');
    meta(doc).set('slugEdited', true);
    const old = versionOf(doc);
    writeMeta(doc, 'slug', 'khac', newSession());
    restoreInto(doc, old, USER);
    expect(readArticle(doc).slug).toBe('tin-cu-rieng');
  });
});
