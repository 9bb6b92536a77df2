/**
 * Comments anchored to words: the anchor follows its words through edits before, inside and
 * after them, through deletions and undo, and two replicas that edit and comment apart put
 * every comment on the same words once merged.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, bodyText, headline, sapo, setBodyLines } from '../../../src-shared/article-doc';
import { checklist } from '../../../src-shared/checklist';
import { addComment, anchorAt, listThreads, openCommentCount, reopenComment, reply, resolveComment, type TextField } from '../../../src-shared/comments';
import { exchange, replicaOf } from '../../support/replicas';
import { seededRandom } from '../../support/seeded';

const LEAD = 'Hội nghị trực tuyến kết nối 63 điểm cầu trên cả nước.';
const WORDS = '63 điểm cầu';

function article(): Y.Doc {
  const doc = new Y.Doc();
  sapo(doc).insert(0, LEAD);
  headline(doc).insert(0, 'Thủ tướng chủ trì hội nghị');
  setBodyLines(doc, ['Đoạn một của bài.', 'Đoạn hai nói về 63 điểm cầu và hơn thế.', 'Đoạn ba.']);
  return doc;
}

function comment(doc: Y.Doc, field: TextField, words: string, text = 'Kiểm tra lại số điểm cầu'): string {
  const whole = field === 'body' ? bodyText(doc) : (field === 'headline' ? headline(doc) : sapo(doc)).toString();
  const start = whole.indexOf(words);
  const anchor = anchorAt(doc, field, start, start + words.length);
  if (!anchor) throw new Error(`no anchor on ${words}`);
  return addComment(doc, anchor, { author: 'bientap', text, at: '2022-01-13T10:53:00.000Z' });
}

const only = (doc: Y.Doc) => {
  const threads = listThreads(doc);
  expect(threads).toHaveLength(1);
  return threads[0]!;
};

describe('comment anchors in a plain field', () => {
  it('covers the words commented, with the quote, author and NFC text', () => {
    const doc = article();
    comment(doc, 'sapo', WORDS, 'Kie\u0302̉m tra lại');
    const t = only(doc);
    expect(t).toMatchObject({ field: 'sapo', quote: WORDS, current: WORDS, detached: false, author: 'bientap', text: 'Kiểm tra lại'.normalize('NFC'), resolved: null });
    expect(t.range).toEqual({ start: LEAD.indexOf(WORDS), end: LEAD.indexOf(WORDS) + WORDS.length });
  });

  it('follows its words through inserts before, inside and after, and leaves out words typed at its edges', () => {
    const doc = article();
    comment(doc, 'sapo', WORDS);
    const lead = sapo(doc);
    lead.insert(0, 'Sáng nay, ');
    expect(only(doc).current).toBe(WORDS);
    const at = lead.toString().indexOf(WORDS);
    lead.insert(at + 2, ' nghìn');
    expect(only(doc).current).toBe('63 nghìn điểm cầu');
    lead.insert(lead.toString().indexOf('cầu') + 3, ' truyền hình');
    lead.insert(lead.toString().indexOf('63'), 'gần ');
    expect(only(doc).current).toBe('63 nghìn điểm cầu');
    lead.insert(lead.length, ' Thêm câu.');
    expect(only(doc).current).toBe('63 nghìn điểm cầu');
  });

  it('shrinks with a deletion of part of its words and is detached, with its quote, when all are deleted', () => {
    const doc = article();
    comment(doc, 'sapo', WORDS);
    const lead = sapo(doc);
    const at = lead.toString().indexOf(WORDS);
    lead.delete(at, 3); // "63 "
    expect(only(doc)).toMatchObject({ current: 'điểm cầu', detached: false });
    lead.delete(at - 5, 20);
    expect(only(doc)).toMatchObject({ current: '', detached: true, range: null, quote: WORDS });
  });

  it('comes back with its words when their deletion is undone', () => {
    const doc = article();
    comment(doc, 'sapo', WORDS);
    const lead = sapo(doc);
    const undo = new Y.UndoManager(lead);
    const at = lead.toString().indexOf(WORDS);
    lead.delete(at - 4, WORDS.length + 10);
    expect(only(doc).detached).toBe(true);
    undo.undo();
    expect(lead.toString()).toBe(LEAD);
    expect(only(doc)).toMatchObject({ current: WORDS, detached: false });
  });

  it('anchors in the headline too', () => {
    const doc = article();
    comment(doc, 'headline', 'chủ trì');
    headline(doc).insert(0, 'Hôm nay ');
    expect(only(doc)).toMatchObject({ field: 'headline', current: 'chủ trì' });
  });
});

describe('comment anchors in the body', () => {
  it('follows its words when a paragraph is inserted above and another is edited', () => {
    const doc = article();
    comment(doc, 'body', WORDS);
    const frag = body(doc);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Đoạn mới ở trên.')]);
    frag.insert(0, [p]);
    const third = (frag.get(3) as Y.XmlElement).get(0) as Y.XmlText;
    third.insert(0, 'Sửa: ');
    const t = only(doc);
    expect(t.current).toBe(WORDS);
    expect(bodyText(doc).slice(t.range!.start, t.range!.end)).toBe(WORDS);
  });

  it('spans paragraphs and is detached when its paragraph is deleted, back with undo', () => {
    const doc = article();
    const id = comment(doc, 'body', 'của bài.\n\nĐoạn hai');
    expect(only(doc).current).toBe('của bài.\n\nĐoạn hai');
    const frag = body(doc);
    const undo = new Y.UndoManager(frag);
    frag.delete(0, 2);
    expect(only(doc)).toMatchObject({ id, detached: true, quote: 'của bài.\n\nĐoạn hai' });
    undo.undo();
    expect(only(doc)).toMatchObject({ detached: false, current: 'của bài.\n\nĐoạn hai' });
  });

  it('keeps inline formatting out of the way of its offsets', () => {
    const doc = article();
    const second = (body(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    second.format(0, 4, { bold: {} });
    comment(doc, 'body', WORDS);
    second.format(5, 10, { italic: {} });
    expect(only(doc).current).toBe(WORDS);
  });
});

describe('threads', () => {
  it('are answered, resolved and reopened; open ones are counted', () => {
    const doc = article();
    const id = comment(doc, 'sapo', WORDS);
    comment(doc, 'body', 'Đoạn ba');
    expect(openCommentCount(doc)).toBe(2);
    reply(doc, id, { author: 'phongvien', text: 'Đã sửa', at: '2022-01-13T11:00:00.000Z' });
    resolveComment(doc, id, 'phongvien', '2022-01-13T11:01:00.000Z');
    const t = listThreads(doc).find((x) => x.id === id)!;
    expect(t.replies).toEqual([{ id: expect.any(String), author: 'phongvien', at: '2022-01-13T11:00:00.000Z', text: 'Đã sửa' }]);
    expect(t.resolved).toEqual({ by: 'phongvien', at: '2022-01-13T11:01:00.000Z' });
    expect(openCommentCount(doc)).toBe(1);
    reopenComment(doc, id);
    expect(openCommentCount(doc)).toBe(2);
    expect(() => reply(doc, id, { author: 'x', text: '  ' })).toThrow(RangeError);
  });

  it('are listed by the checklist while open, without holding the article back', () => {
    const doc = article();
    const before = checklist(doc);
    expect(before.openComments).toBe(0);
    const id = comment(doc, 'sapo', WORDS);
    expect(checklist(doc)).toMatchObject({ openComments: 1, ready: before.ready, items: before.items });
    resolveComment(doc, id, 'phongvien');
    expect(checklist(doc).openComments).toBe(0);
  });

  it('keep both answers written apart on two replicas', () => {
    const a = article();
    const id = comment(a, 'sapo', WORDS);
    const b = replicaOf(a);
    reply(a, id, { author: 'bientap', text: 'Một' });
    reply(b, id, { author: 'phongvien', text: 'Hai' });
    exchange(a, b);
    expect(listThreads(a)[0]!.replies.map((r) => r.text).sort()).toEqual(['Hai', 'Một']);
    expect(listThreads(b)).toEqual(listThreads(a));
  });
});

describe('two replicas with random concurrent edits and comments', () => {
  const FIELDS: TextField[] = ['headline', 'sapo', 'body'];
  const SYLLABLES = ['điểm', 'cầu', 'Hà Nội', 'tỉnh', ' ', '. ', 'năm', '63', 'Việt'];

  function randomEdit(doc: Y.Doc, rnd: () => number): void {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const field = pick(FIELDS);
    if (field !== 'body') {
      const t = field === 'headline' ? headline(doc) : sapo(doc);
      if (rnd() < 0.6 || t.length < 4) t.insert(Math.floor(rnd() * (t.length + 1)), pick(SYLLABLES));
      else {
        const at = Math.floor(rnd() * (t.length - 1));
        t.delete(at, Math.min(t.length - at, 1 + Math.floor(rnd() * 6)));
      }
      return;
    }
    const frag = body(doc);
    const r = rnd();
    if (r < 0.15) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(pick(SYLLABLES) + ' mới')]);
      frag.insert(Math.floor(rnd() * (frag.length + 1)), [p]);
    } else if (r < 0.22 && frag.length > 1) {
      frag.delete(Math.floor(rnd() * frag.length), 1);
    } else if (frag.length > 0) {
      const block = frag.get(Math.floor(rnd() * frag.length)) as Y.XmlElement;
      const text = block.get(0);
      if (!(text instanceof Y.XmlText)) return;
      if (rnd() < 0.6 || text.length < 4) text.insert(Math.floor(rnd() * (text.length + 1)), pick(SYLLABLES));
      else {
        const at = Math.floor(rnd() * (text.length - 1));
        text.delete(at, Math.min(text.length - at, 1 + Math.floor(rnd() * 5)));
      }
    }
  }

  function randomComment(doc: Y.Doc, rnd: () => number, author: string): void {
    const field = FIELDS[Math.floor(rnd() * FIELDS.length)]!;
    const whole = field === 'body' ? bodyText(doc) : (field === 'headline' ? headline(doc) : sapo(doc)).toString();
    if (whole.length < 2) return;
    const start = Math.floor(rnd() * (whole.length - 1));
    const end = Math.min(whole.length, start + 1 + Math.floor(rnd() * 12));
    const anchor = anchorAt(doc, field, start, end);
    if (anchor) addComment(doc, anchor, { author, text: 'Xem lại' });
  }

  it('show every comment on the same words on both, after each round of sync', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rnd = seededRandom(seed);
      const a = article();
      const b = replicaOf(a);
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 12; i++) {
          const doc = rnd() < 0.5 ? a : b;
          if (rnd() < 0.25) randomComment(doc, rnd, doc === a ? 'bientap' : 'phongvien');
          else randomEdit(doc, rnd);
        }
        exchange(a, b);
        const ta = listThreads(a);
        const tb = listThreads(b);
        expect(tb, `seed ${seed} round ${round}`).toEqual(ta);
        for (const t of ta) {
          if (t.detached) continue;
          const whole = t.field === 'body' ? bodyText(a) : (t.field === 'headline' ? headline(a) : sapo(a)).toString();
          expect(whole.slice(t.range!.start, t.range!.end)).toBe(t.current);
        }
      }
    }
  });
});
