/**
 * The article's typed fields as registers, on two real Y.Docs exchanging updates as two desks
 * do: the event's participants, photo captions, the slug that follows the merged headline, and
 * what the checklist and the readers of the article make of a conflict.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pair } from '../../support/replicas';
import { articleConflicts } from '../../../src-shared/article-conflicts';
import { headline, initArticle, meta, metaRegister, photos, readArticle, setText, slugOf, summarize, writeMeta } from '../../../src-shared/article-doc';
import { addOrganiser, addParticipant, participantMap, readEvent, setEventText, setOrganiser, updateParticipant } from '../../../src-shared/article-event';
import { captionsOf, entryAt, readPhotos, setCaption, setPhotoText } from '../../../src-shared/article-photos';
import { checklist } from '../../../src-shared/checklist';
import { newSession, readRegister } from '../../../src-shared/register';
import { restoreInto } from '../../../src-shared/article-restore';
import { noteEdit } from '../../../src-shared/rewrites';


/** A planned photo entry as the sample makes it: plain captions, credit and creator. */
function plannedPhoto(): Y.Map<unknown> {
  const p = new Y.Map<unknown>();
  const caps = new Y.Map<unknown>();
  caps.set('vi', 'Toàn cảnh hội nghị');
  caps.set('en', 'The conference');
  p.set('id', null);
  p.set('captions', caps);
  p.set('credit', 'TTXVN');
  p.set('creator', 'TTXVN');
  return p;
}

describe('the article’s typed fields as registers', () => {
  it('concurrent bylines: readers and the summary use the base; the checklist lists the conflict', () => {
    const { a, b, sync } = pair();
    initArticle(a, { id: 'a1', language: 'vi', createdAt: '2025-06-01T00:00:00.000Z', byline: 'Ban Thời sự' });
    sync();
    writeMeta(a, 'byline', 'Lan Anh', newSession('lan'));
    writeMeta(b, 'byline', 'Minh Đức', newSession('minh'));
    sync();
    for (const doc of [a, b]) {
      expect(metaRegister(doc, 'byline')).toMatchObject({ value: 'Ban Thời sự', conflict: true });
      expect(readArticle(doc).byline).toBe('Ban Thời sự');
      expect(summarize(doc, '2025-06-01T00:00:00.000Z')).toMatchObject({ byline: 'Ban Thời sự', conflicts: 1 });
      expect(articleConflicts(doc)).toEqual([{ kind: 'meta', field: 'byline' }]);
      expect(checklist(doc).items.find((i) => i.id === 'conflicts')).toEqual({ id: 'conflicts', ok: false, conflicts: [{ kind: 'meta', field: 'byline' }] });
    }
  });

  it('event: concurrent participant names, titles and organiser names conflict per field; other fields merge', () => {
    const { a, b, sync } = pair();
    const p = addParticipant(a, { person: 'Nguyễn Văn An', title: 'Phó Chủ tịch' });
    const o = addOrganiser(a, 'UBND tỉnh');
    setEventText(a, 'title', 'Hội nghị');
    sync();
    updateParticipant(a, p, { person: 'Nguyễn Văn Ân' }, newSession('lan'));
    updateParticipant(b, p, { person: 'Nguyễn Văn An (Hà Giang)' }, newSession('minh'));
    updateParticipant(a, p, { organisation: 'UBND tỉnh Tuyên Quang' }, newSession('lan'));
    updateParticipant(b, p, { title: 'Chủ tịch' }, newSession('minh'));
    setOrganiser(a, o, 'UBND tỉnh Hà Giang', newSession('lan'));
    setOrganiser(b, o, 'UBND tỉnh Tuyên Quang', newSession('minh'));
    setEventText(b, 'title', 'Hội nghị xúc tiến đầu tư', newSession('minh'));
    sync();
    for (const doc of [a, b]) {
      const ev = readEvent(doc);
      expect(ev.participants[0]).toEqual({ id: p, person: 'Nguyễn Văn An', title: 'Chủ tịch', organisation: 'UBND tỉnh Tuyên Quang' });
      expect(ev.organisers[0]).toEqual({ id: o, name: 'UBND tỉnh' });
      expect(ev.title).toBe('Hội nghị xúc tiến đầu tư');
      const person = readRegister(participantMap(doc, p)!, 'person');
      expect(person.conflict).toBe(true);
      expect(person.candidates.map((c) => [c.value, c.by]).sort()).toEqual([
        ['Nguyễn Văn An (Hà Giang)', 'minh'],
        ['Nguyễn Văn Ân', 'lan'],
      ]);
      expect(articleConflicts(doc)).toEqual([
        { kind: 'organiser', n: 1 },
        { kind: 'participant', n: 1, field: 'person' },
      ]);
      expect(summarize(doc, '').conflicts).toBe(2);
    }
  });

  it('photos: concurrent captions and credits conflict; a legacy caption is the base; the body’s figure uses it', () => {
    const { a, b, sync } = pair();
    photos(a).push([plannedPhoto()]);
    sync();
    setCaption(a, 0, 'vi', 'Đại biểu dự hội nghị', newSession('lan'));
    setCaption(b, 0, 'vi', 'Toàn cảnh hội nghị tại Hà Giang', newSession('minh'));
    setCaption(b, 0, 'en', 'The conference in Ha Giang', newSession('minh'));
    setPhotoText(a, 0, 'credit', 'Lan Anh/TTXVN', newSession('lan'));
    setPhotoText(b, 0, 'credit', 'Minh Đức/TTXVN', newSession('minh'));
    sync();
    for (const doc of [a, b]) {
      const entry = readPhotos(doc)[0]!;
      expect(entry.captions).toEqual({ vi: 'Toàn cảnh hội nghị', en: 'The conference in Ha Giang' });
      expect(entry.credit).toBe('TTXVN');
      expect(readArticle(doc).photos[0]).toMatchObject({ captions: { vi: 'Toàn cảnh hội nghị', en: 'The conference in Ha Giang' }, credit: 'TTXVN' });
      const vi = readRegister(captionsOf(entryAt(doc, 0))!, 'vi');
      expect(vi.candidates.map((c) => c.value).sort()).toEqual(['Toàn cảnh hội nghị tại Hà Giang', 'Đại biểu dự hội nghị']);
      expect(articleConflicts(doc)).toEqual([
        { kind: 'caption', n: 1, language: 'vi' },
        { kind: 'photo', n: 1, field: 'credit' },
      ]);
      expect(summarize(doc, '').conflicts).toBe(2);
    }
  });

  it('the slug follows the merged headline until a person edits it; an edited slug is a register', () => {
    const { a, b, sync } = pair();
    initArticle(a, { id: 'a1', language: 'vi', createdAt: '2025-06-01T00:00:00.000Z' });
    setText(headline(a), 'Lũ quét ở Hà Giang');
    sync();
    // Two desks change the headline offline: the slug is the merged headline's.
    headline(a).insert(headline(a).length, ' (cập nhật)');
    headline(b).insert(0, 'Khẩn: ');
    sync();
    expect(headline(a).toString()).toBe('Khẩn: Lũ quét ở Hà Giang (cập nhật)');
    for (const doc of [a, b]) expect(slugOf(doc)).toEqual({ slug: 'khan-lu-quet-o-ha-giang-cap-nhat', edited: false });
    // No conflict: the library row says nothing of one.
    expect('conflicts' in summarize(a, '')).toBe(false);
    expect(readArticle(a).slug).toBe('khan-lu-quet-o-ha-giang-cap-nhat');

    // A person edits it: it stays when the headline changes; emptied, it follows the headline again.
    const s = newSession('lan');
    writeMeta(a, 'slug', 'lu-quet-ha-giang', s);
    sync();
    setText(headline(b), 'Lũ quét');
    sync();
    expect(slugOf(b)).toEqual({ slug: 'lu-quet-ha-giang', edited: true });
    writeMeta(a, 'slug', '', s);
    sync();
    expect(slugOf(b)).toEqual({ slug: 'lu-quet', edited: false });
  });

  it('the library’s count of fields in conflict is the checklist’s list: a headline rewrite, the byline, the venue, a photo’s place', () => {
    const { a, b, sync } = pair();
    initArticle(a, { id: 'a1', language: 'vi', createdAt: '2025-06-01T00:00:00.000Z' });
    setText(headline(a), 'Hà Giang triển khai nhiệm vụ năm 2022');
    photos(a).push([plannedPhoto()]);
    sync();
    const rewrite = (doc: Y.Doc, next: string, by: string) =>
      doc.transact(() => {
        const prev = headline(doc).toString();
        const range = setText(headline(doc), next, { before: prev, selStart: 0, selEnd: prev.length, caretAfter: next.length });
        noteEdit(doc, 'headline', prev, next, range, newSession(by));
      });
    rewrite(a, 'Dân vận khéo: nhiều xã làm đường', 'lan');
    rewrite(b, 'Hội nghị trực tuyến 63 điểm cầu', 'minh');
    for (const [doc, by] of [[a, 'lan'], [b, 'minh']] as const) {
      writeMeta(doc, 'byline', by, newSession(by));
      setEventText(doc, 'venue', `Hội trường ${by}`, newSession(by));
      setPhotoText(doc, 0, 'place', `Nơi chụp ${by}`, newSession(by));
    }
    sync();
    const places = articleConflicts(a);
    expect(places.map((p) => p.kind)).toEqual(['text', 'meta', 'event', 'photo']);
    expect(summarize(a, '').conflicts).toBe(places.length);
    expect(summarize(b, '').conflicts).toBe(places.length);
  });

  it('a restored version’s headline gives its slug; a legacy slug counts only when it was edited', () => {
    const doc = new Y.Doc();
    setText(headline(doc), 'Tít mới');
    meta(doc).set('slug', 'tit-cu');
    expect(slugOf(doc)).toEqual({ slug: 'tit-moi', edited: false });
    const old = new Y.Doc();
    setText(headline(old), 'Tít của bản cũ');
    restoreInto(doc, old, 'local');
    expect(slugOf(doc).slug).toBe('tit-cua-ban-cu');
    meta(doc).set('slugEdited', true);
    expect(slugOf(doc)).toEqual({ slug: 'tit-cu', edited: true });
    // The first edit replaces the legacy slug and its flag.
    writeMeta(doc, 'slug', 'tit-sua', newSession());
    expect(meta(doc).has('slug')).toBe(false);
    expect(meta(doc).has('slugEdited')).toBe(false);
    expect(slugOf(doc)).toEqual({ slug: 'tit-sua', edited: true });
  });
});
