/**
 * The body's suggestion marks (src-shared/suggestions.ts says what each means and how it is
 * stored). Each excludes itself, so y-tiptap keeps it as one plain formatting attribute and
 * the anchored sync can place typed text carrying it. None is inclusive: typing at the end of
 * a suggestion while not suggesting writes plain text.
 *
 * Shown as <ins>/<del>/<span> with a class per author (one of six colours, the same for one
 * name on every desk) and a title naming the author and time; the colours are in editor.css.
 */
import { Mark } from '@tiptap/core';
import { formatDateTime } from '../../../../src-shared/format';
import { SUGGEST_DELETE, SUGGEST_FORMAT, SUGGEST_INSERT, suggestionAttrs } from '../../../../src-shared/suggestions';

export const AUTHOR_COLOURS = 6;

/** The colour slot of an author: a small hash of the name, the same on every desk. */
export function authorColour(author: string): number {
  let h = 7;
  for (const ch of author) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h % AUTHOR_COLOURS;
}

export interface SuggestionMarkOptions {
  /** How a suggestion's author is named to the reader ('' is this desk without a login). */
  readonly authorName: (author: string) => string;
}

const attributes = {
  id: { default: '' },
  author: { default: '' },
  at: { default: 0 },
};

function titleOf(attrs: Record<string, unknown>, options: SuggestionMarkOptions): string {
  const a = suggestionAttrs(attrs);
  if (!a) return '';
  return `${options.authorName(a.author)}, ${formatDateTime(new Date(a.at))}`;
}

function suggestionMark(name: string, tag: 'ins' | 'del' | 'span', kind: string, extra: Record<string, { default: unknown }> = {}) {
  return Mark.create<SuggestionMarkOptions>({
    name,
    inclusive: false,
    // Kept apart from the text's own marks when the desk's HTML is parsed: never pasted in.
    parseHTML: () => [],
    addOptions: () => ({ authorName: (author: string) => author }),
    addAttributes: () => ({ ...attributes, ...extra }),
    renderHTML({ mark }) {
      const author = typeof mark.attrs.author === 'string' ? mark.attrs.author : '';
      return [
        tag,
        {
          class: `suggestion suggestion--${kind} suggestion--c${authorColour(author)}`,
          'data-suggestion': String(mark.attrs.id),
          title: titleOf(mark.attrs, this.options),
        },
        0,
      ];
    },
  });
}

export const SuggestInsertMark = suggestionMark(SUGGEST_INSERT, 'ins', 'insert');
export const SuggestDeleteMark = suggestionMark(SUGGEST_DELETE, 'del', 'delete');
export const SuggestFormatMark = suggestionMark(SUGGEST_FORMAT, 'span', 'format', { op: { default: 'add' }, mark: { default: '' } });
