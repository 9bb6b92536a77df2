/**
 * `ninjs/<lang>.json`: IPTC ninjs 3.1 (https://iptc.org/std/ninjs/), one object per language,
 * each naming the other as its translation (an association with rel "translation").
 *
 * The article's own language carries the text: headline, lead (headline role "subheadline"),
 * body as HTML with its counts, byline, dates (`firstCreated` when the desk made the article,
 * `contentCreated` the story's own date), the event's place as `located` and `places`,
 * Media Topics and keywords as subjects, the event, and the photos as associations with their
 * caption, credit and creator. When the article is in a translation pair (src-shared/translation)
 * the other language's object carries the other article's text (its own URI, the two linked
 * as translations); otherwise it carries what exists in that language — photo captions, topic
 * labels, the event — and says in `edNote` where the text is. ninjs 3.1's events carry a name and identifiers only: the
 * event's date has no place in them (the HTML, text and NewsML-G2 carry it).
 */
import type { TFunction } from 'i18next';
import { topicLabel } from '../../../src-shared/media-topics';
import type { Language } from '../../../src-shared/models';
import { datelineName, shortName } from '../../../src-shared/places';
import { isStoryDate } from '../../../src-shared/story-date';
import { countWords } from '../../../src-shared/text/vietnamese';
import { articleUri, photoUri, type ExportSource } from './source';
import { pubStatusOf } from './pub-status';

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

type Json = Record<string, unknown>;

const nonEmpty = <T>(list: readonly T[]): T[] | undefined => (list.length ? [...list] : undefined);
/** Drops undefined fields and empty strings (ninjs has no nulls). */
function clean(obj: Json): Json {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== ''));
}

export const mediaTopicUri = (code: string) => `http://cv.iptc.org/newscodes/mediatopic/${code.replace(/^medtop:/, '')}`;

/** "YYYY" of an ISO date, for the copyright line; the export's year when the date says nothing. */
export function yearOf(iso: string | null | undefined, fallback: string): string {
  const m = /^(\d{4})/.exec(iso ?? '');
  return m ? m[1]! : fallback.slice(0, 4);
}

export function ninjsObject(src: ExportSource, lang: Language, t: TFunction): Json {
  const own = lang === src.language;
  const { view, event } = src;
  const placeName = event.place ? datelineName(event.place, event.start) : '';
  const photos = src.photos.map((p, i) =>
    clean({
      name: `photo-${i + 1}`,
      rel: p.entry.featured ? 'featuredimage' : 'photo',
      uri: photoUri(p.entry.id),
      type: 'picture',
      language: lang,
      descriptions: p.entry.captions[lang] ? [{ role: 'caption', value: p.entry.captions[lang] }] : undefined,
      by: p.entry.creator,
      copyrightHolder: p.entry.credit,
      copyrightNotice: p.entry.credit ? t('export:copyright', { lng: lang, year: yearOf(p.entry.takenAt ?? view.createdAt, src.exportedAt), holder: p.entry.credit }) : undefined,
      people: nonEmpty(p.entry.persons.map((name) => ({ name, rel: 'personShown' }))),
      located: p.entry.place,
      renditions: [clean({ name: 'original', title: p.entry.file, contentType: p.mime, width: p.width || undefined, height: p.height || undefined })],
    }),
  );
  // With a translation pair the other language's object is the other article's, with its text.
  const pair = !own && src.pair ? src.pair : null;
  const otherUri = src.pair ? articleUri(src.pair.view.id, src.other) : articleUri(view.id, src.other);
  const translation = { name: `translation-${src.other === lang ? src.language : src.other}`, rel: 'translation', uri: own ? otherUri : articleUri(view.id, src.language), type: 'text', language: own ? src.other : src.language };
  const subjects = [
    ...event.topics.map((code) => ({ name: topicLabel(code, lang), rel: 'about', uri: mediaTopicUri(code), literal: code })),
    ...event.keywords.map((k) => ({ name: k, rel: 'keyword', literal: k })),
  ];
  const places = event.place
    ? [
        clean({ name: event.place.unit.name, rel: 'located', literal: `gso:${event.place.unit.code}` }),
        ...(event.place.unit.level === 'commune' ? [{ name: event.place.unit.provinceName, rel: 'province', literal: `gso:${event.place.unit.provinceCode}` }] : []),
        ...(event.place.former ? [{ name: event.place.former.name, rel: 'formerUnit' }] : []),
      ]
    : [];
  const people = [
    ...(view.byline ? [{ name: view.byline, rel: 'author' }] : []),
    ...event.participants.filter((p) => p.person).map((p) => clean({ name: p.person, rel: 'participant', literal: [p.title, p.organisation].filter(Boolean).join(', ') })),
  ];
  const text = own
    ? {
        headlines: [{ role: 'main', value: view.headline }, ...(view.sapo ? [{ role: 'subheadline', value: view.sapo }] : [])],
        bodies: [{ role: 'main', contentType: 'text/html', value: src.bodyHtml, charCount: [...src.bodyLines.join('')].length, wordCount: countWords(src.bodyLines.join('\n')) }],
        by: view.byline,
        slugline: view.slug || undefined,
      }
    : pair
      ? {
          headlines: [{ role: 'main', value: pair.view.headline }, ...(pair.view.sapo ? [{ role: 'subheadline', value: pair.view.sapo }] : [])],
          bodies: [{ role: 'main', contentType: 'text/html', value: pair.bodyHtml, charCount: [...pair.bodyLines.join('')].length, wordCount: countWords(pair.bodyLines.join('\n')) }],
          by: pair.view.byline,
          slugline: pair.view.slug || undefined,
        }
      : { title: view.headline, edNote: t('export:noTranslation', { lng: lang, uri: articleUri(view.id, src.language) }) };
  return clean({
    uri: own ? articleUri(view.id, lang) : otherUri,
    type: 'text',
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA_URI },
    language: lang,
    // firstCreated is when this object's first version was made (the article on this desk);
    // contentCreated when its content was (the story's own date, from its date line).
    firstCreated: isoInstant(view.createdAt),
    contentCreated: storyInstant(view.storyDate),
    versionCreated: src.exportedAt,
    // Usable only once an editor approved it (pub-status.ts).
    pubStatus: pubStatusOf(view.status),
    ...text,
    located: shortName(placeName),
    places: nonEmpty(places),
    people: nonEmpty(people),
    organisations: nonEmpty(event.organisers.filter((o) => o.name).map((o) => ({ name: o.name, rel: 'organiser' }))),
    subjects: nonEmpty(subjects),
    events: event.title ? [{ name: event.title, rel: 'about' }] : undefined,
    genres: view.section ? [{ name: view.section }] : undefined,
    associations: [...photos, translation],
  });
}

/** The story's date as RFC 3339, keeping its offset (the newsroom's wall-clock time says more than UTC). */
function storyInstant(value: string): string | undefined {
  return isStoryDate(value) ? value : isoInstant(value);
}

/** An ISO instant as RFC 3339 (ninjs' date-time), or undefined when the article holds none. */
export function isoInstant(value: string): string | undefined {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}
