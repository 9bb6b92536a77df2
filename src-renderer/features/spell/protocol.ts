/** Messages between the page and the spellcheck worker (spell.worker.ts). */
import type { Misspelling } from '../../../src-shared/spell/checker';
import type { Language } from '../../../src-shared/models';

export interface SpellItem {
  readonly text: string;
  readonly language: Language;
}

export type ToWorker =
  | { readonly type: 'known'; readonly words: readonly string[] }
  | { readonly type: 'check'; readonly id: number; readonly items: readonly SpellItem[] };

export type FromWorker =
  | { readonly type: 'checked'; readonly id: number; readonly results: readonly (readonly Misspelling[])[] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
