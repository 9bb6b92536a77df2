/**
 * The article's `photos` (DESIGN §3): a Y.Array of Y.Maps, in the order the article shows them.
 *
 * Each entry holds the photo's id (the SHA-256 of its bytes, or null for a photo planned but
 * not yet attached, as in the sample article), the facts read from the file, and what the
 * user writes: `captions` (Y.Map language → text), `credit`, `creator`, `persons` (Y.Array of
 * names), `place`, `featured`. Only one entry is featured.
 *
 * Captions, credit, creator and place are registers (src-shared/register.ts): two desks writing
 * the same one concurrently both keep their value until a person resolves it, and what is read
 * here is the register's effective value. An entry's texts written when it is made (an imported
 * photo, the sample) are plain strings, which count as the register's value until someone writes.
 */
import * as Y from 'yjs';
import { photos } from './article-doc';
import type { Language } from './models';
import type { GpsPoint, PhotoFacts, PhotoInit, PhotoKind } from './photos';
import { PHOTO_KINDS } from './photos';
import { newSession, registerValue, setRegister, writeRegister, type EditSession } from './register';
import { nfc } from './text/vietnamese';

export interface PhotoEntry {
  readonly id: string | null;
  readonly kind: PhotoKind | null;
  readonly width: number;
  readonly height: number;
  readonly size: number;
  readonly name: string;
  readonly takenAt: string | null;
  readonly camera: string | null;
  readonly gps: GpsPoint | null;
  readonly captions: Readonly<Record<Language, string>>;
  readonly credit: string;
  readonly creator: string;
  readonly persons: readonly string[];
  readonly place: string;
  readonly featured: boolean;
}

/** Fields of an entry the user edits as plain text. */
export type PhotoTextField = 'credit' | 'creator' | 'place';
export const PHOTO_TEXT_FIELDS = ['credit', 'creator', 'place'] as const satisfies readonly PhotoTextField[];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function gpsOf(v: unknown): GpsPoint | null {
  if (!v || typeof v !== 'object') return null;
  const { lat, lon, alt } = v as Record<string, unknown>;
  return typeof lat === 'number' && typeof lon === 'number' ? { lat, lon, alt: typeof alt === 'number' ? alt : null } : null;
}

export function readPhoto(map: Y.Map<unknown>): PhotoEntry {
  const caps = map.get('captions');
  const persons = map.get('persons');
  const kind = map.get('kind');
  return {
    id: strOrNull(map.get('id')),
    kind: (PHOTO_KINDS as readonly unknown[]).includes(kind) ? (kind as PhotoKind) : null,
    width: num(map.get('width')),
    height: num(map.get('height')),
    size: num(map.get('size')),
    name: str(map.get('name')),
    takenAt: strOrNull(map.get('takenAt')),
    camera: strOrNull(map.get('camera')),
    gps: gpsOf(map.get('gps')),
    captions: { vi: caps instanceof Y.Map ? registerValue(caps, 'vi') : '', en: caps instanceof Y.Map ? registerValue(caps, 'en') : '' },
    credit: registerValue(map, 'credit'),
    creator: registerValue(map, 'creator'),
    persons: persons instanceof Y.Array ? persons.toArray().filter((p): p is string => typeof p === 'string') : [],
    place: registerValue(map, 'place'),
    featured: map.get('featured') === true,
  };
}

export function readPhotos(doc: Y.Doc): PhotoEntry[] {
  return photos(doc).toArray().map(readPhoto);
}

/** Index of the entry showing photo `id`, or -1. */
export function photoIndex(doc: Y.Doc, id: string): number {
  return photos(doc)
    .toArray()
    .findIndex((p) => p.get('id') === id);
}

function setFacts(map: Y.Map<unknown>, facts: PhotoFacts): void {
  map.set('id', facts.id);
  map.set('kind', facts.kind);
  map.set('width', facts.width);
  map.set('height', facts.height);
  map.set('size', facts.size);
  map.set('name', nfc(facts.name));
  map.set('takenAt', facts.takenAt);
  map.set('camera', facts.camera);
  map.set('gps', facts.gps);
}

/**
 * A new entry for a photo just imported: its facts, and what the user gave (or what the file
 * already said: an embedded caption goes to the article's language, the embedded creator to
 * creator and credit).
 */
export function newPhotoEntry(facts: PhotoFacts, init: PhotoInit, language: Language): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  setFacts(map, facts);
  const captions = new Y.Map<string>();
  const given = init.captions ?? {};
  const vi = given.vi ?? (language === 'vi' ? (facts.embeddedCaption ?? '') : '');
  const en = given.en ?? (language === 'en' ? (facts.embeddedCaption ?? '') : '');
  captions.set('vi', nfc(vi));
  captions.set('en', nfc(en));
  map.set('captions', captions);
  map.set('credit', nfc(init.credit ?? facts.embeddedCreator ?? ''));
  map.set('creator', nfc(init.creator ?? facts.embeddedCreator ?? ''));
  map.set('persons', new Y.Array<string>());
  map.set('place', '');
  map.set('featured', false);
  return map;
}

/**
 * Puts an imported photo in the article: into the planned entry at `into` (one without an
 * image yet, keeping what was written for it), or at the end. The first photo of an article
 * becomes its featured photo. Returns the entry's index.
 */
export function addPhoto(doc: Y.Doc, facts: PhotoFacts, init: PhotoInit, language: Language, into?: number): number {
  const list = photos(doc);
  let at = -1;
  doc.transact(() => {
    const planned = into === undefined ? undefined : list.get(into);
    if (planned instanceof Y.Map && planned.get('id') == null) {
      setFacts(planned, facts);
      if (!(planned.get('captions') instanceof Y.Map)) planned.set('captions', new Y.Map<unknown>());
      const caps = planned.get('captions') as Y.Map<unknown>;
      for (const lang of ['vi', 'en'] as const) {
        const text = init.captions?.[lang];
        if (text !== undefined) setRegister(caps, lang, text);
      }
      if (init.credit !== undefined) setRegister(planned, 'credit', init.credit);
      if (init.creator !== undefined) setRegister(planned, 'creator', init.creator);
      if (!(planned.get('persons') instanceof Y.Array)) planned.set('persons', new Y.Array<string>());
      at = into!;
    } else {
      list.push([newPhotoEntry(facts, init, language)]);
      at = list.length - 1;
    }
    if (!list.toArray().some((p) => p.get('featured') === true)) (list.get(at) as Y.Map<unknown>).set('featured', true);
  });
  return at;
}

/** The Y.Map of the entry at `index` (where its credit, creator and place registers live), or null. */
export function entryAt(doc: Y.Doc, index: number): Y.Map<unknown> | null {
  const list = photos(doc);
  if (index < 0 || index >= list.length) return null;
  const e = list.get(index);
  return e instanceof Y.Map ? e : null;
}

/** The captions map of an entry (a register per language), or null when it has none. */
export function captionsOf(entry: Y.Map<unknown> | null): Y.Map<unknown> | null {
  const caps = entry?.get('captions');
  return caps instanceof Y.Map ? (caps as Y.Map<unknown>) : null;
}

export function setCaption(doc: Y.Doc, index: number, language: Language, text: string, session: EditSession = newSession()): void {
  const e = entryAt(doc, index);
  if (!e) return;
  doc.transact(() => {
    let caps = captionsOf(e);
    if (!caps) {
      // Only an entry made without captions (none does today) gets them here.
      caps = new Y.Map<unknown>();
      e.set('captions', caps);
    }
    writeRegister(caps, language, text, session);
  });
}

export function setPhotoText(doc: Y.Doc, index: number, field: PhotoTextField, text: string, session: EditSession = newSession()): void {
  const e = entryAt(doc, index);
  if (e) writeRegister(e, field, text, session);
}

export function setPersons(doc: Y.Doc, index: number, names: readonly string[]): void {
  const e = entryAt(doc, index);
  if (!e) return;
  const next = names.map((n) => nfc(n).trim()).filter(Boolean);
  doc.transact(() => {
    let list = e.get('persons');
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<string>();
      e.set('persons', list);
    }
    const arr = list as Y.Array<string>;
    const prev = arr.toArray();
    if (prev.length === next.length && prev.every((p, i) => p === next[i])) return;
    arr.delete(0, arr.length);
    arr.insert(0, next);
  });
}

/** Makes entry `index` the featured photo (and no other). */
export function setFeatured(doc: Y.Doc, index: number): void {
  doc.transact(() => {
    photos(doc).forEach((p, i) => {
      const want = i === index;
      if ((p.get('featured') === true) !== want) p.set('featured', want);
    });
  });
}

/** A deep copy of an entry, to insert elsewhere (a Yjs type cannot be inserted twice). */
function cloneEntry(src: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const [k, v] of src.entries()) {
    if (v instanceof Y.Map) {
      const m = new Y.Map<unknown>();
      for (const [kk, vv] of v.entries()) m.set(kk, vv);
      copy.set(k, m);
    } else if (v instanceof Y.Array) {
      copy.set(k, Y.Array.from(v.toArray()));
    } else copy.set(k, v);
  }
  return copy;
}

/** Moves the entry at `from` to position `to` (positions as they are before the move). */
export function movePhoto(doc: Y.Doc, from: number, to: number): void {
  const list = photos(doc);
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return;
  doc.transact(() => {
    const copy = cloneEntry(list.get(from));
    list.delete(from, 1);
    list.insert(to, [copy]);
  });
}

/** Removes the entry at `index` from the article (the stored file stays: other articles may use it). */
export function removePhoto(doc: Y.Doc, index: number): void {
  const list = photos(doc);
  if (index < 0 || index >= list.length) return;
  doc.transact(() => {
    const wasFeatured = list.get(index).get('featured') === true;
    list.delete(index, 1);
    if (wasFeatured && list.length > 0) list.get(0).set('featured', true);
  });
}

/** The caption a reader of the article sees: in the article's language. */
export function captionIn(entry: PhotoEntry, language: Language): string {
  return entry.captions[language];
}
