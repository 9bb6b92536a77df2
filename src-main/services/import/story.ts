/**
 * A story from a rich document (.docx, .md): its blocks become the article's fields.
 *
 * The rule: the first heading or paragraph is the headline; the block right after it, when it
 * is a paragraph, is the lead (sa-pô); every block after those is the body. Blocks before the
 * headline (a list or a quote opening the file) stay at the top of the body.
 */
import { blockText, type Block } from '../../../src-shared/html/blocks';
import { nfc } from '../../../src-shared/text/vietnamese';

export interface RichStory {
  readonly headline: string;
  readonly sapo: string;
  readonly body: readonly Block[];
}

export function storyFromBlocks(blocks: readonly Block[]): RichStory {
  const at = blocks.findIndex((b) => b.kind === 'heading' || b.kind === 'paragraph');
  if (at < 0) return { headline: '', sapo: '', body: blocks };
  const headline = nfc(blockText(blocks[at]!).trim());
  const next = blocks[at + 1];
  const hasLead = next?.kind === 'paragraph';
  const sapo = hasLead ? nfc(blockText(next).trim()) : '';
  return { headline, sapo, body: [...blocks.slice(0, at), ...blocks.slice(at + (hasLead ? 2 : 1))] };
}
