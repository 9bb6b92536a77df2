/**
 * Import of a file into a new article: `.docx` (mammoth), `.md` (marked), `.txt` and `.html`
 * (a saved web page), with the same text care as a paste — NFC, legacy TCVN3/VNI detected and
 * converted, HTML cleaned. A .txt or .html copied from a news site loses the page around the
 * story (web-copy.ts): its date line becomes the story's date, its last short line the byline,
 * and the article notes what was taken so each can be undone. A file that is too large, of an
 * unknown kind, or not what its extension says is refused before anything is created.
 */
import { headline, sapo, setBodyLines, setText, body } from '../../../src-shared/article-doc';
import { blockText } from '../../../src-shared/html/blocks';
import { cleanBlocks } from '../../../src-shared/html/clean';
import { NO_NOTES, writeImportNotes, type ImportNotes } from '../../../src-shared/import-notes';
import { DeskError, assertNever } from '../../../src-shared/errors';
import { blocksToBody } from '../../../src-shared/html/to-body';
import type { ArticleSummary, Language } from '../../../src-shared/models';
import { parsePlainArticle } from '../../../src-shared/plain-article';
import { newsroomIso } from '../../../src-shared/story-date';
import { decodeText } from '../../../src-shared/text/legacy';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { Articles } from '../articles';
import { docxBlocks } from './docx';
import { checkSize, checkText, formatOf } from './limits';
import { markdownBlocks } from './markdown';
import { storyFromBlocks } from './story';
import { readWebCopy } from './web-copy';

export interface ImportRequest {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly language: Language;
}

export async function importArticle(articles: Articles, request: ImportRequest): Promise<ArticleSummary> {
  const file = nfc(request.name.split(/[\\/]/).pop() ?? request.name);
  const format = formatOf(file);
  checkSize(file, request.bytes.length);
  switch (format) {
    case 'txt': {
      checkText(file, request.bytes, 'text (.txt)');
      const lines = nfc(decodeText(request.bytes).replace(/^\uFEFF/, '')).split(/\r\n?|\n/);
      const web = readWebCopy(lines, (l) => l, false);
      const story = parsePlainArticle(web.items.join('\n'));
      if (!story.headline) throw new DeskError('fileEmpty', { file });
      const storyDate = web.storyDate ?? story.dateline;
      return articles.create({ language: request.language, ...importedMeta(web.notes, storyDate) }, (doc) => {
        setText(headline(doc), story.headline);
        setText(sapo(doc), story.sapo);
        setBodyLines(doc, story.body);
        writeImportNotes(doc, web.notes);
      });
    }
    case 'docx':
    case 'md':
    case 'html': {
      if (format !== 'docx') checkText(file, request.bytes, format === 'md' ? 'Markdown (.md)' : 'HTML (.html)');
      const blocks = format === 'docx' ? await docxBlocks(request.bytes, file) : format === 'md' ? markdownBlocks(request.bytes) : cleanBlocks(decodeText(request.bytes));
      // A saved web page is read for the page around the story; a document is the story alone.
      const web = format === 'html' ? readWebCopy(blocks, blockText, true) : { items: blocks, notes: NO_NOTES, storyDate: null };
      const story = storyFromBlocks(web.items);
      if (!story.headline) throw new DeskError('fileEmpty', { file });
      return articles.create({ language: request.language, ...importedMeta(web.notes, web.storyDate) }, (doc) => {
        setText(headline(doc), story.headline);
        setText(sapo(doc), story.sapo);
        blocksToBody(story.body, body(doc));
        writeImportNotes(doc, web.notes);
      });
    }
    default:
      return assertNever(format);
  }
}

/** The byline and story date an import read off a web copy (the desk's creation time stays now). */
function importedMeta(notes: ImportNotes, storyDate: string | null): { byline?: string; storyDate?: string } {
  return { ...(notes.byline ? { byline: notes.byline } : {}), ...(storyDate ? { storyDate: newsroomIso(storyDate) } : {}) };
}
