/**
 * Pasted or imported HTML (Word, web pages, mail) → the small, safe HTML the article body
 * holds: h2/h3 headings, paragraphs, lists, blockquotes, bold, italic, http(s)/mailto links and
 * line breaks. DOM-free (htmlparser2), so main and the renderer clean the same way.
 *
 * - Scripts, styles, forms, frames, objects, SVG and the document head go with their content;
 *   every attribute but a link's href is dropped, and tracking parameters leave the links.
 * - Word's HTML: `<o:p>`, conditional comments and `mso-*` styles go; list paragraphs
 *   (`MsoListParagraph…`, `mso-list:`) become list items; bold and italic written as
 *   `font-weight`/`font-style` spans are kept.
 * - Runs in a legacy Vietnamese font (`.VnTime`, `.VnArialH`, `VNI-Times`…) are converted from
 *   TCVN3 or VNI; text with no font that is clearly legacy as a whole is converted too.
 * - Everything comes out NFC and escaped.
 */
import { parseDocument } from 'htmlparser2';
import { detectLegacy, fromLegacy, type LegacyEncoding } from '../text/legacy';
import { nfc } from '../text/vietnamese';
import { blocksToHtml, type Block, type Run, type TextRun } from './blocks';
import { cleanHref } from './links';

type Doc = ReturnType<typeof parseDocument>;
type Node = Doc['children'][number];
type El = Extract<Node, { attribs: Record<string, string> }>;

function isEl(node: Node): node is El {
  return 'attribs' in node;
}

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'script', 'style', 'head', 'title', 'meta', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'form', 'input', 'button', 'select', 'textarea', 'option', 'noscript', 'template', 'canvas', 'audio', 'video', 'xml', 'o:p',
  'img', 'picture', 'map', 'param', 'base',
]);

/** Elements that hold blocks: their loose text becomes paragraphs. */
const CONTAINERS = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'address', 'details', 'summary', 'fieldset',
]);

interface Context {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly href: string | null;
  readonly legacy: LegacyEncoding | null;
  readonly capitals: boolean;
}

function styleOf(el: El): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const decl of (el.attribs['style'] ?? '').split(';')) {
    const i = decl.indexOf(':');
    if (i > 0) map.set(decl.slice(0, i).trim().toLowerCase(), decl.slice(i + 1).trim());
  }
  return map;
}

/** A font name → its legacy encoding, and whether it is a capitals font (TCVN3 `.Vn…H`). */
export function legacyFont(family: string): { readonly encoding: LegacyEncoding | null; readonly capitals: boolean } {
  const first = (family.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '').trim();
  if (/^\.vn/i.test(first)) return { encoding: 'tcvn3', capitals: /H$/.test(first.replace(/\s+/g, '')) };
  if (/^vni[-\s]/i.test(first)) return { encoding: 'vni', capitals: false };
  return { encoding: null, capitals: false };
}

function derive(ctx: Context, el: El): Context {
  let { bold, italic, href, legacy, capitals } = ctx;
  const name = el.name;
  if (name === 'b' || name === 'strong') bold = true;
  if (name === 'i' || name === 'em' || name === 'cite') italic = true;
  if (name === 'a') href = cleanHref(el.attribs['href'] ?? '') ?? href;
  const style = styleOf(el);
  const weight = style.get('font-weight')?.toLowerCase();
  if (weight !== undefined) {
    if (/^(bold|bolder|[6-9]00)$/.test(weight)) bold = true;
    else if (/^(normal|lighter|[1-4]00)$/.test(weight)) bold = false;
  }
  const fontStyle = style.get('font-style')?.toLowerCase();
  if (fontStyle === 'italic' || fontStyle === 'oblique') italic = true;
  else if (fontStyle === 'normal') italic = false;
  const family = style.get('font-family') ?? (name === 'font' ? el.attribs['face'] : undefined);
  if (family !== undefined && family.trim()) {
    const font = legacyFont(family);
    legacy = font.encoding;
    capitals = font.capitals;
  }
  return { bold, italic, href, legacy, capitals };
}

function textOf(node: Node): string {
  if (node.type === 'text') return node.data;
  if (isEl(node) && (DROPPED.has(node.name) || isListMarker(node))) return '';
  if ('children' in node) return node.children.map(textOf).join(node.type === 'root' ? '' : ' ');
  return '';
}

function rawText(node: Node): string {
  if (node.type === 'text') return node.data;
  return 'children' in node ? node.children.map(rawText).join('') : '';
}

/** Word's list bullet (`<span style="mso-list:Ignore">1.</span>`): never text of the item. */
function isListMarker(el: El): boolean {
  return /mso-list:\s*ignore/i.test(el.attribs['style'] ?? '');
}

function isWordListParagraph(el: El): boolean {
  if (el.name !== 'p') return false;
  return /msolistparagraph/i.test(el.attribs['class'] ?? '') || /mso-list:\s*l\d/i.test(el.attribs['style'] ?? '');
}

function markerText(el: El): string {
  for (const child of el.children) {
    if (isEl(child)) {
      if (isListMarker(child)) return rawText(child).replace(/\s+/g, '');
      const inner = markerText(child);
      if (inner) return inner;
    }
  }
  return '';
}

const ORDERED_MARKER = /^(\d+|[a-z]|[ivxlcdm]+)[.)]$/i;

function convert(text: string, ctx: Context): string {
  return ctx.legacy ? fromLegacy(text, ctx.legacy, { capitals: ctx.capitals }) : nfc(text);
}

function collectInline(nodes: readonly Node[], ctx: Context, runs: Run[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      runs.push({ kind: 'text', text: convert(node.data, ctx), bold: ctx.bold, italic: ctx.italic, href: ctx.href });
      continue;
    }
    if (!isEl(node) || DROPPED.has(node.name) || isListMarker(node)) continue;
    if (node.name === 'br') {
      runs.push({ kind: 'break' });
      continue;
    }
    collectInline(node.children, derive(ctx, node), runs);
  }
}

/** Collapses white space as HTML shows it, trims the block's edges and around line breaks. */
function tidyRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  let atStart = true;
  for (const run of runs) {
    if (run.kind === 'break') {
      trimEnd(out);
      if (!atStart) out.push(run);
      atStart = true;
      continue;
    }
    let text = run.text.replace(/[\s\u00a0]+/g, ' ');
    if (atStart || endsWithSpace(out)) text = text.replace(/^ /, '');
    if (!text) continue;
    out.push({ ...run, text });
    atStart = false;
  }
  trimEnd(out);
  while (out[out.length - 1]?.kind === 'break') out.pop();
  return out;
}

function endsWithSpace(runs: readonly Run[]): boolean {
  const last = runs[runs.length - 1];
  return last?.kind === 'text' && last.text.endsWith(' ');
}

function trimEnd(runs: Run[]): void {
  const last = runs[runs.length - 1];
  if (last?.kind !== 'text') return;
  const text = last.text.replace(/ $/, '');
  if (text) runs[runs.length - 1] = { ...last, text } satisfies TextRun;
  else runs.pop();
}

/** Gathers blocks; loose inline content between blocks becomes a paragraph. */
class BlockSink {
  readonly blocks: Block[] = [];
  private loose: Run[] = [];

  inline(run: readonly Run[]): void {
    this.loose.push(...run);
  }

  flush(): void {
    const runs = tidyRuns(this.loose);
    this.loose = [];
    if (runs.length) this.blocks.push({ kind: 'paragraph', runs });
  }

  push(block: Block): void {
    this.flush();
    this.blocks.push(block);
  }
}

interface WordItem {
  readonly ordered: boolean;
  readonly runs: readonly Run[];
}

function walkBlocks(nodes: readonly Node[], ctx: Context, sink: BlockSink): void {
  let wordList: WordItem[] = [];
  const endWordList = () => {
    if (!wordList.length) return;
    sink.push({ kind: 'list', ordered: wordList[0]!.ordered, items: wordList.map((item) => [{ kind: 'paragraph', runs: item.runs }]) });
    wordList = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.data.trim()) endWordList();
      const runs: Run[] = [];
      collectInline([node], ctx, runs);
      sink.inline(runs);
      continue;
    }
    if (!isEl(node) || DROPPED.has(node.name)) continue;
    const name = node.name;
    const inner = derive(ctx, node);
    if (isWordListParagraph(node)) {
      sink.flush();
      const runs: Run[] = [];
      collectInline(node.children, inner, runs);
      const tidy = tidyRuns(runs);
      const ordered = ORDERED_MARKER.test(markerText(node));
      if (tidy.length) {
        if (wordList.length && wordList[0]!.ordered !== ordered) endWordList();
        wordList.push({ ordered, runs: tidy });
      }
      continue;
    }
    endWordList();
    const heading = /^h([1-6])$/.exec(name);
    if (heading || name === 'p' || name === 'pre') {
      const runs: Run[] = [];
      collectInline(node.children, inner, runs);
      const tidy = tidyRuns(runs);
      sink.flush();
      if (!tidy.length) continue;
      const level = heading ? (Number(heading[1]) <= 2 ? 2 : 3) : /msotitle/i.test(node.attribs['class'] ?? '') ? 2 : null;
      sink.push(level ? { kind: 'heading', level, runs: tidy } : { kind: 'paragraph', runs: tidy });
    } else if (name === 'ul' || name === 'ol') {
      const items: Block[][] = [];
      for (const child of node.children) {
        const itemSink = new BlockSink();
        if (isEl(child) && child.name === 'li') walkBlocks(child.children, derive(inner, child), itemSink);
        else walkBlocks([child], inner, itemSink);
        itemSink.flush();
        if (itemSink.blocks.length) items.push(itemSink.blocks);
      }
      if (items.length) sink.push({ kind: 'list', ordered: name === 'ol', items });
    } else if (name === 'blockquote') {
      const quoteSink = new BlockSink();
      walkBlocks(node.children, inner, quoteSink);
      quoteSink.flush();
      if (quoteSink.blocks.length) sink.push({ kind: 'blockquote', blocks: quoteSink.blocks });
    } else if (CONTAINERS.has(name) || name === 'li' || name === 'hr') {
      sink.flush();
      walkBlocks(node.children, inner, sink);
      sink.flush();
    } else if (name === 'br') {
      sink.inline([{ kind: 'break' }]);
    } else {
      const runs: Run[] = [];
      collectInline([node], ctx, runs);
      sink.inline(runs);
    }
  }
  endWordList();
}

/**
 * The blocks of cleaned HTML (see the module's comment). `detect: false` skips the whole-text
 * legacy detection (for HTML that is known to be Unicode already, like our own clean output).
 */
export function cleanBlocks(html: string, options: { readonly detect?: boolean } = {}): Block[] {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const legacy = options.detect === false ? null : detectLegacy(textOf(doc));
  const sink = new BlockSink();
  walkBlocks(doc.children, { bold: false, italic: false, href: null, legacy, capitals: false }, sink);
  sink.flush();
  return sink.blocks;
}

export function cleanHtml(html: string): string {
  return blocksToHtml(cleanBlocks(html));
}
