/**
 * desk.json through lowdb: the library index (derived from the articles), settings, the
 * glossary and the outbox. A damaged desk.json is set aside and the last good copy (desk.json.bak, refreshed
 * after every successful open) takes its place; the user is told through a notice.
 */
import { Low } from 'lowdb';
import path from 'node:path';
import { z } from 'zod';
import { emptySyncData, SyncData } from './sync/records';
import { emptyWorkflowData, WorkflowData } from './workflow/records';
import type { Notice } from '../../src-shared/errors';
import { GlossaryEntry } from '../../src-shared/glossary';
import { ArticleSummary, DEFAULT_SETTINGS, Settings } from '../../src-shared/models';
import { OutboxJob, UploadAuthKind } from '../../src-shared/outbox';
import { CoalescingWriter, moveAside, readIfExists, writeDurable } from './durable-file';
import { CorruptFileError, DurableJsonAdapter } from './json-adapter';

export const DESK_FILE = 'desk.json';
export const BACKUP_SUFFIX = '.bak';

/** An index row: the summary plus what tells whether the article file changed behind our back. */
export const IndexEntry = ArticleSummary.extend({ fileSize: z.number(), fileMtimeMs: z.number() });
export type IndexEntry = z.infer<typeof IndexEntry>;

/** The upload endpoint with its secret (password or token), which never leaves main. */
export const UploadStored = z.object({ url: z.string(), fileField: z.string(), fields: z.record(z.string(), z.string()), auth: UploadAuthKind, username: z.string(), secret: z.string() });
export type UploadStored = z.infer<typeof UploadStored>;

const DeskData = z.object({
  version: z.literal(1),
  settings: Settings.partial().transform((s) => ({ ...DEFAULT_SETTINGS, ...s })),
  index: z.record(z.string(), IndexEntry),
  outbox: z.array(OutboxJob),
  /** Where the outbox sends packages (absent from desk.json files written before the outbox). */
  upload: UploadStored.nullable().default(null),
  /** People and organisations learnt from events (absent from desk.json files written before the glossary). */
  glossary: z.array(GlossaryEntry).default([]),
  /** Sync with the newsroom server (absent from desk.json files written before sync). */
  sync: SyncData.default(emptySyncData),
  /** Workflow moves waiting for the server, recorded moves and the queue as last fetched (absent before the workflow). */
  workflow: WorkflowData.default(emptyWorkflowData),
});
export type DeskData = z.infer<typeof DeskData>;

const defaults = (): DeskData => ({ version: 1, settings: { ...DEFAULT_SETTINGS }, index: {}, outbox: [], upload: null, glossary: [], sync: emptySyncData(), workflow: emptyWorkflowData() });

export interface OpenedStore {
  readonly db: Low<DeskData>;
  readonly notices: readonly Notice[];
  /** True when the index could not be trusted and must be rebuilt from the articles. */
  readonly indexLost: boolean;
}

/**
 * Opens desk.json. `readOnly` (a folder that cannot be written): the same reading and recovery,
 * in memory only — nothing is set aside, rewritten or backed up.
 */
export async function openDeskStore(dataDir: string, options: { readonly readOnly?: boolean } = {}): Promise<OpenedStore> {
  const file = path.join(dataDir, DESK_FILE);
  const backup = file + BACKUP_SUFFIX;
  const adapter = new DurableJsonAdapter(file, (v) => DeskData.parse(v));
  const db = new Low<DeskData>(adapter, defaults());
  const notices: Notice[] = [];
  const at = new Date().toISOString();
  let indexLost = false;

  const readBackup = () => new DurableJsonAdapter(backup, (v) => DeskData.parse(v)).read().catch(() => null);

  let data: DeskData | null;
  try {
    data = await adapter.read();
    if (data === null) {
      // No desk.json: a first start, or a file lost outside the desk. A backup tells which.
      data = await readBackup();
      if (data) notices.push({ code: 'restoredMissing', params: { file: DESK_FILE }, at });
      indexLost = true;
    }
  } catch (err) {
    if (!(err instanceof CorruptFileError)) throw err;
    const aside = options.readOnly ? DESK_FILE : path.basename(await moveAside(file));
    data = await readBackup();
    notices.push({ code: data ? 'restoredFromBackup' : 'resetNoBackup', params: { file: DESK_FILE, aside }, at });
    indexLost = true;
  }
  db.data = data ?? defaults();
  if (options.readOnly) return { db, notices, indexLost };
  if (indexLost) await db.write();
  const current = JSON.stringify(db.data);
  const previousBackup = await readIfExists(backup);
  if (previousBackup?.toString('utf8') !== current) await writeDurable(backup, current);
  return { db, notices, indexLost };
}

/** Writes desk.json durably, coalescing bursts of changes into as few writes as possible. */
export function deskWriter(db: Low<DeskData>): CoalescingWriter {
  return new CoalescingWriter(() => db.write());
}
