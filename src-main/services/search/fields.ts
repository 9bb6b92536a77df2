/** The fields of an article that search reads, their weights, and how they are read from the document. */
import type * as Y from 'yjs';
import { SEARCH_HIGHLIGHT_FIELDS } from '../../../src-shared/contract';
import { bodyText, headline, meta, metaRegister, sapo } from '../../../src-shared/article-doc';
import { readEvent, type EventView } from '../../../src-shared/article-event';
import type { PlaceUnit } from '../../../src-shared/places';

export const SEARCH_FIELDS = SEARCH_HIGHLIGHT_FIELDS;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** How much a match counts in each field: the headline most, then the lead, then tags, byline and the event, then the body. */
export const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = { headline: 4, sapo: 2, byline: 1.5, tags: 1.5, event: 1.5, body: 1 };

/** The searchable text of one article, one string per field (tags joined with ", "). */
export type ArticleTexts = Readonly<Record<SearchField, string>>;

export const TAG_SEPARATOR = ', ';
/** Between the event's parts, as a list of sentences reads. */
export const EVENT_SEPARATOR = '. ';

/** What a current unit was called before the reform (the gazetteer's formerNames). */
export type FormerNames = (unit: PlaceUnit) => readonly string[];

/**
 * The event as one searchable text: its title, venue and place — the current unit and its
 * province, the former unit it was picked through with the district and province that held it,
 * and, given `formerNames`, every name the unit had before the reform (so "Hà Giang" finds an
 * event placed in Tuyên Quang) — then its organisers and participants (name, title, organisation).
 */
export function eventText(event: EventView, formerNames?: FormerNames): string {
  const place = event.place;
  const parts = [
    event.title,
    event.venue,
    place?.unit.name,
    place && place.unit.provinceName !== place.unit.name ? place.unit.provinceName : '',
    place?.former?.name,
    place?.former?.district,
    place?.former?.province,
    ...(place && formerNames ? formerNames(place.unit) : []),
    ...event.organisers.map((o) => o.name),
    ...event.participants.flatMap((p) => [p.person, p.title, p.organisation]),
  ];
  return [...new Set(parts.filter((p): p is string => !!p))].join(EVENT_SEPARATOR);
}

export function textsOf(doc: Y.Doc, formerNames?: FormerNames): ArticleTexts {
  const m = meta(doc);
  const tags = m.get('tags');
  return {
    headline: headline(doc).toString(),
    sapo: sapo(doc).toString(),
    byline: metaRegister(doc, 'byline').value,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string').join(TAG_SEPARATOR) : '',
    event: eventText(readEvent(doc), formerNames),
    body: bodyText(doc),
  };
}
