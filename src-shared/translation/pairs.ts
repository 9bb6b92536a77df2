/**
 * The pairs of a translation: each block of the translation tied to a block of its source, and
 * whether it is still in step with it.
 *
 * The translation's document holds, in its map `translationPairs`, one record per translated
 * block, under the block's id (`headline` and `sapo` for the headline and the lead):
 *
 *   { source: the source block's id, hash?: textHash of the source block's text, text?: that text, at?: ISO }
 *
 * `hash` and `text` are written when the translator writes the block (in the side-by-side view)
 * or confirms it: they are what the source said when the translation last matched it. The block
 * is STALE when the source block's text now hashes differently — only a change of the words
 * counts, so formatting, metadata, status, photos, saves and a tone mark moved to the other
 * placement (`hòa` → `hoà`) never mark it — and the stale pair
 * shows the source's word diff from `text` to now. A record without a hash (a block made with
 * the translation and never written) is UNTRANSLATED, as is a source block no record names; a
 * record whose source block was deleted is ORPHANED. A translation block with no record (the
 * translator split a paragraph) belongs with the block before it.
 *
 * One record per block, set whole: two desks confirming one block at once keep one of their
 * two records, and either says the block matched the source it saw.
 */
import * as Y from 'yjs';
import { body, headline, initArticle, meta, photos, sapo, setText } from '../article-doc';
import type { Language } from '../models';
import { restyleText } from '../spell/tones';
import { diffWords, type DiffSegment } from '../text/diff';
import { nfc } from '../text/vietnamese';
import { articleBlocks, BLOCK_ID_ATTR, HEADLINE_BLOCK, newBlockId, SAPO_BLOCK, textHash, writeBlockIds, type Block, type BlockKind } from './blocks';
import { addTranslationLink, setTranslationOf } from './links';

export const PAIRS_KEY = 'translationPairs';

export interface PairRecord {
  readonly source: string;
  readonly hash?: string;
  readonly text?: string;
  readonly at?: string;
}

export type PairState = 'fresh' | 'stale' | 'untranslated' | 'orphaned';

export interface PairBlock {
  readonly id: string;
  readonly kind: BlockKind;
  readonly text: string;
  readonly photo?: string;
}

export interface Pair {
  /** The source block's id (for an orphaned pair: the id its record names, gone from the source). */
  readonly sourceId: string;
  readonly source: PairBlock | null;
  /** The translation's blocks for it, in order (none: not started). */
  readonly targets: readonly PairBlock[];
  readonly state: PairState;
  /** For a stale pair: the source's words from what was translated to what it says now. */
  readonly diff?: readonly DiffSegment[];
  /** When the pair was last written or confirmed. */
  readonly at?: string;
}

export interface TranslationState {
  readonly pairs: readonly Pair[];
  readonly stale: number;
  readonly untranslated: number;
  readonly orphaned: number;
}

export const pairsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(PAIRS_KEY);

export function pairRecord(doc: Y.Doc, blockId: string): PairRecord | null {
  const v = pairsMap(doc).get(blockId) as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object' || typeof v.source !== 'string') return null;
  return {
    source: v.source,
    ...(typeof v.hash === 'string' ? { hash: v.hash } : {}),
    ...(typeof v.text === 'string' ? { text: v.text } : {}),
    ...(typeof v.at === 'string' ? { at: v.at } : {}),
  };
}

/**
 * Whether the text a block was translated from and the source's text now differ only in where
 * their tone marks sit (`hòa`/`hoà`, tones.ts): putting a source in the newsroom's tone style
 * changes no word, so it marks nothing stale.
 */
function sameWords(translated: string | undefined, now: string): boolean {
  return translated !== undefined && restyleText(translated, 'modern') === restyleText(now, 'modern');
}

const view = (b: Block): PairBlock => ({ id: b.id, kind: b.kind, text: b.text, ...(b.photo ? { photo: b.photo } : {}) });

/** Each pair of the translation against its source, in the source's order (orphans where they stand in the translation). */
export function translationState(source: Y.Doc, translation: Y.Doc): TranslationState {
  const sources = articleBlocks(source);
  const targets = articleBlocks(translation);
  const rows: Array<{ sourceId: string; source: Block | null; targets: Block[]; records: PairRecord[] }> = sources.map((b) => ({ sourceId: b.id, source: b, targets: [], records: [] }));
  const rowOf = new Map(rows.map((r, i) => [r.sourceId, i]));
  /** Orphans go after the row of the translation block before them: (row index, rows) in order. */
  const after = new Map<number, typeof rows>();
  let last: (typeof rows)[number] | null = null;
  let lastIndex = -1;
  for (const t of targets) {
    const record = pairRecord(translation, t.id);
    if (!record) {
      if (last) last.targets.push(t);
      else {
        last = { sourceId: '', source: null, targets: [t], records: [] };
        after.set(lastIndex, [...(after.get(lastIndex) ?? []), last]);
      }
      continue;
    }
    const index = rowOf.get(record.source);
    if (index !== undefined) {
      last = rows[index]!;
      lastIndex = index;
      last.targets.push(t);
      last.records.push(record);
    } else {
      last = { sourceId: record.source, source: null, targets: [t], records: [record] };
      after.set(lastIndex, [...(after.get(lastIndex) ?? []), last]);
    }
  }
  const ordered: typeof rows = [...(after.get(-1) ?? [])];
  rows.forEach((r, i) => ordered.push(r, ...(after.get(i) ?? [])));

  const pairs = ordered.map((r): Pair => {
    const base = { sourceId: r.sourceId, source: r.source ? view(r.source) : null, targets: r.targets.map(view) };
    if (!r.source) return { ...base, state: 'orphaned' };
    const written = r.records.find((rec) => rec.hash !== undefined);
    const empty = r.source.kind !== 'photo' && r.targets.every((t) => !t.text.trim());
    if (!written || empty) return { ...base, state: 'untranslated' };
    const at = written.at ? { at: written.at } : {};
    if (written.hash === textHash(r.source.text) || sameWords(written.text, r.source.text)) return { ...base, state: 'fresh', ...at };
    return { ...base, state: 'stale', diff: diffWords(written.text ?? '', r.source.text), ...at };
  });
  return {
    pairs,
    stale: pairs.filter((p) => p.state === 'stale').length,
    untranslated: pairs.filter((p) => p.state === 'untranslated').length,
    orphaned: pairs.filter((p) => p.state === 'orphaned').length,
  };
}

function sourceBlock(source: Y.Doc, id: string): Block | null {
  return articleBlocks(source).find((b) => b.id === id) ?? null;
}

/**
 * The translation block `blockId` matches its source as it is now (written or confirmed): its
 * record takes the source block's hash and text. False when the block or its source is gone.
 */
export function confirmBlock(source: Y.Doc, translation: Y.Doc, blockId: string, at: string): boolean {
  const record = pairRecord(translation, blockId);
  if (!record) return false;
  const from = sourceBlock(source, record.source);
  if (!from) return false;
  translation.transact(() => pairsMap(translation).set(blockId, { source: record.source, hash: textHash(from.text), text: from.text, at }));
  return true;
}

/**
 * Writes the text of translation block `blockId` (the headline, the lead or a body block of
 * plain text) by the smallest edit, and records that it matches its source now. A body block
 * holding more than one run of text (a list, a quote) is not written here: false.
 */
export function writeBlock(source: Y.Doc, translation: Y.Doc, blockId: string, text: string, at: string): boolean {
  const next = nfc(text);
  let target: Y.Text | Y.XmlText;
  if (blockId === HEADLINE_BLOCK) target = headline(translation);
  else if (blockId === SAPO_BLOCK) target = sapo(translation);
  else {
    const el = body(translation)
      .toArray()
      .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute(BLOCK_ID_ATTR) === blockId);
    if (!el || (el.nodeName !== 'paragraph' && el.nodeName !== 'heading')) return false;
    const kids = el.toArray();
    if (kids.length === 0) {
      const t = new Y.XmlText();
      translation.transact(() => el.insert(0, [t]));
      target = t;
    } else if (kids.length === 1 && kids[0] instanceof Y.XmlText) target = kids[0];
    else return false;
  }
  const into = target;
  translation.transact(() => {
    setText(into, next);
    if (pairRecord(translation, blockId)) confirmBlock(source, translation, blockId, at);
  });
  return true;
}

export interface NewTranslation {
  readonly id: string;
  readonly language: Language;
  readonly createdAt: string;
  readonly byline?: string;
  readonly section?: string;
}

/**
 * Makes `translation` (a new, empty document) the translation of `source`: the source's
 * structure with every block linked and empty — a heading for a heading, the same photos — so
 * nothing of the source's language is ever exported as the translation's, and an empty block
 * reads as "not translated yet" rather than as a finished one. Writes the ids of the source's
 * blocks into it and the link to the translation into its meta (both in `source`).
 */
export function createTranslation(source: Y.Doc, translation: Y.Doc, init: NewTranslation): void {
  writeBlockIds(source);
  const sourceId = meta(source).get('id') as string;
  const sourceLanguage: Language = meta(source).get('language') === 'en' ? 'en' : 'vi';
  initArticle(translation, { id: init.id, language: init.language, createdAt: init.createdAt, byline: init.byline ?? '', section: init.section ?? '' });
  translation.transact(() => {
    setTranslationOf(translation, { id: sourceId, language: sourceLanguage });
    const pairs = pairsMap(translation);
    pairs.set(HEADLINE_BLOCK, { source: HEADLINE_BLOCK });
    pairs.set(SAPO_BLOCK, { source: SAPO_BLOCK });
    for (const p of photos(source)) if (p instanceof Y.Map) photos(translation).push([p.clone()]);
    const made: Y.XmlElement[] = [];
    for (const b of articleBlocks(source)) {
      if (!b.element) continue;
      const id = newBlockId();
      const el = new Y.XmlElement(b.kind === 'heading' || b.kind === 'photo' ? b.kind : 'paragraph');
      if (b.kind === 'heading') el.setAttribute('level', (b.element.getAttribute('level') as string | undefined) ?? '2');
      if (b.kind === 'photo' && b.photo) el.setAttribute('id', b.photo);
      el.setAttribute(BLOCK_ID_ATTR, id);
      made.push(el);
      // A photo has no words to translate: in step from the start (its caption is the photo's, per language).
      pairs.set(id, b.kind === 'photo' ? { source: b.id, hash: textHash(''), text: '', at: init.createdAt } : { source: b.id });
    }
    if (made.length) body(translation).insert(0, made);
  });
  addTranslationLink(source, init.language, init.id, init.createdAt);
}

/**
 * Adds an empty paragraph to the translation for source block `sourceId` (a block the source
 * gained after the translation was made), after translation block `afterId` (at the start when
 * null). Returns the new block's id.
 */
export function addTargetBlock(translation: Y.Doc, sourceId: string, afterId: string | null): string {
  const id = newBlockId();
  translation.transact(() => {
    const frag = body(translation);
    const nodes = frag.toArray();
    const at = afterId === null ? 0 : nodes.findIndex((n) => n instanceof Y.XmlElement && n.getAttribute(BLOCK_ID_ATTR) === afterId) + 1;
    const el = new Y.XmlElement('paragraph');
    el.setAttribute(BLOCK_ID_ATTR, id);
    frag.insert(at > 0 ? at : afterId === null ? 0 : frag.length, [el]);
    pairsMap(translation).set(id, { source: sourceId });
  });
  return id;
}

/** Whether translation block `blockId` is plain text that `writeBlock` writes (the headline, the lead, a paragraph or heading of one run). */
export function isPlainBlock(translation: Y.Doc, blockId: string): boolean {
  if (blockId === HEADLINE_BLOCK || blockId === SAPO_BLOCK) return true;
  const el = body(translation)
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute(BLOCK_ID_ATTR) === blockId);
  if (!el || (el.nodeName !== 'paragraph' && el.nodeName !== 'heading')) return false;
  const kids = el.toArray();
  return kids.length === 0 || (kids.length === 1 && kids[0] instanceof Y.XmlText);
}
