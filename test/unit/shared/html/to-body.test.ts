import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, bodyHtml, bodyLines } from '../../../../src-shared/article-doc';
import { htmlToBody } from '../../../../src-shared/html/to-body';

function docWith(html: string): Y.Doc {
  const doc = new Y.Doc();
  htmlToBody(html, body(doc));
  return doc;
}

const HTML = [
  '<h2>Tin nóng</h2>',
  '<p>Chiều nay, <strong>Hà Giang</strong> đón <em>đoàn khách</em> đầu tiên. Xem <a href="https://hagiang.gov.vn/tin">chi tiết</a>.</p>',
  '<h3>Lịch trình</h3>',
  '<ul><li><p>Đồng Văn</p></li><li><p>Mèo Vạc</p></li></ul>',
  '<ol><li><p>Một</p></li></ol>',
  '<blockquote><p>“Rất đẹp”, chị Lan nói.</p></blockquote>',
  '<p>Dòng một<br>dòng hai</p>',
].join('\n');

describe('htmlToBody', () => {
  it('writes HTML that bodyHtml reads back the same', () => {
    expect(bodyHtml(docWith(HTML))).toBe(HTML);
  });

  it('uses the node and mark shape of y-tiptap', () => {
    const frag = body(docWith(HTML));
    const [h2, p, h3, ul, ol, quote, br] = frag.toArray() as Y.XmlElement[];
    expect(h2!.nodeName).toBe('heading');
    expect(h2!.getAttribute('level')).toBe(2);
    expect(h3!.getAttribute('level')).toBe(3);
    expect(p!.nodeName).toBe('paragraph');
    const text = p!.get(0) as Y.XmlText;
    expect(p!.length).toBe(1);
    expect(text).toBeInstanceOf(Y.XmlText);
    expect(text.toDelta()).toEqual([
      { insert: 'Chiều nay, ' },
      { insert: 'Hà Giang', attributes: { bold: {} } },
      { insert: ' đón ' },
      { insert: 'đoàn khách', attributes: { italic: {} } },
      { insert: ' đầu tiên. Xem ' },
      { insert: 'chi tiết', attributes: { link: { href: 'https://hagiang.gov.vn/tin' } } },
      { insert: '.' },
    ]);
    expect(ul!.nodeName).toBe('bulletList');
    const item = ul!.get(0) as Y.XmlElement;
    expect(item.nodeName).toBe('listItem');
    expect((item.get(0) as Y.XmlElement).nodeName).toBe('paragraph');
    expect(ol!.nodeName).toBe('orderedList');
    expect(ol!.getAttribute('start')).toBe(1);
    expect(quote!.nodeName).toBe('blockquote');
    expect((quote!.get(0) as Y.XmlElement).nodeName).toBe('paragraph');
    expect(br!.toArray().map((n) => (n instanceof Y.XmlElement ? n.nodeName : 'text'))).toEqual(['text', 'hardBreak', 'text']);
  });

  it('replaces what the body held, and survives a round trip through an update', () => {
    const doc = docWith('<p>cũ</p>');
    htmlToBody('<p>mới</p>', body(doc));
    expect(bodyLines(doc)).toEqual(['mới']);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(docWith(HTML)));
    expect(bodyHtml(copy)).toBe(HTML);
  });

  it('cleans whatever it is given', () => {
    expect(bodyHtml(docWith('<p onclick="x()">a<script>b</script> <a href="javascript:x">c</a></p>'))).toBe('<p>a c</p>');
  });

  it('gives a list item a paragraph first, as the editor requires', () => {
    const doc = docWith('<ul><li><ul><li>sâu</li></ul></li></ul>');
    const item = body(doc).get(0) as Y.XmlElement;
    expect(((item.get(0) as Y.XmlElement).get(0) as Y.XmlElement).nodeName).toBe('paragraph');
  });
});
