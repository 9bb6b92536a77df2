import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, headline, photos, sapo } from '../../../../src-shared/article-doc';
import { restyleArticle } from '../../../../src-shared/spell/restyle-article';

function article(): Y.Doc {
  const doc = new Y.Doc();
  headline(doc).insert(0, 'Hòa bình cho thủy điện');
  sapo(doc).insert(0, 'Sức khỏe'.normalize('NFD'));
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, 'Mùa ');
  t.insert(4, 'lũ hòa', { bold: true });
  t.insert(10, ' với thuỷ triều.', {});
  p.insert(0, [t]);
  body(doc).insert(0, [p]);
  const photo = new Y.Map<unknown>();
  const captions = new Y.Map<string>();
  captions.set('vi', 'Đoàn khỏe mạnh');
  captions.set('en', 'A healthy team');
  photo.set('captions', captions);
  photos(doc).push([photo]);
  return doc;
}

const paragraph = (doc: Y.Doc) => ((body(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).toDelta() as unknown;

describe('restyling an article to a tone-mark style', () => {
  it('moves each tone where the style puts it, in NFC, formatting and the other words kept', () => {
    const doc = article();
    // Hòa, thủy; Sức and khỏe (NFD: both come out NFC); hòa (thuỷ already is); khỏe in the caption.
    expect(restyleArticle(doc, 'modern')).toBe(6);
    expect(headline(doc).toString()).toBe('Hoà bình cho thuỷ điện');
    expect(sapo(doc).toString()).toBe('Sức khoẻ'); // from NFD input, NFC out
    expect(paragraph(doc)).toEqual([{ insert: 'Mùa ' }, { insert: 'lũ hoà', attributes: { bold: true } }, { insert: ' với thuỷ triều.' }]);
    const captions = photos(doc).get(0).get('captions') as Y.Map<string>;
    expect(captions.get('vi')).toBe('Đoàn khoẻ mạnh');
    expect(captions.get('en')).toBe('A healthy team');
    for (const s of [headline(doc).toString(), sapo(doc).toString()]) expect(s).toBe(s.normalize('NFC'));
    // Already in style: nothing to change.
    expect(restyleArticle(doc, 'modern')).toBe(0);
  });

  it('goes back to the classic style as well', () => {
    const doc = article();
    restyleArticle(doc, 'modern');
    expect(restyleArticle(doc, 'classic')).toBe(6);
    expect(headline(doc).toString()).toBe('Hòa bình cho thủy điện');
    expect(paragraph(doc)).toEqual([{ insert: 'Mùa ' }, { insert: 'lũ hòa', attributes: { bold: true } }, { insert: ' với thủy triều.' }]);
  });
});
