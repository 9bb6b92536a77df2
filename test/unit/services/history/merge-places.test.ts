/** Whether a merge touched one place on both sides: headline, lead, or one body block followed by its Yjs identity. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { touchedOnBothSides } from '../../../../src-main/services/history/merge-places';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

/** A base article, two copies edited apart, and their merge; the answer for (local, remote, merged). */
function merge(local: (doc: Y.Doc) => void, remote: (doc: Y.Doc) => void): boolean {
  const base = new Y.Doc();
  base.getText('headline').insert(0, 'Lũ quét ở Hà Giang');
  base.getXmlFragment('body').insert(0, [paragraph('Đoàn cứu hộ đã đến.'), paragraph('Thiệt hại ban đầu.')]);
  const copy = (): Y.Doc => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
    return d;
  };
  const [l, r] = [copy(), copy()];
  local(l);
  remote(r);
  const m = copy();
  Y.applyUpdate(m, Y.encodeStateAsUpdate(l));
  Y.applyUpdate(m, Y.encodeStateAsUpdate(r));
  return touchedOnBothSides(Y.encodeStateAsUpdate(l), Y.encodeStateAsUpdate(r), Y.encodeStateAsUpdate(m));
}

const typeIn =
  (index: number, words: string) =>
  (doc: Y.Doc): void => {
    const t = (doc.getXmlFragment('body').get(index) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(t.length, words);
  };

describe('touchedOnBothSides', () => {
  it('is true when both sides changed the same paragraph', () => {
    expect(merge(typeIn(0, ' Trời mưa.'), typeIn(0, ' Nước dâng.'))).toBe(true);
  });

  it('is false for different paragraphs, even with a paragraph added above on one side', () => {
    expect(merge(typeIn(0, ' Trời mưa.'), typeIn(1, ' Khoảng 5 tỷ đồng.'))).toBe(false);
    expect(
      merge(
        (doc) => {
          doc.getXmlFragment('body').insert(0, [paragraph('Tin mới nhất.')]);
          typeIn(2, ' Thêm.')(doc);
        },
        typeIn(0, ' Nước dâng.'),
      ),
    ).toBe(false);
  });

  it('is true when both changed the headline, false when only one did', () => {
    expect(merge((d) => d.getText('headline').insert(0, 'Khẩn: '), (d) => d.getText('headline').insert(d.getText('headline').length, ' (cập nhật)'))).toBe(true);
    expect(merge((d) => d.getText('headline').insert(0, 'Khẩn: '), typeIn(0, ' Nước dâng.'))).toBe(false);
  });

  it('is true when one side removed a paragraph the other changed', () => {
    expect(merge((d) => d.getXmlFragment('body').delete(0, 1), typeIn(0, ' Nước dâng.'))).toBe(true);
  });
});
