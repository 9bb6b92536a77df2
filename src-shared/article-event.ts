/**
 * The article's `event` (DESIGN §3): a Y.Map holding what the article reports on.
 *
 *   title, venue                 registers (src-shared/register.ts: `title@<entry>`… candidates)
 *   type                         one of EVENT_TYPES
 *   start, end                   local date-time "2025-06-30T09:00" (or a date "2025-06-30")
 *   timeZone                     IANA zone of start and end; Asia/Ho_Chi_Minh when absent
 *   place                        EventPlace (the gazetteer's current unit, and the former one it was picked through)
 *   organiser:<id>               Y.Map { name (register), order }
 *   participant:<id>             Y.Map { person, title, organisation (registers), order }
 *   topic:<medtop code>          true (a set of IPTC Media Topics)
 *   keyword:<folded keyword>     Y.Map { text, order }
 *
 * Lists live as keys of the event map itself, each item its own Y.Map under a key made when it
 * is added, so two writers adding or editing different items offline both keep theirs when
 * they merge (a list container created lazily by two replicas at once would drop one side),
 * and two edits to different fields of one participant merge too. The texts a person types
 * (title, venue, names, a participant's title and organisation) are registers: two desks
 * writing the same one concurrently both keep their value, as a conflict a person resolves,
 * and everything read here is the register's effective value. An item's texts written when it
 * is added are plain strings (nobody else can hold the new item yet; a plain string counts as
 * the register's value until someone writes). Every text is NFC.
 *
 * These helpers make one transaction each; the renderer runs them inside its own transaction
 * with the page's origin (USER_ORIGIN), so they join its undo history. A text write takes the
 * writer's edit session (the page's focus-to-blur span); without one it is a session of its own
 * (an import, the command line).
 */
import * as Y from 'yjs';
import { KEYS } from './article-doc';
import { isMediaTopic } from './media-topics';
import { EventPlace } from './places';
import { newSession, registerValue, writeRegister, type EditSession } from './register';
import { fold, nfc } from './text/vietnamese';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const EVENT_TYPES = ['meeting', 'ceremony', 'pressConference', 'visit', 'festival', 'sport', 'disaster', 'accident', 'court', 'election', 'exhibition', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface Organiser {
  readonly id: string;
  readonly name: string;
}

export interface Participant {
  readonly id: string;
  readonly person: string;
  readonly title: string;
  readonly organisation: string;
}
export type ParticipantField = 'person' | 'title' | 'organisation';
export const PARTICIPANT_FIELDS = ['person', 'title', 'organisation'] as const satisfies readonly ParticipantField[];
/** The event's own texts a person types. */
export const EVENT_TEXT_FIELDS = ['title', 'venue'] as const;
export type EventTextField = (typeof EVENT_TEXT_FIELDS)[number];

export interface EventView {
  readonly title: string;
  readonly type: EventType | null;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly venue: string;
  readonly place: EventPlace | null;
  readonly organisers: readonly Organiser[];
  readonly participants: readonly Participant[];
  readonly topics: readonly string[];
  readonly keywords: readonly string[];
}

export const eventMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(KEYS.event);

const ORGANISER = 'organiser:';
const PARTICIPANT = 'participant:';
const TOPIC = 'topic:';
const KEYWORD = 'keyword:';

/** "2025-06-30" or "2025-06-30T09:00" (seconds allowed): what <input type="datetime-local"> gives. */
const LOCAL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$/;

export function isLocalDateTime(value: string): boolean {
  return LOCAL_DATE_TIME.test(value);
}

export function isTimeZone(value: string): boolean {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
/** Normalises what the writer typed: NFC, spaces collapsed, trimmed. */
const clean = (text: string): string => nfc(text).replace(/\s+/g, ' ').trim();

function newId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
}

function items(map: Y.Map<unknown>, prefix: string): Array<{ id: string; item: Y.Map<unknown> }> {
  const out: Array<{ id: string; item: Y.Map<unknown> }> = [];
  for (const [key, value] of map.entries()) {
    if (key.startsWith(prefix) && value instanceof Y.Map) out.push({ id: key.slice(prefix.length), item: value });
  }
  return out.sort((a, b) => num(a.item.get('order')) - num(b.item.get('order')) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function nextOrder(map: Y.Map<unknown>, prefix: string): number {
  return items(map, prefix).reduce((max, { item }) => Math.max(max, num(item.get('order'))), 0) + 1;
}

export function readEvent(doc: Y.Doc): EventView {
  const m = eventMap(doc);
  const type = m.get('type');
  const place = EventPlace.safeParse(m.get('place'));
  const zone = str(m.get('timeZone'));
  return {
    title: registerValue(m, 'title'),
    type: (EVENT_TYPES as readonly unknown[]).includes(type) ? (type as EventType) : null,
    start: str(m.get('start')),
    end: str(m.get('end')),
    timeZone: zone || DEFAULT_TIME_ZONE,
    venue: registerValue(m, 'venue'),
    place: place.success ? place.data : null,
    organisers: items(m, ORGANISER).map(({ id, item }) => ({ id, name: registerValue(item, 'name') })),
    participants: items(m, PARTICIPANT).map(({ id, item }) => ({
      id,
      person: registerValue(item, 'person'),
      title: registerValue(item, 'title'),
      organisation: registerValue(item, 'organisation'),
    })),
    topics: [...m.keys()].filter((k) => k.startsWith(TOPIC) && m.get(k) === true).map((k) => k.slice(TOPIC.length)).sort(),
    keywords: items(m, KEYWORD).map(({ item }) => str(item.get('text'))),
  };
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === '' || value === null || value === undefined) {
    if (map.has(key)) map.delete(key);
  } else if (map.get(key) !== value) {
    map.set(key, value);
  }
}

/** Title or venue, as typed in `session` (NFC; the panel trims when the field is left). */
export function setEventText(doc: Y.Doc, field: EventTextField, text: string, session: EditSession = newSession()): void {
  writeRegister(eventMap(doc), field, text, session);
}

export function setEventType(doc: Y.Doc, type: EventType | null): void {
  setIfChanged(eventMap(doc), 'type', type);
}

/**
 * Start, end (local date-times; '' clears) and the time zone they are in. A malformed value
 * or an unknown zone is refused (throws), so the document never holds one.
 */
export function setEventTimes(doc: Y.Doc, times: { start?: string; end?: string; timeZone?: string }): void {
  for (const key of ['start', 'end'] as const) {
    const v = times[key];
    if (v !== undefined && v !== '' && !isLocalDateTime(v)) throw new RangeError(`event ${key}: ${v}`);
  }
  if (times.timeZone !== undefined && !isTimeZone(times.timeZone)) throw new RangeError(`event time zone: ${times.timeZone}`);
  const m = eventMap(doc);
  doc.transact(() => {
    if (times.start !== undefined) setIfChanged(m, 'start', times.start);
    if (times.end !== undefined) setIfChanged(m, 'end', times.end);
    if (times.timeZone !== undefined) setIfChanged(m, 'timeZone', times.timeZone === DEFAULT_TIME_ZONE && !m.has('timeZone') ? '' : times.timeZone);
  });
}

/** The place picked in the gazetteer (null clears). Its names are NFC like every text. */
export function setEventPlace(doc: Y.Doc, place: EventPlace | null): void {
  const m = eventMap(doc);
  if (place === null) {
    if (m.has('place')) m.delete('place');
    return;
  }
  const parsed = EventPlace.parse(JSON.parse(nfc(JSON.stringify(place))) as unknown);
  if (JSON.stringify(m.get('place')) !== JSON.stringify(parsed)) m.set('place', parsed);
}

/** Adds an organiser at the end; returns its id. */
export function addOrganiser(doc: Y.Doc, name: string): string {
  const m = eventMap(doc);
  const id = newId();
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    item.set('name', clean(name));
    item.set('order', nextOrder(m, ORGANISER));
    m.set(ORGANISER + id, item);
  });
  return id;
}

/** The Y.Map of organiser `id` (where its name's register lives), or null. */
export function organiserMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const item = eventMap(doc).get(ORGANISER + id);
  return item instanceof Y.Map ? item : null;
}

/** The Y.Map of participant `id` (where the registers of its fields live), or null. */
export function participantMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const item = eventMap(doc).get(PARTICIPANT + id);
  return item instanceof Y.Map ? item : null;
}

export function setOrganiser(doc: Y.Doc, id: string, name: string, session: EditSession = newSession()): void {
  const item = organiserMap(doc, id);
  if (item) writeRegister(item, 'name', name, session);
}

export function removeOrganiser(doc: Y.Doc, id: string): void {
  const m = eventMap(doc);
  if (m.has(ORGANISER + id)) m.delete(ORGANISER + id);
}

/** Adds a participant at the end; returns its id. */
export function addParticipant(doc: Y.Doc, p: Partial<Omit<Participant, 'id'>> = {}): string {
  const m = eventMap(doc);
  const id = newId();
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    item.set('person', clean(p.person ?? ''));
    item.set('title', clean(p.title ?? ''));
    item.set('organisation', clean(p.organisation ?? ''));
    item.set('order', nextOrder(m, PARTICIPANT));
    m.set(PARTICIPANT + id, item);
  });
  return id;
}

/** Changes the given fields of one participant (the others stay, so concurrent edits of other fields merge). */
export function updateParticipant(doc: Y.Doc, id: string, patch: Partial<Record<ParticipantField, string>>, session: EditSession = newSession()): void {
  const item = participantMap(doc, id);
  if (!item) return;
  doc.transact(() => {
    for (const field of PARTICIPANT_FIELDS) {
      const v = patch[field];
      if (v !== undefined) writeRegister(item, field, v, session);
    }
  });
}

export function removeParticipant(doc: Y.Doc, id: string): void {
  const m = eventMap(doc);
  if (m.has(PARTICIPANT + id)) m.delete(PARTICIPANT + id);
}

/** Files the event under a topic, or takes it off (only IPTC codes the desk knows). */
export function setTopic(doc: Y.Doc, code: string, on: boolean): void {
  if (!isMediaTopic(code)) throw new RangeError(`media topic: ${code}`);
  const m = eventMap(doc);
  if (on && m.get(TOPIC + code) !== true) m.set(TOPIC + code, true);
  if (!on && m.has(TOPIC + code)) m.delete(TOPIC + code);
}

/** Splits what the writer typed into keywords: by comma or semicolon, NFC, trimmed, one of each (accents and case aside). */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const k = clean(part);
    const key = fold(k);
    if (!k || seen.has(key)) continue;
    seen.add(key);
    out.push(k);
  }
  return out;
}

/**
 * Sets the keywords to `list` with the smallest change: keywords kept stay (a concurrent
 * writer's additions too), new ones are added at the end, missing ones removed.
 */
export function setKeywords(doc: Y.Doc, list: readonly string[]): void {
  const m = eventMap(doc);
  const wanted = parseKeywords(list.join(','));
  const wantedKeys = new Map(wanted.map((k) => [KEYWORD + fold(k), k]));
  doc.transact(() => {
    for (const { id } of items(m, KEYWORD)) if (!wantedKeys.has(KEYWORD + id)) m.delete(KEYWORD + id);
    let order = nextOrder(m, KEYWORD);
    for (const [key, text] of wantedKeys) {
      const item = m.get(key);
      if (item instanceof Y.Map) {
        if (item.get('text') !== text) item.set('text', text);
        continue;
      }
      const fresh = new Y.Map<unknown>();
      fresh.set('text', text);
      fresh.set('order', order++);
      m.set(key, fresh);
    }
  });
}

/** What the writer entered that the glossary learns from: people with their title and organisation, and organisers. */
export function glossaryFacts(view: EventView): { people: Array<{ name: string; title: string; organisation: string }>; organisations: string[] } {
  return {
    people: view.participants.filter((p) => clean(p.person)).map((p) => ({ name: clean(p.person), title: clean(p.title), organisation: clean(p.organisation) })),
    organisations: view.organisers.map((o) => clean(o.name)).filter(Boolean),
  };
}
