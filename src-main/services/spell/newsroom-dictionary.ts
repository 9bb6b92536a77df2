/**
 * The newsroom dictionary on this desk: the words every desk's spellchecker takes as known,
 * kept by the newsroom server (GET/POST /api/dictionary) and here in `spell-dictionary.json`
 * (the last list the server gave, and the words added here not yet sent). A word added offline
 * waits in that file — across restarts — and is sent when the server answers: on connecting,
 * and whenever the server tells of a change (a `dictionary` notice), the waiting words are sent
 * first and then the list is fetched again. Windows hear `spell:dictionary` with the words.
 */
import path from 'node:path';
import { z } from 'zod';
import { nfc } from '../../../src-shared/text/vietnamese';
import { readIfExists, writeDurable } from '../durable-file';
import type { Hub } from '../hub';
import type { SyncService } from '../sync/service';
import * as api from '../sync/server-client';

const Stored = z.object({ words: z.array(z.string()), pending: z.array(z.string()) });
type Stored = z.infer<typeof Stored>;

export const DICTIONARY_FILE = 'spell-dictionary.json';

export class NewsroomDictionary {
  private data: Stored = { words: [], pending: [] };
  private readonly file: string;
  private unlisten: Array<() => void> = [];
  private running: Promise<void> | null = null;
  private again = false;
  private wasOnline = false;

  constructor(
    dataDir: string,
    private readonly sync: SyncService,
    private readonly hub: Hub,
  ) {
    this.file = path.join(dataDir, DICTIONARY_FILE);
  }

  async open(): Promise<void> {
    const raw = await readIfExists(this.file);
    if (!raw) return;
    try {
      const parsed = Stored.safeParse(JSON.parse(raw.toString('utf8')));
      if (parsed.success) this.data = parsed.data;
    } catch {
      // A damaged file: the server's list comes back on the next connection.
    }
  }

  /** Follows sync: fetched on connecting and on the server's notice. */
  start(): void {
    this.wasOnline = this.sync.isOnline();
    this.unlisten.push(
      this.sync.onChange(() => {
        const online = this.sync.isOnline();
        if (online && !this.wasOnline) this.refresh();
        this.wasOnline = online;
      }),
      this.sync.onDictionaryNotice(() => this.refresh()),
    );
    if (this.wasOnline) this.refresh();
  }

  /** The known words: the server's list and the words waiting to be sent. */
  words(): string[] {
    return [...new Set([...this.data.words, ...this.data.pending])];
  }

  /** Adds a word for the whole newsroom: known here at once, sent now or when the server answers. */
  async add(word: string): Promise<string[]> {
    const w = nfc(word.trim());
    if (!this.words().includes(w)) {
      this.data = { ...this.data, pending: [...this.data.pending, w] };
      await this.save();
      this.changed();
    }
    this.refresh();
    return this.words();
  }

  /** Sends the waiting words, then fetches the list; one at a time (a second call runs once more after). */
  refresh(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.exchange()
      .catch(() => undefined) // offline or refused: the words wait, the last list stays
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.refresh();
        }
      });
  }

  /** Resolves once no exchange with the server is under way (tests, closing). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async exchange(): Promise<void> {
    const account = this.sync.credentials();
    if (!account) return;
    for (const word of [...this.data.pending]) {
      await api.addDictionaryWord(account.server, account.token, word);
      this.data = { ...this.data, pending: this.data.pending.filter((p) => p !== word) };
    }
    const answer = await api.dictionary(account.server, account.token);
    const words = answer.words.map((w) => nfc(w.word));
    const before = this.words().join('\n');
    this.data = { ...this.data, words };
    await this.save();
    if (this.words().join('\n') !== before) this.changed();
  }

  private async save(): Promise<void> {
    await writeDurable(this.file, JSON.stringify(this.data));
  }

  private changed(): void {
    this.hub.broadcast('spell:dictionary', { words: this.words() });
  }

  async close(): Promise<void> {
    for (const u of this.unlisten) u();
    this.unlisten = [];
    await this.idle();
  }
}
