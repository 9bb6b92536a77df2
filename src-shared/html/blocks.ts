/**
 * The article body's shape as plain data: what the HTML cleaner produces and what the importer
 * splits into headline, lead and body. Serialised as the small HTML subset the body accepts.
 */
import { escapeHtml } from '../article-doc';
import { assertNever } from '../errors';

export interface TextRun {
  readonly kind: 'text';
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly href: string | null;
}
export interface BreakRun {
  readonly kind: 'break';
}
export type Run = TextRun | BreakRun;

export type Block =
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[] }
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly runs: readonly Run[] }
  | { readonly kind: 'blockquote'; readonly blocks: readonly Block[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: ReadonlyArray<readonly Block[]> };

/** The plain text of a block (line breaks as spaces). */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return block.runs.map((r) => (r.kind === 'text' ? r.text : ' ')).join('');
    case 'blockquote':
      return block.blocks.map(blockText).join(' ');
    case 'list':
      return block.items.map((item) => item.map(blockText).join(' ')).join(' ');
    default:
      return assertNever(block);
  }
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href;
}

export function runsToHtml(runs: readonly Run[]): string {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (run.kind === 'text' && last?.kind === 'text' && sameMarks(last, run)) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push(run);
  }
  return merged
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = escapeHtml(run.text);
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.href) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

export function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${runsToHtml(block.runs)}</p>`;
    case 'heading':
      return `<h${block.level}>${runsToHtml(block.runs)}</h${block.level}>`;
    case 'blockquote':
      return `<blockquote>${block.blocks.map(blockToHtml).join('')}</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${item.map(blockToHtml).join('')}</li>`).join('')}</${tag}>`;
    }
    default:
      return assertNever(block);
  }
}

export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks.map(blockToHtml).join('\n');
}
