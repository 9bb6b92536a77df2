/** What every domain's handlers get: the desk's services. One file per domain registers its operations. */
import type { OpArgs, OpName, OpOutput } from '../../../src-shared/contract';
import type { Notice } from '../../../src-shared/errors';
import type { Settings } from '../../../src-shared/models';
import type { Articles } from '../articles';
import type { Glossary } from '../glossary/glossary';
import type { History } from '../history/history';
import type { Outbox } from '../outbox/outbox';
import type { PhotoStore } from '../photos/store';
import type { ClientId, Hub } from '../hub';
import type { DeskSearch } from '../search/service';
import type { SyncService } from '../sync/service';
import type { Workflow } from '../workflow/workflow';
import type { NewsroomDictionary } from '../spell/newsroom-dictionary';

export interface CallContext {
  readonly client: ClientId;
}

export type Handler<K extends OpName> = (args: OpArgs<K>, ctx: CallContext) => Promise<OpOutput<K>>;
export type Handlers = { readonly [K in OpName]: Handler<K> };
/** The handlers of the operations whose names start with `domain:`. */
export type DomainHandlers<D extends string> = { readonly [K in OpName as K extends `${D}:${string}` ? K : never]: Handler<K> };

/** What the program hosting the desk offers its services (Electron: native dialogs); absent in web mode and the command line. */
export interface DeskHost {
  /** Asks the user where to save a file (proposing `suggestedName`); null when they cancel. */
  readonly chooseSaveFile?: (suggestedName: string) => Promise<string | null>;
}

export interface DeskServices {
  readonly dataDir: string;
  readonly mode: 'electron' | 'web' | 'cli';
  readonly version: string;
  readonly host?: DeskHost;
  readonly hub: Hub;
  readonly articles: Articles;
  readonly search: DeskSearch;
  readonly history: History;
  readonly glossary: Glossary;
  readonly photos: PhotoStore;
  readonly outbox: Outbox;
  readonly sync: SyncService;
  readonly workflow: Workflow;
  readonly dictionary: NewsroomDictionary;
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  notices(): readonly Notice[];
}
