/**
 * The texts of an article's document made what every entrance makes them (clean(): NFC, no
 * control characters), for documents that received text some other way: a window's raw Yjs
 * update. Only strings that change are rewritten, each by the smallest edit of its run, keeping
 * its formatting; `workflow` is never touched (no desk writes it).
 */
import * as Y from 'yjs';
import { KEYS } from './article-doc';
import { changedRange } from './text/changed-range';
import { clean } from './text/controls';

/** A combining mark at the start of an inserted string can compose with the letter before it. */
const STARTS_WITH_MARK = /^\p{M}/u;

const dirty = (s: string): boolean => clean(s) !== s || STARTS_WITH_MARK.test(s);

function anyDirty(value: unknown): boolean {
  if (typeof value === 'string') return dirty(value);
  if (Array.isArray(value)) return value.some(anyDirty);
  if (value && typeof value === 'object') return Object.values(value).some(anyDirty);
  return false;
}

/** Whether an update inserts any text that clean() would change (decoded, not applied); true when it cannot tell. */
export function updateNeedsCleaning(update: Uint8Array): boolean {
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return true;
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentString && dirty(content.str)) return true;
    if ((content instanceof Y.ContentAny || content instanceof Y.ContentJSON) && anyDirty(content.getContent())) return true;
    if (content instanceof Y.ContentEmbed && anyDirty(content.embed)) return true;
  }
  return false;
}

function deepClean(value: unknown): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map(deepClean);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepClean(v)]));
  }
  return value;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function cleanText(text: Y.Text | Y.XmlText): void {
  let at = 0;
  for (const run of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof run.insert !== 'string') {
      at += 1;
      continue;
    }
    const prev = run.insert;
    const next = clean(prev);
    const range = changedRange(prev, next);
    if (range) {
      text.delete(at + range.start, range.endPrev - range.start);
      if (range.endNext > range.start) text.insert(at + range.start, next.slice(range.start, range.endNext), run.attributes ?? {});
    }
    at += next.length;
  }
}

function cleanType(type: unknown): void {
  if (type instanceof Y.XmlText || type instanceof Y.Text) cleanText(type);
  else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) type.toArray().forEach(cleanType);
  else if (type instanceof Y.Map) {
    for (const [key, value] of [...(type as Y.Map<unknown>).entries()]) {
      if (value instanceof Y.AbstractType) cleanType(value);
      else {
        const next = deepClean(value);
        if (!same(next, value)) type.set(key, next);
      }
    }
  } else if (type instanceof Y.Array) {
    const items = (type as Y.Array<unknown>).toArray();
    items.forEach((value, i) => {
      if (value instanceof Y.AbstractType) cleanType(value);
      else {
        const next = deepClean(value);
        if (same(next, value)) return;
        type.delete(i, 1);
        type.insert(i, [next]);
      }
    });
  }
}

/** Cleans the texts of the article, the body's too unless told not to (one transaction, with `origin`). */
export function cleanArticleText(doc: Y.Doc, options: { body: boolean }, origin?: unknown): void {
  doc.transact(() => {
    cleanType(doc.getText(KEYS.headline));
    cleanType(doc.getText(KEYS.sapo));
    if (options.body) cleanType(doc.getXmlFragment(KEYS.body));
    cleanType(doc.getMap(KEYS.meta));
    cleanType(doc.getArray(KEYS.photos));
    cleanType(doc.getMap(KEYS.event));
  }, origin);
}
