/**
 * Import of a file into a new article: `.docx` (mammoth), `.md` (marked) and `.txt`, with the
 * same text care as a paste — NFC, legacy TCVN3/VNI detected and converted, HTML cleaned. A
 * file that is too large, of an unknown kind, or not what its extension says is refused before
 * anything is created.
 */
import { headline, sapo, setBodyLines, setText, body } from '../../../src-shared/article-doc';
import { DeskError, assertNever } from '../../../src-shared/errors';
import { blocksToBody } from '../../../src-shared/html/to-body';
import type { ArticleSummary, Language } from '../../../src-shared/models';
import { parsePlainArticle } from '../../../src-shared/plain-article';
import { decodeText } from '../../../src-shared/text/legacy';
import { nfc } from '../../../src-shared/text/vietnamese';
import type { Articles } from '../articles';
import { docxBlocks } from './docx';
import { checkSize, checkText, formatOf } from './limits';
import { markdownBlocks } from './markdown';
import { storyFromBlocks } from './story';

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
      const story = parsePlainArticle(decodeText(request.bytes));
      if (!story.headline) throw new DeskError('fileEmpty', { file });
      return articles.create({ language: request.language, ...(story.dateline ? { createdAt: story.dateline } : {}) }, (doc) => {
        setText(headline(doc), story.headline);
        setText(sapo(doc), story.sapo);
        setBodyLines(doc, story.body);
      });
    }
    case 'docx':
    case 'md': {
      if (format === 'md') checkText(file, request.bytes, 'Markdown (.md)');
      const blocks = format === 'docx' ? await docxBlocks(request.bytes, file) : markdownBlocks(request.bytes);
      const story = storyFromBlocks(blocks);
      if (!story.headline) throw new DeskError('fileEmpty', { file });
      return articles.create({ language: request.language }, (doc) => {
        setText(headline(doc), story.headline);
        setText(sapo(doc), story.sapo);
        blocksToBody(story.body, body(doc));
      });
    }
    default:
      return assertNever(format);
  }
}
