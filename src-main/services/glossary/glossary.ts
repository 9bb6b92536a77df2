/**
 * The glossary in desk.json (lowdb): people and organisations learnt from events, suggested
 * back accent-insensitively, corrected, merged and removed by the writer. Every change is
 * written durably before the call answers.
 */
import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import { DeskError } from '../../../src-shared/errors';
import {
  compareEntries,
  glossaryKey,
  GLOSSARY_SUGGEST_MAX,
  type GlossaryEntry,
  type GlossaryKind,
  type GlossaryPerson,
} from '../../../src-shared/glossary';
import { compareVi, nfc } from '../../../src-shared/text/vietnamese';
import type { DeskData } from '../desk-store';
import type { CoalescingWriter } from '../durable-file';

const MAX_TEXT = 300;

/** NFC, spaces collapsed, trimmed, at most MAX_TEXT characters. */
function clean(text: string | undefined): string {
  return nfc(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

export interface SuggestOptions {
  readonly kind?: GlossaryKind;
  readonly limit?: number;
}

export class Glossary {
  constructor(
    private readonly db: Low<DeskData>,
    private readonly writer: CoalescingWriter,
  ) {}

  private get entries(): GlossaryEntry[] {
    return this.db.data.glossary;
  }

  private find(kind: GlossaryKind, name: string): GlossaryEntry | undefined {
    const key = glossaryKey(name);
    return this.entries.find((e) => e.kind === kind && glossaryKey(e.name) === key);
  }

  private byId(id: string): GlossaryEntry {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) throw new DeskError('glossaryNotFound', { id });
    return entry;
  }

  private replace(entry: GlossaryEntry): GlossaryEntry {
    const at = this.entries.findIndex((e) => e.id === entry.id);
    if (at >= 0) this.entries[at] = entry;
    else this.entries.push(entry);
    return entry;
  }

  private async save(): Promise<void> {
    await this.writer.request();
  }

  list(): GlossaryEntry[] {
    return [...this.entries].sort(compareEntries);
  }

  /** Entries whose name, or a word of it, starts with the query (folded); the most used first. */
  suggest(query: string, options: SuggestOptions = {}): GlossaryEntry[] {
    const q = glossaryKey(query);
    const limit = Math.min(options.limit ?? 10, GLOSSARY_SUGGEST_MAX);
    const hits: Array<{ entry: GlossaryEntry; start: boolean }> = [];
    for (const entry of this.entries) {
      if (options.kind && entry.kind !== options.kind) continue;
      const key = glossaryKey(entry.name);
      if (!q || key.startsWith(q)) hits.push({ entry, start: true });
      else if (key.includes(' ' + q)) hits.push({ entry, start: false });
    }
    hits.sort((a, b) => Number(b.start) - Number(a.start) || b.entry.uses - a.entry.uses || compareVi(a.entry.name, b.entry.name));
    return hits.slice(0, limit).map((h) => h.entry);
  }

  /**
   * Learns what the writer entered: a person already known (same name, accents and case
   * aside) counts one more use and takes the title and organisation given now, when given;
   * a person's organisation is learnt as an organisation too.
   */
  async learn(people: readonly GlossaryPerson[], organisations: readonly string[]): Promise<{ added: number; updated: number }> {
    let added = 0;
    let updated = 0;
    const now = new Date().toISOString();
    const learnOne = (kind: GlossaryKind, name: string, title = '', organisation = '') => {
      if (!name) return;
      const known = this.find(kind, name);
      if (known) {
        this.replace({ ...known, title: title || known.title, organisation: organisation || known.organisation, uses: known.uses + 1, updatedAt: now });
        updated++;
      } else {
        this.replace({ id: randomUUID(), kind, name, title, organisation, uses: 1, updatedAt: now });
        added++;
      }
    };
    for (const p of people) {
      const organisation = clean(p.organisation);
      learnOne('person', clean(p.name), clean(p.title), organisation);
      learnOne('organisation', organisation);
    }
    for (const o of organisations) learnOne('organisation', clean(o));
    if (added + updated > 0) await this.save();
    return { added, updated };
  }

  /** Corrects an entry's name, title or organisation (the last two only for a person). */
  async update(id: string, patch: { name?: string; title?: string; organisation?: string }): Promise<GlossaryEntry> {
    const entry = this.byId(id);
    const name = patch.name === undefined ? entry.name : clean(patch.name);
    if (!name) throw new DeskError('badInput', { reason: 'name' });
    const clash = this.find(entry.kind, name);
    if (clash && clash.id !== id) throw new DeskError('glossaryDuplicate', { name: clash.name });
    const person = entry.kind === 'person';
    const next: GlossaryEntry = {
      ...entry,
      name,
      title: person && patch.title !== undefined ? clean(patch.title) : entry.title,
      organisation: person && patch.organisation !== undefined ? clean(patch.organisation) : entry.organisation,
      updatedAt: new Date().toISOString(),
    };
    this.replace(next);
    if (!person && name !== entry.name) this.renameOrganisation([entry.name], name);
    await this.save();
    return next;
  }

  /**
   * Merges `from` into `into` (all of one kind): `into` keeps its name, takes a title or
   * organisation it lacks, counts their uses; people of a merged organisation now name `into`.
   */
  async merge(into: string, from: readonly string[]): Promise<GlossaryEntry> {
    const target = this.byId(into);
    const others = [...new Set(from)].filter((id) => id !== into).map((id) => this.byId(id));
    if (others.some((o) => o.kind !== target.kind)) throw new DeskError('glossaryKindMismatch');
    const merged: GlossaryEntry = {
      ...target,
      title: target.title || (others.find((o) => o.title)?.title ?? ''),
      organisation: target.organisation || (others.find((o) => o.organisation)?.organisation ?? ''),
      uses: others.reduce((n, o) => n + o.uses, target.uses),
      updatedAt: new Date().toISOString(),
    };
    const gone = new Set(others.map((o) => o.id));
    this.db.data.glossary = this.entries.filter((e) => !gone.has(e.id));
    this.replace(merged);
    if (target.kind === 'organisation') this.renameOrganisation(others.map((o) => o.name), merged.name);
    await this.save();
    return merged;
  }

  async remove(id: string): Promise<void> {
    this.byId(id);
    this.db.data.glossary = this.entries.filter((e) => e.id !== id);
    await this.save();
  }

  /** People whose organisation is one of `names` now name `to`. */
  private renameOrganisation(names: readonly string[], to: string): void {
    const keys = new Set(names.map(glossaryKey));
    for (const e of this.entries) {
      if (e.kind === 'person' && e.organisation && keys.has(glossaryKey(e.organisation))) this.replace({ ...e, organisation: to });
    }
  }
}
