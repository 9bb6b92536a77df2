/**
 * The page's side of the spellchecker: one worker for the whole desk window, and a cache of its
 * answers by language and text, so a field or a block is sent only when its text changed (a
 * paragraph typed back to what it was is answered at once). Whoever draws marks subscribes and
 * redraws from the cache when answers arrive or the known words change.
 *
 * Known words: the glossary's names, the newsroom dictionary (the desk's list, kept current by
 * its `spell:dictionary` event) and the words ignored in this window.
 */
import type { Misspelling } from '../../../src-shared/spell/checker';
import { desk } from '../../platform/api';
import type { FromWorker, SpellItem, ToWorker } from './protocol';

/** Texts kept at most; the oldest answers go first. A 10,000-word article is a few hundred blocks. */
const CACHE_MAX = 4000;

const keyOf = (item: SpellItem) => `${item.language}\u0000${item.text}`;

export class SpellService {
  private worker: Worker | null = null;
  private readonly cache = new Map<string, readonly Misspelling[]>();
  private readonly inFlight = new Set<string>();
  /** Told `'answers'` when texts were answered (only those asked for changed), `'all'` when every answer may have (known words). */
  private readonly listeners = new Set<(what: 'answers' | 'all') => void>();
  private nextId = 1;
  private ignored = new Set<string>();
  private names: readonly string[] = [];
  private dictionary: readonly string[] = [];

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./spell.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.answered(event.data));
    this.worker = worker;
    this.post({ type: 'known', words: this.knownWords() });
    void this.loadNames();
    void this.loadDictionary();
    desk.on['spell:dictionary'](({ words }) => this.setDictionary(words));
    return worker;
  }

  private post(message: ToWorker): void {
    this.start().postMessage(message);
  }

  /** The texts of each batch sent, and the known words' generation they were checked with. */
  private readonly batches = new Map<number, { readonly keys: readonly string[]; readonly generation: number }>();
  /** Moves when the known words change: an answer checked with the older ones is dropped, not cached. */
  private generation = 0;

  private answered(message: FromWorker): void {
    const batch = this.batches.get(message.id);
    this.batches.delete(message.id);
    if (!batch || batch.generation !== this.generation) return;
    const { keys } = batch;
    for (const key of keys) this.inFlight.delete(key);
    if (message.type === 'failed') return;
    message.results.forEach((result, i) => {
      const key = keys[i];
      if (key === undefined) return;
      if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, result);
    });
    this.notify('answers');
  }

  private notify(what: 'answers' | 'all'): void {
    for (const l of [...this.listeners]) l(what);
  }

  private knownWords(): string[] {
    return [...this.names, ...this.dictionary, ...this.ignored];
  }

  private knownChanged(): void {
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
    this.post({ type: 'known', words: this.knownWords() });
    this.notify('all');
  }

  private async loadNames(): Promise<void> {
    try {
      const entries = await desk.glossary.list({});
      this.names = entries.map((e) => e.name);
      if (this.names.length) this.knownChanged();
    } catch {
      // No glossary (a desk that cannot read it): names are checked like any word.
    }
  }

  private async loadDictionary(): Promise<void> {
    try {
      const { words } = await desk.spell.words({});
      if (words.length) this.setDictionary(words);
    } catch {
      // The desk could not say: the dictionary's words arrive with its next change.
    }
  }

  /** The misspellings of `text` when known, else undefined (then `request` it). */
  cached(item: SpellItem): readonly Misspelling[] | undefined {
    return this.cache.get(keyOf(item));
  }

  /** Sends the texts not yet answered nor on their way; subscribers hear when the answer is in. */
  request(items: readonly SpellItem[]): void {
    const todo: SpellItem[] = [];
    const keys: string[] = [];
    for (const item of items) {
      const key = keyOf(item);
      if (this.cache.has(key) || this.inFlight.has(key) || keys.includes(key)) continue;
      this.inFlight.add(key);
      todo.push(item);
      keys.push(key);
    }
    if (todo.length === 0) return;
    const id = this.nextId++;
    this.batches.set(id, { keys, generation: this.generation });
    this.post({ type: 'check', id, items: todo });
  }

  subscribe(listener: (what: 'answers' | 'all') => void): () => void {
    this.start();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Not flagged again in this window (every field, both languages). */
  ignore(word: string): void {
    this.ignored = new Set([...this.ignored, word]);
    this.knownChanged();
  }

  /** The newsroom dictionary's words (from the desk), known from now on. */
  setDictionary(words: readonly string[]): void {
    this.dictionary = words;
    this.knownChanged();
  }

  /** Adds a word to the newsroom dictionary: known here at once, kept by the desk and sent to the server (it may refuse: then it is known here only). */
  addToDictionary(word: string): Promise<void> {
    this.dictionary = [...this.dictionary, word];
    this.knownChanged();
    return desk.spell.add({ word }).then(({ words }) => this.setDictionary(words));
  }
}

export const spellService = new SpellService();
