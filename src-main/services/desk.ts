/**
 * One desk: a data folder opened by exactly one process, its services, and the handlers of
 * every contract operation. Electron's IPC door and web mode's HTTP door both call `dispatch`.
 * A folder that cannot be written (read-only, or its disk full) is opened read-only
 * (read-only.ts) rather than refused with the system's error.
 */
import path from 'node:path';
import { DeskError, errorCodeForSystemError, type Notice } from '../../src-shared/errors';
import { isOpName } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/models';
import { ArticleFiles } from './article-files';
import { Articles } from './articles';
import { deskWriter, openDeskStore } from './desk-store';
import { CoalescingWriter, ensureDir, removeStaleTemps } from './durable-file';
import { folderRefusesWriting, READ_OPERATIONS, writeRefusal, type WriteRefusal } from './read-only';
import { Hub } from './hub';
import { acquireLock, type DeskLock } from './lock';
import { createDispatcher, type Dispatch } from './dispatch';
import { appHandlers } from './handlers/app';
import { articleHandlers } from './handlers/article';
import { libraryHandlers } from './handlers/library';
import { settingsHandlers } from './handlers/settings';
import { historyHandlers } from './handlers/history';
import { glossaryHandlers } from './handlers/glossary';
import { spellHandlers } from './handlers/spell';
import { NewsroomDictionary } from './spell/newsroom-dictionary';
import { placeHandlers } from './handlers/place';
import { translationHandlers } from './handlers/translation';
import { Glossary } from './glossary/glossary';
import { photoHandlers } from './handlers/photo';
import { outboxHandlers } from './handlers/outbox';
import { exportHandlers } from './handlers/export';
import { Outbox, type OutboxOptions } from './outbox/outbox';
import { PhotoStore } from './photos/store';
import { History, type HistoryOptions } from './history/history';
import type { DeskHost, DeskServices, Handlers } from './handlers/types';
import { DeskSearch } from './search/service';
import { SyncService, type SyncOptions } from './sync/service';
import { syncHandlers } from './handlers/sync';
import { workflowHandlers } from './handlers/workflow';
import { adminHandlers } from './handlers/admin';
import { Workflow, type WorkflowOptions } from './workflow/workflow';

export type { CallContext, Handlers } from './handlers/types';

export interface DeskOptions {
  readonly dataDir: string;
  readonly mode: 'electron' | 'web' | 'cli';
  readonly version: string;
  /** Version history settings (tests shorten the snapshot interval). */
  readonly history?: HistoryOptions;
  /** Retry pauses of the upload outbox (tests shorten them). */
  readonly outbox?: OutboxOptions;
  /** Sync with the newsroom server: the token's seal (Electron: safeStorage) and, for tests, shorter pauses. */
  readonly sync?: SyncOptions;
  /** Retry pauses of workflow moves (tests shorten them). */
  readonly workflow?: WorkflowOptions;
  /** What the hosting program offers (Electron's save dialog). */
  readonly host?: DeskHost;
}

export interface Desk {
  readonly dataDir: string;
  readonly hub: Hub;
  readonly articles: Articles;
  readonly search: DeskSearch;
  readonly photos: PhotoStore;
  readonly outbox: Outbox;
  readonly sync: SyncService;
  readonly workflow: Workflow;
  readonly dispatch: Dispatch;
  /** Opened read-only (its folder cannot be written): every operation that writes is refused. */
  readonly readOnly: boolean;
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  notices(): readonly Notice[];
  close(): Promise<void>;
}

export async function openDesk(options: DeskOptions): Promise<Desk> {
  const dataDir = path.resolve(options.dataDir);
  try {
    await ensureDir(dataDir);
  } catch (err) {
    // A folder that is not there and cannot be made: nothing to open, even read-only. (Node's
    // recursive mkdir says ENOENT where the parent is read-only: the parent is asked.)
    const code = writeRefusal(err) ? (err as { code: unknown }).code : (await folderRefusesWriting(path.dirname(dataDir))) ? 'EROFS' : null;
    if (code) throw new DeskError(errorCodeForSystemError(code), { path: dataDir, dir: dataDir }, { cause: err });
    throw err;
  }
  if (await folderRefusesWriting(dataDir)) return openFolder(dataDir, options, null, 'readOnly');
  let lock: DeskLock;
  try {
    lock = await acquireLock(dataDir);
  } catch (err) {
    const refusal = writeRefusal(err);
    if (refusal) return openFolder(dataDir, options, null, refusal);
    throw err;
  }
  try {
    return await openFolder(dataDir, options, lock, null);
  } catch (err) {
    // The lock fitted but the rest of opening did not (the disk filled, a subfolder not ours).
    const refusal = writeRefusal(err);
    if (!refusal) throw err;
    return openFolder(dataDir, options, null, refusal);
  }
}

/** Opens the desk's services on the folder: holding `lock`, or read-only for `readOnly`'s reason (then without a lock). */
async function openFolder(dataDir: string, options: DeskOptions, lock: DeskLock | null, readOnly: WriteRefusal | null): Promise<Desk> {
  try {
    const files = new ArticleFiles(dataDir, readOnly !== null);
    if (!readOnly) {
      await removeStaleTemps(dataDir);
      await removeStaleTemps(files.dir);
    }
    const store = await openDeskStore(dataDir, { readOnly: readOnly !== null });
    const notices: Notice[] = [...store.notices];
    if (readOnly) notices.push({ code: readOnly === 'diskFull' ? 'openedReadOnlyDiskFull' : 'openedReadOnly', params: { dir: dataDir }, at: new Date().toISOString() });
    const hub = new Hub();
    const notice = (n: Notice) => {
      notices.push(n);
      hub.broadcast('desk:notice', n);
    };
    // Read-only, what opening repairs (the index rebuilt from the articles) stays in memory.
    const writer = readOnly ? new CoalescingWriter(async () => undefined) : deskWriter(store.db);
    const articles = new Articles(files, store.db, writer, hub, notice);
    if ((await articles.reconcile(store.indexLost)) && store.indexLost) {
      notices.push({ code: 'indexRebuilt', params: { count: String(Object.keys(store.db.data.index).length) }, at: new Date().toISOString() });
    }

    const search = new DeskSearch(dataDir, articles, options.mode !== 'cli');

    const settings = () => store.db.data.settings;
    const updateSettings = async (patch: Partial<Settings>): Promise<Settings> => {
      store.db.data.settings = { ...store.db.data.settings, ...patch };
      await writer.request();
      hub.broadcast('settings:changed', store.db.data.settings);
      return store.db.data.settings;
    };

    const history = new History(dataDir, articles, hub, options.history);
    const glossary = new Glossary(store.db, writer);
    const photos = new PhotoStore(dataDir);
    const outbox = new Outbox(dataDir, store.db, writer, hub, options.outbox);
    if (!readOnly) {
      await photos.open();
      await outbox.open();
    }
    const sync = new SyncService({ db: store.db, writer, articles, hub, photos, dataDir, history }, options.sync);
    const workflow = new Workflow({ db: store.db, writer, hub, articles, sync }, options.workflow);
    const dictionary = new NewsroomDictionary(dataDir, sync, hub);
    await dictionary.open();
    const services: DeskServices = { dataDir, mode: options.mode, version: options.version, ...(options.host ? { host: options.host } : {}), hub, articles, search, history, glossary, photos, outbox, sync, workflow, dictionary, settings, updateSettings, notices: () => [...notices] };
    // One file per domain registers its operations; the type requires every operation once.
    const handlers: Handlers = {
      ...appHandlers(services),
      ...settingsHandlers(services),
      ...libraryHandlers(services),
      ...articleHandlers(services),
      ...historyHandlers(services),
      ...placeHandlers(),
      ...glossaryHandlers(services),
      ...photoHandlers(services),
      ...outboxHandlers(services),
      ...exportHandlers(services),
      ...syncHandlers(services),
      ...workflowHandlers(services),
      ...translationHandlers(services),
      ...spellHandlers(services),
      ...adminHandlers(services),
    };

    const open = createDispatcher(handlers);
    const refused = { ok: false, error: { code: 'deskReadOnly', params: { dir: dataDir } } } as const;
    const dispatch: Dispatch = readOnly ? async (op, input, ctx) => (isOpName(op) && !READ_OPERATIONS.has(op) ? refused : open(op, input, ctx)) : open;
    if (options.mode !== 'cli' && !readOnly) {
      outbox.start();
      sync.start();
      workflow.start();
      dictionary.start();
    }
    let closed = false;
    return {
      dataDir,
      hub,
      articles,
      search,
      photos,
      outbox,
      sync,
      workflow,
      readOnly: readOnly !== null,
      // A closed desk no longer holds the lock: it must not write anything more.
      dispatch: async (op, input, ctx) => (closed ? { ok: false, error: { code: 'unreachable' } } : dispatch(op, input, ctx)),
      settings,
      updateSettings,
      notices: () => [...notices],
      async close() {
        closed = true;
        // Read-only, what closing would write (the search index's cache) is let go.
        const step = (done: Promise<void>) => (readOnly ? done.catch(() => undefined) : done);
        try {
          await step(dictionary.close());
          await step(workflow.close());
          await step(sync.close());
          await step(history.close());
          await step(outbox.close());
          await step(photos.close());
          await step(articles.flush());
          await step(search.close());
        } finally {
          await lock?.release();
        }
      },
    };
  } catch (err) {
    await lock?.release().catch(() => undefined);
    throw err;
  }
}
