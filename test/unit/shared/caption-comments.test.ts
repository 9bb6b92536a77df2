// Comments on photo captions: a text-quote anchor found again in the caption register's
// effective value — through edits before, inside and after the words, undo, offline merges and
// conflicts; detached (never dropped) when the words or the photo are gone.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { photos } from '../../../src-shared/article-doc';
import { addPhoto, movePhoto, removePhoto, readPhotos, setCaption } from '../../../src-shared/article-photos';
import { findQuote, quoteAt } from '../../../src-shared/caption-comments';
import { addComment, captionAnchorAt, listThreads, openCommentCount, type CommentThread } from '../../../src-shared/comments';
import type { PhotoFacts } from '../../../src-shared/photos';
import { newSession } from '../../../src-shared/register';
import { DEFAULT_READING_RATES } from '../../../src-shared/models';
import { readSource } from '../../../src-main/services/export/source';
import { commentRefusal, touchesComments } from '../../../src-server/comment-guard';
import { exchange, replicaOf } from '../../support/replicas';

const CAPTION = 'Đại biểu dự hội nghị tại điểm cầu Hà Giang sáng 13/1.';
const PHOTO = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

function facts(id: string): PhotoFacts {
  return { id, kind: 'jpeg', width: 1200, height: 800, size: 1000, name: `${id.slice(0, 4)}.jpg`, takenAt: null, camera: null, gps: null, embeddedCaption: null, embeddedCreator: null } as PhotoFacts;
}

function article(): Y.Doc {
  const doc = new Y.Doc();
  addPhoto(doc, facts(OTHER), { captions: { vi: 'Toàn cảnh hội nghị', en: '' } }, 'vi');
  addPhoto(doc, facts(PHOTO), { captions: { vi: CAPTION, en: 'Delegates at the Hà Giang connection point' } }, 'vi');
  return doc;
}

function commentOn(doc: Y.Doc, words: string, language: 'vi' | 'en' = 'vi', at = 0): string {
  const text = readPhotos(doc)[1]!.captions[language];
  const start = text.indexOf(words, at);
  const anchor = captionAnchorAt(doc, PHOTO, language, start, start + words.length);
  if (!anchor) throw new Error(`no anchor on ${words}`);
  return addComment(doc, anchor, { author: 'bientap', text: 'Ghi rõ tên xã', at: '2022-01-13T10:53:00.000Z' });
}

const caption = (doc: Y.Doc, text: string, language: 'vi' | 'en' = 'vi') => setCaption(doc, 1, language, text, newSession('phongvien'));
const thread = (doc: Y.Doc, id: string): CommentThread => listThreads(doc).find((t) => t.id === id)!;
const words = (doc: Y.Doc, id: string) => {
  const t = thread(doc, id);
  return t.detached ? null : t.current;
};

describe('comments on a caption', () => {
  it('keep to their words through edits before, after and inside them', () => {
    const doc = article();
    const id = commentOn(doc, 'điểm cầu Hà Giang');
    expect(thread(doc, id)).toMatchObject({ field: 'caption', quote: 'điểm cầu Hà Giang', current: 'điểm cầu Hà Giang', caption: { photo: PHOTO, index: 1, language: 'vi' } });
    expect(thread(doc, id).range).toEqual({ start: CAPTION.indexOf('điểm cầu'), end: CAPTION.indexOf(' sáng') });

    caption(doc, 'Ảnh: ' + CAPTION); // before
    expect(thread(doc, id).range!.start).toBe('Ảnh: '.length + CAPTION.indexOf('điểm cầu'));
    caption(doc, 'Ảnh: ' + CAPTION.replace('sáng 13/1.', 'sáng 13/1/2022.')); // after
    expect(words(doc, id)).toBe('điểm cầu Hà Giang');
    caption(doc, 'Ảnh: ' + CAPTION.replace('sáng 13/1.', 'sáng 13/1/2022.').replace('điểm cầu Hà Giang', 'điểm cầu xã Minh Tân, Hà Giang')); // inside
    expect(words(doc, id)).toBe('điểm cầu xã Minh Tân, Hà Giang');
    expect(thread(doc, id).quote).toBe('điểm cầu Hà Giang');
  });

  it('tell repeated words apart by the text around them', () => {
    const doc = article();
    caption(doc, 'Hà Giang: đại biểu tại điểm cầu Hà Giang.');
    const id = commentOn(doc, 'Hà Giang', 'vi', 5);
    expect(thread(doc, id).range!.start).toBe('Hà Giang: đại biểu tại điểm cầu '.length);
    caption(doc, 'Tỉnh Hà Giang: các đại biểu tại điểm cầu Hà Giang.');
    expect(thread(doc, id).range!.start).toBe('Tỉnh Hà Giang: các đại biểu tại điểm cầu '.length);
  });

  it('are detached, not lost, when their words or their photo are gone; the photo moved keeps them', () => {
    const doc = article();
    const id = commentOn(doc, 'Hà Giang');
    caption(doc, CAPTION.replace(' Hà Giang', ''));
    expect(thread(doc, id)).toMatchObject({ detached: true, range: null, current: '', quote: 'Hà Giang', text: 'Ghi rõ tên xã' });
    expect(openCommentCount(doc)).toBe(1);
    caption(doc, CAPTION); // words back, as they were: found again
    expect(words(doc, id)).toBe('Hà Giang');

    const whole = commentOn(doc, CAPTION);
    caption(doc, CAPTION.replace('sáng', 'chiều'));
    expect(words(doc, whole)).toBe(CAPTION.replace('sáng', 'chiều'));
    caption(doc, '');
    expect(thread(doc, whole).detached).toBe(true);

    caption(doc, CAPTION);
    movePhoto(doc, 1, 0);
    expect(thread(doc, id)).toMatchObject({ current: 'Hà Giang', caption: { index: 0 } });
    removePhoto(doc, 0);
    expect(thread(doc, id)).toMatchObject({ detached: true, quote: 'Hà Giang', caption: { photo: PHOTO, index: null } });
  });

  it('come back with their words on undo', () => {
    const doc = article();
    const undo = new Y.UndoManager(photos(doc), { trackedOrigins: new Set(['user']), captureTimeout: 0 });
    const id = commentOn(doc, 'Hà Giang');
    doc.transact(() => caption(doc, CAPTION.replace('Hà Giang ', '')), 'user');
    expect(thread(doc, id).detached).toBe(true);
    undo.undo();
    expect(words(doc, id)).toBe('Hà Giang');
    expect(thread(doc, id).range!.start).toBe(CAPTION.indexOf('Hà Giang'));
  });

  it('in English too, and apart from the Vietnamese caption', () => {
    const doc = article();
    const en = commentOn(doc, 'connection point', 'en');
    caption(doc, 'Delegates at the Minh Tân connection point, Hà Giang', 'en');
    expect(thread(doc, en)).toMatchObject({ current: 'connection point', caption: { language: 'en' } });
    caption(doc, 'nothing of it'); // the Vietnamese caption changing does not move it
    expect(words(doc, en)).toBe('connection point');
  });

  it('sit on the same words on two desks that commented and edited the caption offline', () => {
    const a = article();
    const b = replicaOf(a);
    const id = commentOn(a, 'điểm cầu Hà Giang'); // the editor comments…
    caption(b, 'Ảnh: ' + CAPTION.replace('Hà Giang', 'tỉnh Hà Giang')); // …while the reporter edits before and inside
    exchange(a, b);
    expect(words(a, id)).toBe('điểm cầu tỉnh Hà Giang');
    expect(listThreads(b)).toEqual(listThreads(a));

    // Both desks write the caption at once: a conflict, whose agreed value holds the words on both.
    caption(a, 'Đại biểu tại điểm cầu Hà Giang.');
    caption(b, 'Ảnh: đại biểu ở điểm cầu tỉnh Hà Giang, sáng nay.');
    exchange(a, b);
    expect(readPhotos(a)[1]!.captions.vi).toBe('Ảnh: ' + CAPTION.replace('Hà Giang', 'tỉnh Hà Giang'));
    expect(words(a, id)).toBe('điểm cầu tỉnh Hà Giang');
    expect(listThreads(b)).toEqual(listThreads(a));
  });

  it('agree on two replicas after random concurrent caption edits', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 12; round++) {
      const a = article();
      const b = replicaOf(a);
      commentOn(a, 'Hà Giang');
      commentOn(b, 'điểm cầu');
      for (const doc of [a, b]) {
        const text = readPhotos(doc)[1]!.captions.vi;
        const at = Math.floor(rnd() * text.length);
        const cut = Math.floor(rnd() * 6);
        caption(doc, text.slice(0, at) + ['', 'x ', 'mới '][Math.floor(rnd() * 3)] + text.slice(at + cut));
      }
      exchange(a, b);
      expect(listThreads(b)).toEqual(listThreads(a));
    }
  });

  it('never reach an export', () => {
    const doc = article();
    commentOn(doc, 'Hà Giang');
    const source = readSource(doc, { deskVersion: '1', exportedAt: '2022-01-13T11:00:00.000Z', readingRates: DEFAULT_READING_RATES, stripGps: true, sizes: new Map() });
    const json = JSON.stringify(source);
    expect(json).toContain(CAPTION);
    expect(json).not.toContain('Ghi rõ tên xã');
    expect(json).not.toContain('bientap');
  });
});

describe("the server's comment guard", () => {
  it('takes a caption comment in the sender\'s name, and a reporter\'s caption edit under an editor\'s comment touches no comment', () => {
    const server = article();
    const desk = replicaOf(server);
    const before = Y.encodeStateVector(desk);
    commentOn(desk, 'Hà Giang'); // written by 'bientap'
    const update = Y.encodeStateAsUpdate(desk, before);
    expect(touchesComments(server, update)).toBe(true);
    expect(commentRefusal(server, update, { name: 'bientap', role: 'reporter' })).toBeNull();
    expect(commentRefusal(server, update, { name: 'phongvien', role: 'reporter' })).toMatch(/another's name/);
    Y.applyUpdate(server, update);

    const reporter = replicaOf(server);
    const seen = Y.encodeStateVector(reporter);
    caption(reporter, CAPTION.replace('Hà Giang', 'tỉnh Hà Giang'));
    const edit = Y.encodeStateAsUpdate(reporter, seen);
    expect(touchesComments(server, edit)).toBe(false);
  });
});

describe('findQuote', () => {
  it('finds words edited inside between what is left of their context, and nothing when they are gone', () => {
    const text = 'Một hai ba bốn năm';
    const q = quoteAt(text, 4, 10)!; // "hai ba"
    expect(q).toEqual({ exact: 'hai ba', prefix: 'Một ', suffix: ' bốn năm' });
    expect(findQuote('Một hai và ba bốn năm', q)).toEqual({ start: 4, end: 13 });
    expect(findQuote('Một bốn năm', q)).toBeNull();
    expect(findQuote('Khác hẳn', q)).toBeNull();
    expect(findQuote('hai ba', { exact: 'hai ba', prefix: '', suffix: '' })).toEqual({ start: 0, end: 6 });
  });
});
