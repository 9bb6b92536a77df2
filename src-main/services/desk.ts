/**
 * One desk: a data folder opened by exactly one process, its services, and the handlers of
 * every contract operation. Electron's IPC door and web mode's HTTP door both call `dispatch`.
 */
import path from 'node:path';
import type { Notice } from '../../src-shared/errors';
import type { Settings } from '../../src-shared/models';
import { ArticleFiles } from './article-files';
import { Articles } from './articles';
import { deskWriter, openDeskStore } from './desk-store';
import { ensureDir, removeStaleTemps } from './durable-file';
import { Hub } from './hub';
import { acquireLock } from './lock';
import { createDispatcher, type Dispatch } from './dispatch';
import { appHandlers } from './handlers/app';
import { articleHandlers } from './handlers/article';
import { libraryHandlers } from './handlers/library';
import { settingsHandlers } from './handlers/settings';
import { historyHandlers } from './handlers/history';
import { glossaryHandlers } from './handlers/glossary';
import { placeHandlers } from './handlers/place';
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
  readonly dispatch: Dispatch;
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  notices(): readonly Notice[];
  close(): Promise<void>;
}

export async function openDesk(options: DeskOptions): Promise<Desk> {
  const dataDir = path.resolve(options.dataDir);
  await ensureDir(dataDir);
  const lock = await acquireLock(dataDir);
  try {
    const files = new ArticleFiles(dataDir);
    await removeStaleTemps(dataDir);
    await removeStaleTemps(files.dir);
    const store = await openDeskStore(dataDir);
    const notices: Notice[] = [...store.notices];
    const hub = new Hub();
    const notice = (n: Notice) => {
      notices.push(n);
      hub.broadcast('desk:notice', n);
    };
    const writer = deskWriter(store.db);
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
    await photos.open();
    const outbox = new Outbox(dataDir, store.db, writer, hub, options.outbox);
    await outbox.open();
    const sync = new SyncService({ db: store.db, writer, articles, hub, photos, dataDir, history }, options.sync);
    const services: DeskServices = { dataDir, mode: options.mode, version: options.version, ...(options.host ? { host: options.host } : {}), hub, articles, search, history, glossary, photos, outbox, sync, settings, updateSettings, notices: () => [...notices] };
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
    };

    const dispatch = createDispatcher(handlers);
    if (options.mode !== 'cli') {
      outbox.start();
      sync.start();
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
      // A closed desk no longer holds the lock: it must not write anything more.
      dispatch: async (op, input, ctx) => (closed ? { ok: false, error: { code: 'unreachable' } } : dispatch(op, input, ctx)),
      settings,
      updateSettings,
      notices: () => [...notices],
      async close() {
        closed = true;
        try {
          await sync.close();
          await history.close();
          await outbox.close();
          await photos.close();
          await articles.flush();
          await search.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}
