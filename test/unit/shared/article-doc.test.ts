import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exchange, replicaOf } from '../../support/replicas';
import {
  body,
  bodyHtml,
  bodyLines,
  bodyText,
  escapeHtml,
  headline,
  initArticle,
  meta,
  photos,
  readArticle,
  sapo,
  setBodyLines,
  setText,
  summarize,
  workflow,
} from '../../../src-shared/article-doc';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

function newArticle(language: 'vi' | 'en' = 'vi'): Y.Doc {
  const doc = new Y.Doc();
  initArticle(doc, { id: ID, language, createdAt: '2024-03-21T02:40:00.000Z', byline: 'Quang Huy', section: 'Thời sự' });
  return doc;
}

/** Two replicas that start from the same state. */
function twoReplicas(setup: (doc: Y.Doc) => void): [Y.Doc, Y.Doc] {
  const a = newArticle();
  setup(a);
  return [a, replicaOf(a)];
}


function paragraph(text: string, attrs?: Record<string, unknown>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, attrs);
  p.insert(0, [t]);
  return p;
}

describe('setText', () => {
  it('replaces the text', () => {
    const doc = newArticle();
    setText(headline(doc), 'Tít đầu tiên');
    setText(headline(doc), 'Tít thứ hai');
    expect(headline(doc).toString()).toBe('Tít thứ hai');
    setText(headline(doc), '');
    expect(headline(doc).toString()).toBe('');
  });

  it('keeps a concurrent insert made elsewhere in the same text when two replicas merge', () => {
    const [a, b] = twoReplicas((d) => setText(headline(d), 'Hội nghị trực tuyến toàn quốc'));
    // A edits the end through setText (as a text field does); B types at the start.
    setText(headline(a), 'Hội nghị trực tuyến toàn quốc về dân vận');
    headline(b).insert(0, 'Hà Giang: ');
    exchange(a, b);
    expect(headline(a).toString()).toBe('Hà Giang: Hội nghị trực tuyến toàn quốc về dân vận');
    expect(headline(b).toString()).toBe(headline(a).toString());
  });

  it('edits the middle without touching a concurrent change at the end', () => {
    const [a, b] = twoReplicas((d) => setText(sapo(d), 'Sáng nay, hội nghị khai mạc.'));
    setText(sapo(a), 'Sáng 13/1, hội nghị khai mạc.');
    setText(sapo(b), 'Sáng nay, hội nghị khai mạc tại 63 điểm cầu.');
    exchange(a, b);
    expect(sapo(a).toString()).toBe('Sáng 13/1, hội nghị khai mạc tại 63 điểm cầu.');
    expect(sapo(b).toString()).toBe(sapo(a).toString());
  });

  it('produces one small update, not a rewrite of the whole text', () => {
    const doc = newArticle();
    const long = 'Nội dung rất dài '.repeat(500);
    setText(sapo(doc), long);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    setText(sapo(doc), long + 'thêm.');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.length).toBeLessThan(100);
  });

  it('does nothing when the text is unchanged', () => {
    const doc = newArticle();
    setText(headline(doc), 'Giữ nguyên');
    let updates = 0;
    doc.on('update', () => updates++);
    setText(headline(doc), 'Giữ nguyên');
    expect(updates).toBe(0);
  });
});

describe('setBodyLines', () => {
  it('writes one paragraph per line and reads them back', () => {
    const doc = newArticle();
    setBodyLines(doc, ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.']);
    expect(bodyLines(doc)).toEqual(['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.']);
    expect(body(doc).toArray().every((n) => n instanceof Y.XmlElement && n.nodeName === 'paragraph')).toBe(true);
    expect(bodyText(doc)).toBe('Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.');
  });

  it('edits a single changed paragraph in place and keeps the others as they are', () => {
    const doc = newArticle();
    setBodyLines(doc, ['Một.', 'Hai.', 'Ba.']);
    const [p1, p2, p3] = body(doc).toArray() as Y.XmlElement[];
    const text2 = p2!.get(0);
    setBodyLines(doc, ['Một.', 'Hai, đã sửa.', 'Ba.']);
    const after = body(doc).toArray();
    expect(after[0]).toBe(p1);
    expect(after[1]).toBe(p2);
    expect(after[2]).toBe(p3);
    expect((after[1] as Y.XmlElement).get(0)).toBe(text2);
    expect(bodyLines(doc)).toEqual(['Một.', 'Hai, đã sửa.', 'Ba.']);
  });

  it('inserts and removes only the paragraphs that changed', () => {
    const doc = newArticle();
    setBodyLines(doc, ['Một.', 'Hai.', 'Ba.']);
    const [p1, , p3] = body(doc).toArray();
    setBodyLines(doc, ['Một.', 'Mới A.', 'Mới B.', 'Ba.']);
    const after = body(doc).toArray();
    expect(after).toHaveLength(4);
    expect(after[0]).toBe(p1);
    expect(after[3]).toBe(p3);
    setBodyLines(doc, ['Ba.']);
    expect(body(doc).toArray()).toEqual([p3]);
    setBodyLines(doc, []);
    expect(body(doc).length).toBe(0);
  });

  it('merges with a concurrent edit in another paragraph', () => {
    const [a, b] = twoReplicas((d) => setBodyLines(d, ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba.']));
    setBodyLines(a, ['Đoạn một, sửa ở A.', 'Đoạn hai.', 'Đoạn ba.']);
    setBodyLines(b, ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba, sửa ở B.']);
    exchange(a, b);
    expect(bodyLines(a)).toEqual(['Đoạn một, sửa ở A.', 'Đoạn hai.', 'Đoạn ba, sửa ở B.']);
    expect(bodyLines(b)).toEqual(bodyLines(a));
  });

  it('merges two concurrent edits inside the same paragraph', () => {
    const [a, b] = twoReplicas((d) => setBodyLines(d, ['Hội nghị diễn ra.']));
    setBodyLines(a, ['Sáng nay, hội nghị diễn ra.']);
    setBodyLines(b, ['Hội nghị diễn ra tại Hà Nội.']);
    exchange(a, b);
    expect(bodyLines(a)).toEqual(['Sáng nay, hội nghị diễn ra tại Hà Nội.']);
  });

  it('does nothing when the lines are unchanged', () => {
    const doc = newArticle();
    setBodyLines(doc, ['Một.', 'Hai.']);
    let updates = 0;
    doc.on('update', () => updates++);
    setBodyLines(doc, ['Một.', 'Hai.']);
    expect(updates).toBe(0);
  });
});

describe('bodyHtml', () => {
  it('escapes markup in text, so a <script> stays text', () => {
    const doc = newArticle();
    setBodyLines(doc, ['<script>alert("x")</script> & "trích dẫn" \'đơn\'']);
    const html = bodyHtml(doc);
    expect(html).not.toContain('<script');
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;trích dẫn&quot; &#39;đơn&#39;</p>');
  });

  it('keeps http(s) and mailto links, drops javascript: and data: links but keeps their text', () => {
    const doc = newArticle();
    body(doc).insert(0, [
      paragraph('trang chủ', { link: { href: 'https://example.vn/a?b=1&c=2' } }),
      paragraph('bấm vào', { link: { href: 'javascript:alert(1)' } }),
      paragraph('cũng vậy', { link: { href: '  JaVaScRiPt:alert(1)' } }),
      paragraph('dữ liệu', { link: { href: 'data:text/html,<b>x</b>' } }),
      paragraph('thư', { link: { href: 'mailto:toasoan@example.vn' } }),
      paragraph('lạ', { link: { href: '" onclick="x' } }),
    ]);
    const html = bodyHtml(doc);
    expect(html).toContain('<a href="https://example.vn/a?b=1&amp;c=2">trang chủ</a>');
    expect(html).toContain('<a href="mailto:toasoan@example.vn">thư</a>');
    expect(html.toLowerCase()).not.toContain('javascript:');
    expect(html).not.toContain('data:');
    expect(html).not.toContain('onclick');
    expect(html).toContain('<p>bấm vào</p>');
    expect(html).toContain('<p>cũng vậy</p>');
    expect(html).toContain('<p>dữ liệu</p>');
    expect(html).toContain('<p>lạ</p>');
  });

  it('renders headings, marks, quotes and lists, and unknown elements only by their content', () => {
    const doc = newArticle();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '3');
    const ht = new Y.XmlText();
    ht.insert(0, 'Tiêu đề phụ');
    heading.insert(0, [ht]);
    const marked = new Y.XmlElement('paragraph');
    const mt = new Y.XmlText();
    marked.insert(0, [mt]);
    mt.applyDelta([{ insert: 'đậm', attributes: { bold: true } }, { insert: ' và ' }, { insert: 'nghiêng', attributes: { italic: true } }]);
    const quote = new Y.XmlElement('blockquote');
    quote.insert(0, [paragraph('Lời trích.')]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph('Ý một')]);
    list.insert(0, [item]);
    const weird = new Y.XmlElement('iframe');
    weird.insert(0, [paragraph('bên trong')]);
    const badLevel = new Y.XmlElement('heading');
    badLevel.setAttribute('level', '"><script>');
    badLevel.insert(0, [new Y.XmlText('x')]);
    body(doc).insert(0, [heading, marked, quote, list, weird, badLevel]);
    expect(bodyHtml(doc).split('\n')).toEqual([
      '<h3>Tiêu đề phụ</h3>',
      '<p><strong>đậm</strong> và <em>nghiêng</em></p>',
      '<blockquote><p>Lời trích.</p></blockquote>',
      '<ul><li><p>Ý một</p></li></ul>',
      '<p>bên trong</p>',
      '<h2>x</h2>',
    ]);
  });

  it('renders a photo node as a figure naming the photo, captioned in the article language, and line breaks as <br>', () => {
    const doc = newArticle();
    const id = 'a'.repeat(64);
    const captions = new Y.Map<unknown>();
    const photo = new Y.Map<unknown>();
    photos(doc).push([photo]);
    photo.set('id', id);
    photo.set('captions', captions);
    captions.set('vi', 'Hội nghị tại điểm cầu <Hà Giang>');
    captions.set('en', 'The meeting in Ha Giang');
    const figure = new Y.XmlElement('photo');
    figure.setAttribute('id', id);
    const unknown = new Y.XmlElement('photo');
    unknown.setAttribute('id', 'b'.repeat(64));
    const broken = new Y.XmlElement('paragraph');
    broken.insert(0, [new Y.XmlText('dòng một'), new Y.XmlElement('hardBreak'), new Y.XmlText('dòng hai')]);
    body(doc).insert(0, [paragraph('Trước ảnh.'), figure, unknown, broken]);
    expect(bodyHtml(doc).split('\n')).toEqual([
      '<p>Trước ảnh.</p>',
      `<figure data-photo="${id}"><figcaption>Hội nghị tại điểm cầu &lt;Hà Giang&gt;</figcaption></figure>`,
      `<figure data-photo="${'b'.repeat(64)}"></figure>`,
      '<p>dòng một<br>dòng hai</p>',
    ]);
    meta(doc).set('language', 'en');
    expect(bodyHtml(doc)).toContain('<figcaption>The meeting in Ha Giang</figcaption>');
  });

  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('readArticle and summarize', () => {
  function filled(): Y.Doc {
    const doc = newArticle();
    setText(headline(doc), 'Cầu treo mới ở xã vùng cao');
    setText(sapo(doc), 'Người dân đã đi qua cây cầu mới.');
    setBodyLines(doc, ['Cây cầu dài 60 mét.', 'Học sinh không còn phải nghỉ học.']);
    meta(doc).set('tags', ['giao thông', 42, 'vùng cao']);
    const photo = new Y.Map<unknown>();
    const captions = new Y.Map<string>();
    captions.set('vi', 'Cây cầu treo mới');
    captions.set('en', 'The new suspension bridge');
    photo.set('id', 'abc123');
    photo.set('captions', captions);
    photo.set('credit', 'Quang Huy');
    photos(doc).push([photo]);
    return doc;
  }

  it('reads every field of the article', () => {
    const v = readArticle(filled());
    expect(v).toMatchObject({
      id: ID,
      language: 'vi',
      status: 'draft',
      headline: 'Cầu treo mới ở xã vùng cao',
      sapo: 'Người dân đã đi qua cây cầu mới.',
      body: 'Cây cầu dài 60 mét.\n\nHọc sinh không còn phải nghỉ học.',
      bodyHtml: '<p>Cây cầu dài 60 mét.</p>\n<p>Học sinh không còn phải nghỉ học.</p>',
      byline: 'Quang Huy',
      section: 'Thời sự',
      tags: ['giao thông', 'vùng cao'],
      createdAt: '2024-03-21T02:40:00.000Z',
      trashedAt: null,
    });
    expect(v.photos).toEqual([{ id: 'abc123', captions: { vi: 'Cây cầu treo mới', en: 'The new suspension bridge' }, credit: 'Quang Huy', creator: '' }]);
  });

  it('takes the status from workflow, and ignores unknown statuses', () => {
    const doc = filled();
    workflow(doc).set('status', 'approved');
    expect(readArticle(doc).status).toBe('approved');
    workflow(doc).set('status', 'deleted-by-someone');
    expect(readArticle(doc).status).toBe('draft');
  });

  it('summarizes with a word count over headline, lead and body', () => {
    const doc = filled();
    const s = summarize(doc, '2024-03-21T03:00:00.000Z');
    // 7 + 8 + 5 + 7
    expect(s).toEqual({
      id: ID,
      headline: 'Cầu treo mới ở xã vùng cao',
      sapo: 'Người dân đã đi qua cây cầu mới.',
      language: 'vi',
      status: 'draft',
      section: 'Thời sự',
      byline: 'Quang Huy',
      createdAt: '2024-03-21T02:40:00.000Z',
      // No story date of its own: dated when it was created.
      storyDate: '2024-03-21T02:40:00.000Z',
      updatedAt: '2024-03-21T03:00:00.000Z',
      trashedAt: null,
      words: 27,
      // For completion of tags on other articles.
      tags: ['giao thông', 'vùng cao'],
    });
  });

  it('cuts a long lead to 280 characters in the summary and reads trashedAt', () => {
    const doc = filled();
    setText(sapo(doc), 'dài '.repeat(200));
    meta(doc).set('trashedAt', '2024-03-22T00:00:00.000Z');
    const s = summarize(doc, 'x');
    expect(s.sapo.length).toBe(280);
    expect(s.trashedAt).toBe('2024-03-22T00:00:00.000Z');
  });

  it('reads an empty document with safe defaults', () => {
    const v = readArticle(new Y.Doc());
    expect(v).toMatchObject({ id: '', language: 'vi', status: 'draft', headline: '', body: '', tags: [], trashedAt: null, photos: [] });
  });

  it('initArticle stores the byline and section as NFC', () => {
    const doc = new Y.Doc();
    initArticle(doc, { id: ID, language: 'en', createdAt: 'x', byline: 'Đình Anh'.normalize('NFD'), section: 'Xã hội'.normalize('NFD') });
    expect(readArticle(doc).byline).toBe('Đình Anh'.normalize('NFC'));
    expect(readArticle(doc).section).toBe('Xã hội'.normalize('NFC'));
    expect(readArticle(doc).language).toBe('en');
  });
});
