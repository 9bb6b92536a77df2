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

/** Cleans a text run by run (or, with `fix` false, only looks); returns whether anything needed it. */
function cleanText(text: Y.Text | Y.XmlText, fix: boolean): boolean {
  let found = false;
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
      found = true;
      if (!fix) return true;
      text.delete(at + range.start, range.endPrev - range.start);
      if (range.endNext > range.start) text.insert(at + range.start, next.slice(range.start, range.endNext), run.attributes ?? {});
    }
    at += next.length;
  }
  return found;
}

function cleanType(type: unknown, fix: boolean): boolean {
  let found = false;
  if (type instanceof Y.XmlText || type instanceof Y.Text) return cleanText(type, fix);
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    for (const child of type.toArray()) if (cleanType(child, fix)) found = true;
  } else if (type instanceof Y.Map) {
    for (const [key, value] of [...(type as Y.Map<unknown>).entries()]) {
      if (value instanceof Y.AbstractType) {
        if (cleanType(value, fix)) found = true;
        continue;
      }
      const next = deepClean(value);
      if (same(next, value)) continue;
      found = true;
      if (fix) type.set(key, next);
    }
  } else if (type instanceof Y.Array) {
    (type as Y.Array<unknown>).toArray().forEach((value, i) => {
      if (value instanceof Y.AbstractType) {
        if (cleanType(value, fix)) found = true;
        return;
      }
      const next = deepClean(value);
      if (same(next, value)) return;
      found = true;
      if (!fix) return;
      type.delete(i, 1);
      type.insert(i, [next]);
    });
  }
  return found;
}

function roots(doc: Y.Doc, options: { body: boolean }): unknown[] {
  return [doc.getText(KEYS.headline), doc.getText(KEYS.sapo), ...(options.body ? [doc.getXmlFragment(KEYS.body)] : []), doc.getMap(KEYS.meta), doc.getArray(KEYS.photos), doc.getMap(KEYS.event)];
}

/** Whether cleanArticleText would change anything (it changes nothing itself). */
export function articleNeedsCleaning(doc: Y.Doc, options: { body: boolean }): boolean {
  return roots(doc, options).some((root) => cleanType(root, false));
}

/** Cleans the texts of the article, the body's too unless told not to (one transaction, with `origin`). */
export function cleanArticleText(doc: Y.Doc, options: { body: boolean }, origin?: unknown): void {
  doc.transact(() => {
    for (const root of roots(doc, options)) cleanType(root, true);
  }, origin);
}
