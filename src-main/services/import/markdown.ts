/** `.md` → clean blocks: the text is decoded like a .txt, marked turns it into HTML, which is then cleaned like a paste. */
import { marked } from 'marked';
import type { Block } from '../../../src-shared/html/blocks';
import { cleanBlocks } from '../../../src-shared/html/clean';
import { decodeText } from '../../../src-shared/text/legacy';

export function markdownBlocks(bytes: Uint8Array): Block[] {
  const html = marked.parse(decodeText(bytes), { async: false, gfm: true });
  return cleanBlocks(html, { detect: false });
}
