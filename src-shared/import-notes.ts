/**
 * What an import recognised in a copy of a web page and took out of the text (import/web-copy.ts):
 * the page's masthead, weather and menu lines before the headline and its footer after the
 * body (dropped), the date line (read as the story's date) and the short last line (taken as
 * the byline). The article keeps this in its meta as `importNotes`, so the article page can
 * say what was done and the writer can undo each part: the lines come back as body text.
 */
import * as Y from 'yjs';
import { body, meta, metaRegister, setStoryDate, writeMeta } from './article-doc';
import { newSession } from './register';

export const IMPORT_NOTES_KEY = 'importNotes';

export interface ImportNotes {
  /** Lines before the headline that belong to the page, not the story. */
  readonly dropped: readonly string[];
  /** Lines after the body that belong to the page ("Ý kiến bạn đọc"…). */
  readonly footer: readonly string[];
  /** The date line as written, read as the story's date. */
  readonly dateLine: string | null;
  /** The last line, taken as the byline. */
  readonly byline: string | null;
}

export type ImportNotePart = 'dropped' | 'dateLine' | 'byline';

export const NO_NOTES: ImportNotes = { dropped: [], footer: [], dateLine: null, byline: null };

export function hasNotes(notes: ImportNotes): boolean {
  return notes.dropped.length > 0 || notes.footer.length > 0 || notes.dateLine !== null || notes.byline !== null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The article's import notes (none when it was not a web copy, or every part was undone). */
export function readImportNotes(doc: Y.Doc): ImportNotes {
  const v = meta(doc).get(IMPORT_NOTES_KEY);
  if (typeof v !== 'object' || v === null) return NO_NOTES;
  const o = v as Record<string, unknown>;
  return { dropped: strings(o.dropped), footer: strings(o.footer), dateLine: stringOrNull(o.dateLine), byline: stringOrNull(o.byline) };
}

export function writeImportNotes(doc: Y.Doc, notes: ImportNotes): void {
  const m = meta(doc);
  if (hasNotes(notes)) m.set(IMPORT_NOTES_KEY, { dropped: [...notes.dropped], footer: [...notes.footer], dateLine: notes.dateLine, byline: notes.byline });
  else if (m.has(IMPORT_NOTES_KEY)) m.delete(IMPORT_NOTES_KEY);
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

/**
 * Undoes one part of what the import did, as one change: the dropped lines come back at the
 * top of the body (the footer at its end), the date line at the top of the body with the story
 * dated at its creation again, the byline as the body's last paragraph (the byline field
 * emptied if it still holds that line). The note of that part is then gone.
 */
export function undoImportNote(doc: Y.Doc, part: ImportNotePart): void {
  const notes = readImportNotes(doc);
  const frag = body(doc);
  doc.transact(() => {
    if (part === 'dropped') {
      if (notes.dropped.length) frag.insert(0, notes.dropped.map(paragraph));
      if (notes.footer.length) frag.insert(frag.length, notes.footer.map(paragraph));
      writeImportNotes(doc, { ...notes, dropped: [], footer: [] });
    } else if (part === 'dateLine') {
      if (!notes.dateLine) return;
      setStoryDate(doc, null);
      frag.insert(0, [paragraph(notes.dateLine)]);
      writeImportNotes(doc, { ...notes, dateLine: null });
    } else {
      if (!notes.byline) return;
      if (metaRegister(doc, 'byline').value === notes.byline) writeMeta(doc, 'byline', '', newSession());
      frag.insert(frag.length, [paragraph(notes.byline)]);
      writeImportNotes(doc, { ...notes, byline: null });
    }
  });
}
