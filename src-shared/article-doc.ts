/**
 * The article's Yjs document (DESIGN §3) and the plain-text views of it that the library,
 * the command line and the foundation's text fields use.
 *
 * `headline` and `sapo` are Y.Text (plain text: a headline and a lead carry no formatting);
 * `body` is a Y.XmlFragment in ProseMirror's shape (`paragraph`, `heading`… elements holding
 * Y.XmlText with formatting marks), so the rich editor binds to it unchanged.
 */
import * as Y from 'yjs';
import { openCommentCount } from './comment-count';
import type { ArticleSummary, Language, Status } from './models';
import { STATUSES } from './models';
import { candidates, readRegister, registerFields, registerValue, resolveRegister, writeRegister, type EditSession, type RegisterState } from './register';
import { anchoredRange, changedRange, type ChangedRange, type EditHint } from './text/changed-range';
import { isStoryDate } from './story-date';
import { slugify } from './text/slug';
import { acceptedText } from './text/suggested';
import { translationSummary } from './translation/links';
import { countWords, nfc } from './text/vietnamese';

export const KEYS = { meta: 'meta', headline: 'headline', sapo: 'sapo', body: 'body', photos: 'photos', event: 'event', workflow: 'workflow' } as const;

export interface ArticleMetaInit {
  readonly id: string;
  readonly language: Language;
  readonly createdAt: string;
  readonly byline?: string;
  readonly section?: string;
  /** The story's own date (story-date.ts); absent, the story date is `createdAt`. */
  readonly storyDate?: string;
}

export const meta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(KEYS.meta);
export const headline = (doc: Y.Doc): Y.Text => doc.getText(KEYS.headline);
export const sapo = (doc: Y.Doc): Y.Text => doc.getText(KEYS.sapo);
export const body = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(KEYS.body);
export const photos = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray(KEYS.photos);
export const workflow = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(KEYS.workflow);

/**
 * The meta fields a person types, each a register (src-shared/register.ts): two desks writing one
 * concurrently both keep their value until a person resolves it. `initArticle`, an import and
 * the sample write them as plain strings, which count as the value until someone writes.
 */
export const META_TEXT_FIELDS = ['byline', 'section', 'slug'] as const;
export type MetaTextField = (typeof META_TEXT_FIELDS)[number];

/**
 * The slug follows the headline (made from it at read time, so it always matches the merged
 * headline, a restored version's or an import's) until a person edits it. An edited slug is a
 * register; an empty candidate is a slug given back to the headline. Before registers, an
 * edited slug was a plain `slug` with `slugEdited: true`, and a plain `slug` without it a copy
 * of the headline, which is no value of its own.
 */
function registerOptions(m: Y.Map<unknown>, field: MetaTextField): { legacy: boolean } {
  return { legacy: field !== 'slug' || m.get('slugEdited') === true };
}

export function metaRegister(doc: Y.Doc, field: MetaTextField): RegisterState {
  const m = meta(doc);
  return readRegister(m, field, registerOptions(m, field));
}

/** The headline and the lead: plain texts that two desks may each rewrite wholly (rewrites.ts). */
export type RewriteField = 'headline' | 'sapo';

/** The register of a headline's or a lead's rewrites, beside its text in `meta` (rewrites.ts writes it). */
export const rewriteKey = (field: RewriteField): string => `${field}~rewrite`;

export function rewriteState(doc: Y.Doc, field: RewriteField): RegisterState {
  return readRegister(meta(doc), rewriteKey(field), { legacy: false });
}

/**
 * The headline or lead in effect: its text, or while two rewrites made apart wait for a person
 * to choose (the text holds both, glued), the text both desks started from — what exports,
 * search and the library use until then, as for a short field in conflict. Open suggestions
 * read as not made (text/suggested.ts): proposed words left out, words proposed for removal kept.
 */
export function textOf(doc: Y.Doc, field: RewriteField): string {
  const state = rewriteState(doc, field);
  if (state.conflict) return state.value;
  return acceptedText(field === 'headline' ? headline(doc) : sapo(doc));
}

/** The slug in effect, and whether a person gave it (otherwise it is the headline's). */
export function slugOf(doc: Y.Doc): { readonly slug: string; readonly edited: boolean } {
  const own = metaRegister(doc, 'slug').value;
  return own ? { slug: own, edited: true } : { slug: slugify(textOf(doc, 'headline')), edited: false };
}

/**
 * The story's own date and time (story-date.ts): the meta's `storyDate` when it holds a valid
 * one, else when the article was created. A last writer's value, like the language: it is
 * picked from a calendar rather than typed, so two desks choosing two dates need no merge.
 */
export function storyDateOf(doc: Y.Doc): string {
  const m = meta(doc);
  const own = m.get('storyDate');
  return typeof own === 'string' && isStoryDate(own) ? own : str(m.get('createdAt'));
}

/** Sets the story's date (an ISO 8601 date-time with offset), or with null gives it back to the creation time. */
export function setStoryDate(doc: Y.Doc, value: string | null): void {
  if (value !== null && !isStoryDate(value)) throw new RangeError(`not a story date: ${value}`);
  const m = meta(doc);
  if (value === null ? !m.has('storyDate') : m.get('storyDate') === value) return;
  doc.transact(() => (value === null ? m.delete('storyDate') : m.set('storyDate', value)));
}

/** Writes a meta field as typed in `session` (see register.ts); returns whether it changed. */
export function writeMeta(doc: Y.Doc, field: MetaTextField, text: string, session: EditSession): boolean {
  const m = meta(doc);
  let changed = false;
  doc.transact(() => {
    changed = writeRegister(m, field, text, session, registerOptions(m, field));
    // The plain slug it replaced is gone: its flag says nothing any more.
    if (changed && field === 'slug' && !m.has('slug') && m.has('slugEdited')) m.delete('slugEdited');
  });
  return changed;
}

/** A person chose the value of a meta field in conflict (see register.ts); returns the new entry's id. */
export function resolveMeta(doc: Y.Doc, field: MetaTextField, text: string, by: string): string {
  const m = meta(doc);
  let id = '';
  doc.transact(() => {
    id = resolveRegister(m, field, text, by, registerOptions(m, field));
    if (field === 'slug' && m.has('slugEdited')) m.delete('slugEdited');
  });
  return id;
}

/** Only main calls this, once, when the article is created: a replica never initialises. */
export function initArticle(doc: Y.Doc, init: ArticleMetaInit): void {
  doc.transact(() => {
    const m = meta(doc);
    m.set('id', init.id);
    m.set('language', init.language);
    m.set('createdAt', init.createdAt);
    m.set('byline', nfc(init.byline ?? ''));
    m.set('section', nfc(init.section ?? ''));
    if (init.storyDate && isStoryDate(init.storyDate)) m.set('storyDate', init.storyDate);
    m.set('trashedAt', null);
  });
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** Where a writer acted in a plain field: the text they saw, their selection, the caret after. */
export interface TextEdit extends EditHint {
  readonly before: string;
}

/**
 * Replaces the text of a Y.Text with `next` by the smallest single edit, so concurrent edits
 * elsewhere in the same text merge instead of clashing. Given where the writer acted (`edit`,
 * when the text is still the one they saw), the edit is placed there rather than at the first
 * difference (see changed-range.ts for why that matters to a merge). Returns the edit made.
 */
export function setText(text: Y.Text | Y.XmlText, next: string, edit?: TextEdit): ChangedRange | null {
  const prev = text.toString();
  const range = edit && edit.before === prev ? anchoredRange(prev, next, edit) : changedRange(prev, next);
  if (!range) return null;
  const { start, endPrev, endNext } = range;
  const run = () => {
    if (endPrev > start) text.delete(start, endPrev - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext));
  };
  if (text.doc) text.doc.transact(run);
  else run();
  return range;
}

/** The plain text of one block element (its text children, marks dropped). */
function blockText(el: Y.XmlElement | Y.XmlText): string {
  if (el instanceof Y.XmlText) return deltaText(el);
  let out = '';
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) out += deltaText(child);
    else if (child instanceof Y.XmlElement) out += blockText(child);
  }
  return out;
}

function deltaText(t: Y.XmlText): string {
  return (t.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
}

/** The body's blocks as lines of plain text, one per paragraph or heading. */
export function bodyLines(doc: Y.Doc): string[] {
  return body(doc)
    .toArray()
    .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText)
    .map(blockText);
}

export function bodyText(doc: Y.Doc): string {
  return bodyLines(doc).join('\n\n');
}

function newParagraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  if (text) t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

function paragraphTextNode(el: unknown): Y.XmlText | null {
  if (!(el instanceof Y.XmlElement) || el.nodeName !== 'paragraph') return null;
  const kids = el.toArray();
  if (kids.length === 1 && kids[0] instanceof Y.XmlText) return kids[0];
  return null;
}

/**
 * Sets the body to `lines` (one paragraph each) with the smallest change: unchanged leading
 * and trailing paragraphs are kept, and a single changed plain paragraph is edited in place.
 */
export function setBodyLines(doc: Y.Doc, lines: readonly string[]): void {
  const frag = body(doc);
  const prev = bodyLines(doc);
  let start = 0;
  while (start < prev.length && start < lines.length && prev[start] === lines[start]) start++;
  let endPrev = prev.length;
  let endNext = lines.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === lines[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  if (start === endPrev && start === endNext) return;
  doc.transact(() => {
    if (endPrev - start === 1 && endNext - start === 1) {
      const node = paragraphTextNode(frag.get(start));
      if (node) {
        setText(node, lines[start]!);
        return;
      }
    }
    if (endPrev > start) frag.delete(start, endPrev - start);
    const inserted = lines.slice(start, endNext).map(newParagraph);
    if (inserted.length) frag.insert(start, inserted);
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

function inlineHtml(t: Y.XmlText): string {
  let out = '';
  for (const d of t.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof d.insert !== 'string') continue;
    let html = escapeHtml(d.insert);
    const a = d.attributes ?? {};
    if (a.bold) html = `<strong>${html}</strong>`;
    if (a.italic) html = `<em>${html}</em>`;
    const link = a.link as { href?: unknown } | undefined;
    const href = safeHref(link?.href);
    if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
    out += html;
  }
  return out;
}

const BLOCK_TAGS: Readonly<Record<string, string>> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
};

/** The caption of photo `id` in the article's language, from the document's `photos`. */
function photoCaption(doc: Y.Doc, id: string): string {
  const lang = meta(doc).get('language') === 'en' ? 'en' : 'vi';
  const photo = photos(doc)
    .toArray()
    .find((p) => p.get('id') === id);
  const caps = photo?.get('captions');
  return caps instanceof Y.Map ? registerValue(caps as Y.Map<unknown>, lang) : '';
}

function nodeHtml(node: Y.XmlElement | Y.XmlText, captionOf: (id: string) => string): string {
  if (node instanceof Y.XmlText) return inlineHtml(node);
  if (node.nodeName === 'hardBreak') return '<br>';
  if (node.nodeName === 'photo') {
    // An inline photo of the article (its id is the SHA-256 of the photo), with its caption.
    const id = str(node.getAttribute('id') as unknown);
    if (!id) return '';
    const caption = captionOf(id);
    return `<figure data-photo="${escapeHtml(id)}">${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
  }
  const inner = node
    .toArray()
    .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText)
    .map((n) => nodeHtml(n, captionOf))
    .join('');
  if (node.nodeName === 'heading') {
    const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 2));
    return `<h${level}>${inner}</h${level}>`;
  }
  const tag = BLOCK_TAGS[node.nodeName];
  return tag ? `<${tag}>${inner}</${tag}>` : inner;
}

/**
 * The body as escaped HTML (only known block and mark types; links only http(s)/mailto; photos
 * as `<figure data-photo="<id>">` with their caption in the article's language).
 */
export function bodyHtml(doc: Y.Doc): string {
  const captionOf = (id: string) => photoCaption(doc, id);
  return body(doc)
    .toArray()
    .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText)
    .map((n) => nodeHtml(n, captionOf))
    .join('\n');
}

export interface PhotoView {
  readonly id: string | null;
  readonly captions: Readonly<Record<string, string>>;
  readonly credit: string;
  readonly creator: string;
}

export interface ArticleView {
  readonly id: string;
  readonly language: Language;
  readonly status: Status;
  readonly headline: string;
  readonly sapo: string;
  readonly body: string;
  readonly bodyHtml: string;
  readonly byline: string;
  readonly section: string;
  /** The slug in effect: a person's, or the headline's. */
  readonly slug: string;
  readonly tags: readonly string[];
  readonly createdAt: string;
  /** The story's own date and time: `storyDate`, or `createdAt` when the article has none. */
  readonly storyDate: string;
  readonly trashedAt: string | null;
  readonly photos: readonly PhotoView[];
}

/** The captions a photo has, per language (each a register's effective value). */
function captionsView(caps: Y.Map<unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of ['vi', 'en'] as const) if (candidates(caps, lang).length) out[lang] = registerValue(caps, lang);
  return out;
}

function statusOf(doc: Y.Doc): Status {
  const s = workflow(doc).get('status');
  return (STATUSES as readonly unknown[]).includes(s) ? (s as Status) : 'draft';
}

export function readArticle(doc: Y.Doc): ArticleView {
  const m = meta(doc);
  const lang = m.get('language') === 'en' ? 'en' : 'vi';
  const tags = m.get('tags');
  return {
    id: str(m.get('id')),
    language: lang,
    status: statusOf(doc),
    headline: textOf(doc, 'headline'),
    sapo: textOf(doc, 'sapo'),
    body: bodyText(doc),
    bodyHtml: bodyHtml(doc),
    byline: registerValue(m, 'byline'),
    section: registerValue(m, 'section'),
    slug: slugOf(doc).slug,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    createdAt: str(m.get('createdAt')),
    storyDate: storyDateOf(doc),
    trashedAt: typeof m.get('trashedAt') === 'string' ? (m.get('trashedAt') as string) : null,
    photos: photos(doc)
      .toArray()
      .map((p) => {
        const caps = p.get('captions');
        return {
          id: typeof p.get('id') === 'string' ? (p.get('id') as string) : null,
          captions: caps instanceof Y.Map ? captionsView(caps as Y.Map<unknown>) : {},
          credit: registerValue(p, 'credit'),
          creator: registerValue(p, 'creator'),
        };
      }),
  };
}

/**
 * How many typed fields hold a conflict: headline and lead rewrites, the meta's, and every
 * register of the event, its organisers and participants, the photos and their captions
 * (article-conflicts.ts names them one by one for the checklist; this count for the library
 * needs no names).
 */
function conflictCount(doc: Y.Doc): number {
  let n = (['headline', 'sapo'] as const).filter((f) => rewriteState(doc, f).conflict).length;
  n += META_TEXT_FIELDS.filter((f) => metaRegister(doc, f).conflict).length;
  const event = doc.getMap<unknown>(KEYS.event);
  const maps: Array<Y.Map<unknown>> = [event];
  for (const item of event.values()) if (item instanceof Y.Map) maps.push(item as Y.Map<unknown>);
  for (const entry of photos(doc)) {
    if (!(entry instanceof Y.Map)) continue;
    maps.push(entry);
    const caps = entry.get('captions');
    if (caps instanceof Y.Map) maps.push(caps as Y.Map<unknown>);
  }
  for (const m of maps) n += registerFields(m).filter((f) => readRegister(m, f).conflict).length;
  return n;
}

export function summarize(doc: Y.Doc, updatedAt: string): ArticleSummary {
  const v = readArticle(doc);
  const conflicts = conflictCount(doc);
  const openComments = openCommentCount(doc);
  return {
    id: v.id,
    headline: v.headline,
    sapo: v.sapo.slice(0, 280),
    language: v.language,
    status: v.status,
    section: v.section,
    byline: v.byline,
    createdAt: v.createdAt,
    storyDate: v.storyDate,
    updatedAt,
    trashedAt: v.trashedAt,
    words: countWords(v.headline) + countWords(v.sapo) + countWords(v.body),
    ...(v.tags.length ? { tags: [...v.tags] } : {}),
    ...(conflicts ? { conflicts } : {}),
    ...(openComments ? { openComments } : {}),
    ...translationSummary(doc),
  };
}
