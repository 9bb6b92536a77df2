import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pair } from '../../support/replicas';
import {
  addOrganiser,
  addParticipant,
  DEFAULT_TIME_ZONE,
  eventMap,
  glossaryFacts,
  isLocalDateTime,
  parseKeywords,
  readEvent,
  removeOrganiser,
  removeParticipant,
  setEventPlace,
  setEventText,
  setEventTimes,
  setEventType,
  setKeywords,
  setOrganiser,
  setTopic,
  updateParticipant,
} from '../../../src-shared/article-event';
import { MEDIA_TOPICS, topicLabel } from '../../../src-shared/media-topics';
import type { EventPlace } from '../../../src-shared/places';

const place: EventPlace = {
  unit: { level: 'province', code: '08', name: 'Tuyên Quang', provinceCode: '08', provinceName: 'Tuyên Quang' },
  former: { level: 'province', name: 'Tỉnh Hà Giang', district: null, province: null },
};


describe('event metadata', () => {
  it('reads an empty event with the default time zone', () => {
    const e = readEvent(new Y.Doc());
    expect(e).toMatchObject({ title: '', type: null, start: '', end: '', timeZone: DEFAULT_TIME_ZONE, venue: '', place: null, organisers: [], participants: [], topics: [], keywords: [] });
  });

  it('writes every field, NFC at the entrance', () => {
    const doc = new Y.Doc();
    setEventText(doc, 'title', 'Hội nghị xúc tiến đầu tư'.normalize('NFD'));
    setEventText(doc, 'venue', 'Hội trường UBND tỉnh');
    setEventType(doc, 'meeting');
    setEventTimes(doc, { start: '2025-06-20T08:00', end: '2025-06-20T11:30', timeZone: 'Asia/Bangkok' });
    setEventPlace(doc, { ...place, unit: { ...place.unit, name: 'Tuyên Quang'.normalize('NFD') } });
    setTopic(doc, 'medtop:11000000', true);
    setTopic(doc, 'medtop:04000000', true);
    setKeywords(doc, parseKeywords('đầu tư, Hà Giang; ĐẦU TƯ,  ,xúc tiến'.normalize('NFD')));
    const o = addOrganiser(doc, '  UBND tỉnh Tuyên Quang ');
    const p = addParticipant(doc, { person: 'Nguyễn Văn An'.normalize('NFD'), title: 'Chủ tịch', organisation: 'UBND tỉnh' });
    const e = readEvent(doc);
    expect(e.title).toBe('Hội nghị xúc tiến đầu tư');
    expect(e).toMatchObject({ type: 'meeting', start: '2025-06-20T08:00', end: '2025-06-20T11:30', timeZone: 'Asia/Bangkok', venue: 'Hội trường UBND tỉnh' });
    expect(e.place?.unit.name).toBe('Tuyên Quang');
    expect(e.topics).toEqual(['medtop:04000000', 'medtop:11000000']);
    expect(e.keywords).toEqual(['đầu tư', 'Hà Giang', 'xúc tiến']);
    expect(e.organisers).toEqual([{ id: o, name: 'UBND tỉnh Tuyên Quang' }]);
    expect(e.participants).toEqual([{ id: p, person: 'Nguyễn Văn An', title: 'Chủ tịch', organisation: 'UBND tỉnh' }]);
    expect(glossaryFacts(e)).toEqual({ people: [{ name: 'Nguyễn Văn An', title: 'Chủ tịch', organisation: 'UBND tỉnh' }], organisations: ['UBND tỉnh Tuyên Quang'] });
  });

  it('edits and removes list items, keeps their order, clears fields', () => {
    const doc = new Y.Doc();
    const o1 = addOrganiser(doc, 'Sở Y tế');
    const o2 = addOrganiser(doc, 'Sở GD');
    setOrganiser(doc, o2, 'Sở Giáo dục và Đào tạo');
    const p1 = addParticipant(doc, { person: 'A' });
    const p2 = addParticipant(doc, { person: 'B' });
    updateParticipant(doc, p2, { title: 'Giám đốc' });
    removeParticipant(doc, p1);
    removeOrganiser(doc, o1);
    setTopic(doc, 'medtop:11000000', true);
    setTopic(doc, 'medtop:11000000', false);
    setKeywords(doc, ['a', 'b']);
    setKeywords(doc, ['b', 'c']);
    setEventTimes(doc, { start: '2025-06-20', end: '' });
    setEventPlace(doc, place);
    setEventPlace(doc, null);
    const e = readEvent(doc);
    expect(e.organisers.map((o) => o.name)).toEqual(['Sở Giáo dục và Đào tạo']);
    expect(e.participants).toEqual([{ id: p2, person: 'B', title: 'Giám đốc', organisation: '' }]);
    expect(e.topics).toEqual([]);
    expect(e.keywords).toEqual(['b', 'c']);
    expect(e.start).toBe('2025-06-20');
    expect(e.end).toBe('');
    expect(e.place).toBeNull();
  });

  it('refuses malformed dates, unknown zones and topics, so the document never holds them', () => {
    const doc = new Y.Doc();
    expect(() => setEventTimes(doc, { start: '20/06/2025' })).toThrow(RangeError);
    expect(() => setEventTimes(doc, { start: '2025-13-01T08:00' })).toThrow(RangeError);
    expect(() => setEventTimes(doc, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => setTopic(doc, 'medtop:99999999', true)).toThrow(RangeError);
    expect(() => setEventPlace(doc, { unit: { ...place.unit, code: 'x' }, former: null })).toThrow();
    expect(eventMap(doc).size).toBe(0);
    expect(isLocalDateTime('2025-06-30T23:59')).toBe(true);
    expect(isLocalDateTime('2025-06-30T24:00')).toBe(false);
  });

  it('merges two writers who add participants and edit different fields offline', () => {
    const { a, b, sync } = pair();
    const shared = addParticipant(a, { person: 'Trần Thị Bình' });
    sync();
    const fromA = addParticipant(a, { person: 'Lê Văn Cường' });
    const fromB = addParticipant(b, { person: 'Phạm Minh' });
    updateParticipant(a, shared, { title: 'Giám đốc' });
    updateParticipant(b, shared, { organisation: 'Sở Y tế' });
    setKeywords(a, ['y tế']);
    setKeywords(b, ['bệnh viện']);
    setTopic(a, 'medtop:07000000', true);
    setTopic(b, 'medtop:14000000', true);
    addOrganiser(a, 'Bộ Y tế');
    addOrganiser(b, 'UBND tỉnh');
    sync();
    const ea = readEvent(a);
    expect(ea).toEqual(readEvent(b));
    expect(ea.participants.map((p) => p.id).sort()).toEqual([shared, fromA, fromB].sort());
    expect(ea.participants.find((p) => p.id === shared)).toMatchObject({ person: 'Trần Thị Bình', title: 'Giám đốc', organisation: 'Sở Y tế' });
    expect([...ea.keywords].sort()).toEqual(['bệnh viện', 'y tế']);
    expect(ea.topics).toEqual(['medtop:07000000', 'medtop:14000000']);
    expect(ea.organisers.map((o) => o.name).sort()).toEqual(['Bộ Y tế', 'UBND tỉnh']);
  });
});

describe('media topics', () => {
  it('are IPTC codes, unique, each with English and Vietnamese labels and a top-level parent', () => {
    expect(MEDIA_TOPICS.length).toBeGreaterThanOrEqual(30);
    expect(MEDIA_TOPICS.length).toBeLessThanOrEqual(70);
    const codes = MEDIA_TOPICS.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of MEDIA_TOPICS) {
      expect(t.code).toMatch(/^medtop:\d{8}$/);
      expect(t.parent).toMatch(/^medtop:\d{2}000000$/);
      expect(codes).toContain(t.parent);
      expect(t.en).toBeTruthy();
      expect(t.vi.normalize('NFC')).toBe(t.vi);
    }
    expect(MEDIA_TOPICS.filter((t) => t.code === t.parent)).toHaveLength(17);
    expect(topicLabel('medtop:11000000', 'en')).toBe('politics');
    expect(topicLabel('medtop:11000000', 'vi')).toBe('chính trị');
    expect(topicLabel('medtop:20000574', 'en')).toBe('election');
  });
});
