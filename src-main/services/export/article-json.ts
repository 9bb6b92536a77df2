/**
 * The article as `article.json` holds it (src-shared/package-article.ts): read from the Yjs
 * document for export, and written into a new document on import.
 */
import * as Y from 'yjs';
import { body, headline, META_TEXT_FIELDS, meta, metaRegister, photos, readArticle, sapo, setText, slugOf } from '../../../src-shared/article-doc';
import { addOrganiser, addParticipant, readEvent, setEventPlace, setEventText, setEventTimes, setEventType, setKeywords, setTopic } from '../../../src-shared/article-event';
import { readPhotos } from '../../../src-shared/article-photos';
import { isMediaTopic } from '../../../src-shared/media-topics';
import { BODY_NODES, type BodyNode, type PackageArticle, type PackagePhoto, type TextRun } from '../../../src-shared/package-article';
import { nfc } from '../../../src-shared/text/vietnamese';

/** Meta keys that belong to this copy of the article, never carried over. */
const OWN_META = new Set(['id', 'language', 'trashedAt']);

/**
 * The meta's plain values, and each typed field (byline, section, slug: registers) as its
 * effective value, written the plain way, which every desk reads: a conflict travels as its last
 * agreed value, and a slug only when a person gave it (`slugEdited`), else it follows the headline.
 */
function plainMeta(doc: Y.Doc): Record<string, PackageArticle['meta'][string]> {
  const m = meta(doc);
  const out: Record<string, PackageArticle['meta'][string]> = {};
  const typed = new Set<string>([...META_TEXT_FIELDS, 'slugEdited']);
  for (const [k, v] of m.entries()) {
    if (OWN_META.has(k) || typed.has(k)) continue;
    if (typeof v === 'string' || typeof v === 'boolean' || v === null || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
  }
  out.byline = metaRegister(doc, 'byline').value;
  out.section = metaRegister(doc, 'section').value;
  const slug = slugOf(doc);
  if (slug.edited) {
    out.slug = slug.slug;
    out.slugEdited = true;
  }
  return out;
}

function nodeOf(n: Y.XmlElement | Y.XmlText): BodyNode | null {
  if (n instanceof Y.XmlText) return { text: (n.toDelta() as TextRun[]).filter((d) => typeof d.insert === 'string').map((d) => (d.attributes ? { insert: d.insert, attributes: d.attributes } : { insert: d.insert })) };
  const name = n.nodeName as (typeof BODY_NODES)[number];
  if (!(BODY_NODES as readonly string[]).includes(name)) return null;
  const attrs: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(n.getAttributes())) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) attrs[k] = v;
  }
  return { node: name, attrs, content: childrenOf(n) };
}

function childrenOf(parent: Y.XmlFragment | Y.XmlElement): BodyNode[] {
  return parent
    .toArray()
    .filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText)
    .map(nodeOf)
    .filter((c): c is BodyNode => c !== null);
}

/** The article of `doc` for `article.json`; `files` maps a photo id to its file in the package. */
export function articleJson(doc: Y.Doc, files: ReadonlyMap<string, string>): PackageArticle {
  const view = readArticle(doc);
  const ev = readEvent(doc);
  const list: PackagePhoto[] = readPhotos(doc).map((p) => ({
    id: p.id,
    file: p.id ? (files.get(p.id) ?? null) : null,
    kind: p.kind,
    name: p.name,
    takenAt: p.takenAt,
    camera: p.camera,
    gps: p.gps,
    captions: { vi: p.captions.vi, en: p.captions.en },
    credit: p.credit,
    creator: p.creator,
    persons: [...p.persons],
    place: p.place,
    featured: p.featured,
  }));
  return {
    id: view.id,
    language: view.language,
    meta: plainMeta(doc),
    headline: view.headline,
    sapo: view.sapo,
    body: childrenOf(body(doc)),
    photos: list,
    event: {
      title: ev.title,
      type: ev.type,
      start: ev.start,
      end: ev.end,
      timeZone: ev.timeZone,
      venue: ev.venue,
      place: ev.place,
      organisers: ev.organisers.map((o) => o.name),
      participants: ev.participants.map(({ person, title, organisation }) => ({ person, title, organisation })),
      topics: [...ev.topics],
      keywords: [...ev.keywords],
    },
  };
}

function nfcDeep(value: unknown): unknown {
  if (typeof value === 'string') return nfc(value);
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfcDeep(v)]));
  return value;
}

function buildNode(n: BodyNode, photoId: (id: string) => string | null): Y.XmlElement | Y.XmlText | null {
  if ('text' in n) {
    const t = new Y.XmlText();
    t.applyDelta(n.text.map((r) => (r.attributes ? { insert: nfc(r.insert), attributes: nfcDeep(r.attributes) as Record<string, unknown> } : { insert: nfc(r.insert) })));
    return t;
  }
  const el = new Y.XmlElement(n.node);
  for (const [k, v] of Object.entries(n.attrs)) {
    // A photo node names the photo by id: the id it has on this desk.
    const value = n.node === 'photo' && k === 'id' && typeof v === 'string' ? photoId(v) : typeof v === 'string' ? nfc(v) : v;
    if (value !== null && value !== undefined) el.setAttribute(k, value as string);
  }
  const kids = n.content.map((c) => buildNode(c, photoId)).filter((c): c is Y.XmlElement | Y.XmlText => c !== null);
  if (kids.length) el.insert(0, kids);
  return el;
}

export interface ImportedPhoto {
  readonly entry: PackagePhoto;
  /** The facts of the photo as stored on this desk (null: planned, no file). */
  readonly stored: { readonly id: string; readonly kind: string; readonly width: number; readonly height: number; readonly size: number } | null;
}

/**
 * Fills a new article's document from `article.json` (already checked by its schema), with
 * the photos as stored on this desk: a photo's id here is the SHA-256 of the file in the
 * package, which differs from the exporting desk's (the export wrote metadata into it), so
 * photo nodes of the body are renamed to it.
 */
export function fillArticle(doc: Y.Doc, a: PackageArticle, imported: readonly ImportedPhoto[]): void {
  const ids = new Map<string, string>();
  for (const p of imported) if (p.entry.id && p.stored) ids.set(p.entry.id, p.stored.id);
  const m = meta(doc);
  for (const [k, v] of Object.entries(a.meta)) if (!OWN_META.has(k)) m.set(k, nfcDeep(v));
  setText(headline(doc), nfc(a.headline));
  setText(sapo(doc), nfc(a.sapo));
  const nodes = a.body.map((n) => buildNode(n, (id) => ids.get(id) ?? null)).filter((c): c is Y.XmlElement | Y.XmlText => c !== null);
  if (nodes.length) body(doc).insert(0, nodes);
  photos(doc).push(
    imported.map(({ entry, stored }) => {
      const map = new Y.Map<unknown>();
      map.set('id', stored?.id ?? null);
      if (stored) {
        map.set('kind', stored.kind);
        map.set('width', stored.width);
        map.set('height', stored.height);
        map.set('size', stored.size);
      }
      map.set('name', nfc(entry.name));
      map.set('takenAt', entry.takenAt);
      map.set('camera', entry.camera);
      map.set('gps', entry.gps);
      const captions = new Y.Map<string>();
      captions.set('vi', nfc(entry.captions.vi));
      captions.set('en', nfc(entry.captions.en));
      map.set('captions', captions);
      map.set('credit', nfc(entry.credit));
      map.set('creator', nfc(entry.creator));
      map.set('persons', Y.Array.from(entry.persons.map(nfc)));
      map.set('place', nfc(entry.place));
      map.set('featured', entry.featured);
      return map;
    }),
  );
  const ev = a.event;
  if (ev.title) setEventText(doc, 'title', ev.title);
  if (ev.venue) setEventText(doc, 'venue', ev.venue);
  if (ev.type) setEventType(doc, ev.type);
  setEventTimes(doc, { start: ev.start, end: ev.end, ...(ev.timeZone ? { timeZone: ev.timeZone } : {}) });
  if (ev.place) setEventPlace(doc, ev.place);
  for (const name of ev.organisers) addOrganiser(doc, name);
  for (const p of ev.participants) addParticipant(doc, p);
  for (const code of ev.topics) if (isMediaTopic(code)) setTopic(doc, code, true);
  if (ev.keywords.length) setKeywords(doc, ev.keywords);
}
