import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initArticle, readArticle, setStoryDate, storyDateOf, summarize } from '../../../src-shared/article-doc';
import type { EventView } from '../../../src-shared/article-event';
import { eventIso, eventWhen } from '../../../src-shared/event-dates';
import { isStoryDate, newsroomIso, StoryDate } from '../../../src-shared/story-date';

function article(): Y.Doc {
  const doc = new Y.Doc();
  initArticle(doc, { id: 'a1', language: 'vi', createdAt: '2026-01-09T09:20:00.000Z' });
  return doc;
}

describe('the story date', () => {
  it('is the creation time until set, then the date set; null gives it back', () => {
    const doc = article();
    expect(storyDateOf(doc)).toBe('2026-01-09T09:20:00.000Z');
    setStoryDate(doc, '2022-01-13T17:53:00+07:00');
    expect(readArticle(doc).storyDate).toBe('2022-01-13T17:53:00+07:00');
    expect(summarize(doc, '2026-01-10T00:00:00.000Z').storyDate).toBe('2022-01-13T17:53:00+07:00');
    setStoryDate(doc, null);
    expect(storyDateOf(doc)).toBe('2026-01-09T09:20:00.000Z');
  });

  it('refuses what is not a date-time with its offset, or a day that does not exist; readers ignore one written anyway', () => {
    const doc = article();
    for (const bad of ['13/01/2022 17:53', '2022-01-13', '2022-01-13T17:53', '2022-02-31T10:00:00+07:00', '2022-13-01T10:00:00Z', '0800-01-13T10:00:00+07:00', '2022-01-13T24:00:00Z']) {
      expect(isStoryDate(bad), bad).toBe(false);
      expect(StoryDate.safeParse(bad).success, bad).toBe(false);
      expect(() => setStoryDate(doc, bad), bad).toThrow(RangeError);
    }
    expect(StoryDate.safeParse('2024-02-29T05:00:00.000Z').success).toBe(true);
    doc.getMap('meta').set('storyDate', '31/02/2022');
    expect(storyDateOf(doc)).toBe('2026-01-09T09:20:00.000Z');
  });

  it("newsroomIso writes an instant as Vietnam's wall-clock time with +07:00", () => {
    expect(newsroomIso('2022-01-13T10:53:00.000Z')).toBe('2022-01-13T17:53:00+07:00');
    expect(newsroomIso('2023-12-31T23:30:00.000Z')).toBe('2024-01-01T06:30:00+07:00');
    expect(newsroomIso('not a date')).toBe('');
  });
});

describe('the event as exports write it', () => {
  const event = (start: string, end: string, timeZone = 'Asia/Ho_Chi_Minh') => ({ start, end, timeZone }) as EventView;

  it('says when the newsroom way: a range on one day, across days, a date alone', () => {
    expect(eventWhen(event('2022-01-13T08:00', '2022-01-13T11:30'))).toBe('08:00–11:30, 13/01/2022');
    expect(eventWhen(event('2022-01-13T08:00', '2022-01-14T17:00'))).toBe('08:00, 13/01/2022 – 17:00, 14/01/2022');
    expect(eventWhen(event('2022-01-13', ''))).toBe('13/01/2022');
    expect(eventWhen(event('2022-01-13', '2022-01-15'))).toBe('13/01/2022 – 15/01/2022');
    expect(eventWhen(event('', ''))).toBe('');
    expect(eventWhen(event('2022-02-31T08:00', ''))).toBe('');
  });

  it("gives machines ISO 8601 with the zone's offset at that time", () => {
    expect(eventIso(event('2022-01-13T08:00', ''), 'start')).toBe('2022-01-13T08:00:00+07:00');
    expect(eventIso(event('2022-07-01T09:30', ''), 'start')).toBe('2022-07-01T09:30:00+07:00');
    expect(eventIso(event('2024-07-01T09:30', '', 'Europe/Paris'), 'start')).toBe('2024-07-01T09:30:00+02:00');
    expect(eventIso(event('2024-01-15T09:30', '', 'Europe/Paris'), 'start')).toBe('2024-01-15T09:30:00+01:00');
    expect(eventIso(event('2022-01-13', ''), 'start')).toBe('2022-01-13');
    expect(eventIso(event('2022-01-13', ''), 'end')).toBe('');
  });
});
