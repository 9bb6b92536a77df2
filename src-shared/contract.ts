/**
 * The one contract of the desk: every operation the renderer can ask of main, and every event
 * main pushes to the renderer, named once (`domain:verb`) with a zod schema for each payload.
 *
 * Main (Electron IPC and web mode alike) validates every input against these schemas in one
 * place; the renderer and the preload take their types from here, so no side can drift.
 */
import { z } from 'zod';
import {
  AppInfo,
  ArticleId,
  ArticleSummary,
  Bytes,
  Language,
  NoticeSchema,
  Settings,
  SettingsPatch,
  Status,
} from './models';
import type { ErrorPayload } from './errors';
import { StoryDate } from './story-date';
import { HistoryDiff, HistoryItem, VersionName } from './history';
import { GlossaryEntry, GlossaryId, GlossaryLearnInput, GlossaryMergeInput, GlossarySuggestInput, GlossaryUpdateInput } from './glossary';
import { PlaceMatch, PlaceSearchInput } from './places';
import { PhotoFacts, PhotoId, PhotoInit } from './photos';
import { OutboxJob, UploadConfig, UploadConfigInput, UploadProbe } from './outbox';
import { ExportProgress } from './package-format';
import { AwarenessMessage, SyncLoginInput, SyncStatus } from './sync';
import { AdminConnections, AdminCreateInput, AdminUpdateInput, AdminUserResult, AdminUsers } from './admin';
import { WorkflowAssignees, WorkflowAssignInput, WorkflowPeople } from './assignment';
import { WorkflowChanges, WorkflowMoveInput, WorkflowPendingMoves, WorkflowQueue, WorkflowState } from './workflow-desk';
import { BlockId, TranslationStateOutput } from './translation/schema';
import { DICTIONARY_WORD_MAX } from './server-api';

const none = z.object({}).strict();
const SpellWords = z.object({ words: z.array(z.string()) });
const byId = z.object({ id: ArticleId }).strict();

// Search (library): full text, accent-insensitive, ranked, with highlights.
export const SEARCH_MAX_HITS = 200;
const SearchDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const SearchInput = z
  .object({
    query: z.string().max(500),
    status: z.array(Status).max(7).optional(),
    language: Language.optional(),
    from: SearchDate.optional(),
    to: SearchDate.optional(),
    trashed: z.boolean().optional(),
  })
  .strict();
export type SearchInput = z.input<typeof SearchInput>;
/** The body last: the search index packs the short fields' counts after the body's (postings.ts). */
export const SEARCH_HIGHLIGHT_FIELDS = ['headline', 'sapo', 'byline', 'tags', 'event', 'body'] as const;
/** Matched words of one field as [start, end) offsets in `text` (the body: a snippet around its first match). */
export const SearchHighlight = z.object({ field: z.enum(SEARCH_HIGHLIGHT_FIELDS), text: z.string(), ranges: z.array(z.tuple([z.number().int(), z.number().int()])) });
export type SearchHighlight = z.infer<typeof SearchHighlight>;
export const SearchHit = z.object({ summary: ArticleSummary, score: z.number(), highlights: z.array(SearchHighlight) });
export type SearchHit = z.infer<typeof SearchHit>;
/** `total` counts every match; `hits` holds the best SEARCH_MAX_HITS of them. */
export const SearchResult = z.object({ total: z.number().int().nonnegative(), hits: z.array(SearchHit) });
export type SearchResult = z.infer<typeof SearchResult>;

/** The story's own date as `article:update` may set it (meta `storyDate`): ISO 8601 with its offset, a real calendar day. */
export { StoryDate };

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output } as const;
}

export const operations = {
  'app:info': op(none, AppInfo),
  'settings:get': op(none, Settings),
  'settings:update': op(SettingsPatch, Settings),
  'library:list': op(z.object({ trashed: z.boolean() }).strict(), z.array(ArticleSummary)),
  'library:loadSample': op(none, ArticleSummary),
  /** Ranked search with filters; an empty query lists every article the filters admit, by headline. */
  'library:search': op(SearchInput, SearchResult),
  'article:create': op(z.object({ language: Language }).strict(), ArticleSummary),
  /** Returns the full Yjs state; the renderer keeps a replica and sends its own updates back. */
  'article:open': op(byId, z.object({ summary: ArticleSummary, state: Bytes })),
  /**
   * Resolves only once the update is durably on disk. Meta fields are written through it like
   * the text: `storyDate` (the story's own date) is set with setStoryDate (article-doc.ts), which
   * takes only a StoryDate below; readers ignore any other value and use `createdAt`.
   */
  'article:update': op(z.object({ id: ArticleId, update: Bytes }).strict(), z.object({ savedAt: z.string() })),
  'article:close': op(byId, z.object({})),
  'article:trash': op(byId, ArticleSummary),
  'article:restore': op(byId, ArticleSummary),

  // --- import: a .docx, .md or .txt file becomes a new article ---
  /** The name's extension says the format; at most 32 MB; refused, creating nothing, when the file is not what it says. */
  'article:import': op(z.object({ name: z.string().min(1).max(1024), bytes: Bytes, language: Language }).strict(), ArticleSummary),

  // --- history: versions of an article (snapshots), what changed since one, bringing one back ---
  /** The article's stored versions, newest first. */
  'history:list': op(byId, z.array(HistoryItem)),
  /** Saves a version now (on demand, or just before a restore); unchanged since the last kept one → that one. */
  'history:snapshot': op(z.object({ id: ArticleId, reason: z.enum(['manual', 'restore']).optional() }).strict(), HistoryItem),
  /** A version's full Yjs state. */
  'history:get': op(z.object({ id: ArticleId, version: VersionName }).strict(), z.object({ state: Bytes })),
  /** Word-level differences per text field, the version as old and the article now as new. */
  'history:diff': op(z.object({ id: ArticleId, version: VersionName }).strict(), HistoryDiff),
  /** The writer has read the notice that a merge touched one paragraph on both sides (a `merge` version): it is not shown again. */
  'history:dismissMerge': op(z.object({ id: ArticleId, version: VersionName }).strict(), z.object({})),

  // --- photos: stored once by SHA-256, with a thumbnail; the article's `photos` names them ---
  /**
   * Checks the file by its bytes (JPEG, PNG or WebP; size, pixel count, decodes whole), stores
   * it and its thumbnail durably, reads its EXIF/XMP, then adds it to the article (into the
   * planned entry `into` when given). Refused with nothing written when any check fails; a photo
   * the article already shows is not added twice (`added: false`).
   */
  'photo:add': op(
    z.object({ id: ArticleId, name: z.string().min(1).max(1024), bytes: Bytes, into: z.number().int().nonnegative().optional(), init: PhotoInit.optional() }).strict(),
    z.object({ photo: PhotoFacts, index: z.number().int().nonnegative(), added: z.boolean() }),
  ),
  /** The photo's WebP thumbnail. */
  'photo:thumb': op(z.object({ photo: PhotoId }).strict(), z.object({ bytes: Bytes })),
  /** The stored original (for the inline view and export). */
  'photo:original': op(z.object({ photo: PhotoId }).strict(), z.object({ bytes: Bytes, mime: z.string() })),

  // --- event metadata, gazetteer and glossary (the article's `event`; places; people) ---
  // (operations of the event feature go here)
  /** Current units matching the query (accents and kind words optional), with the current unit of a former one; best first. */
  'place:search': op(PlaceSearchInput, z.array(PlaceMatch)),
  /** Glossary entries whose name (or a word of it) starts with the query, most used first. */
  'glossary:suggest': op(GlossarySuggestInput, z.array(GlossaryEntry)),
  /** Every entry, people then organisations, in Vietnamese order. */
  'glossary:list': op(none, z.array(GlossaryEntry)),
  /** Learns people (with title and organisation) and organisations the writer entered; the same name is one entry. */
  'glossary:learn': op(GlossaryLearnInput, z.object({ added: z.number().int(), updated: z.number().int() })),
  /** Corrects an entry; refused (glossaryDuplicate) when the new name is another entry's of the same kind. */
  'glossary:update': op(GlossaryUpdateInput, GlossaryEntry),
  /** Merges entries into one (of the same kind): `into` keeps its name, takes what it lacks, and counts their uses. */
  'glossary:merge': op(GlossaryMergeInput, GlossaryEntry),
  'glossary:remove': op(z.object({ id: GlossaryId }).strict(), z.object({})),

  // --- outbox: packages waiting for the newsroom's upload endpoint ---
  'outbox:list': op(none, z.array(OutboxJob)),
  /** Makes the article's package into the outbox and queues it (sent now, or as soon as the server answers); refused (uploadNotConfigured) without an endpoint. */
  'outbox:send': op(byId, OutboxJob),
  /** The upload endpoint, without its password or token. */
  'outbox:config': op(none, UploadConfig.nullable()),
  /** Sets (or, with null, forgets) the endpoint; an omitted secret keeps the stored one. Waiting jobs are tried at once. */
  'outbox:setConfig': op(z.object({ config: UploadConfigInput.nullable() }).strict(), UploadConfig.nullable()),
  /** Tries an endpoint (as typed, not yet saved; an omitted secret is the stored one) without sending a package. */
  'outbox:test': op(z.object({ config: UploadConfigInput }).strict(), UploadProbe),
  /** Tries a waiting or failed job now, with the same idempotency key. */
  'outbox:retry': op(z.object({ job: z.string().uuid() }).strict(), OutboxJob),
  /** Removes a job that is not being sent, with its package. */
  'outbox:remove': op(z.object({ job: z.string().uuid() }).strict(), z.object({})),

  // --- export: the article as one package (ZIP: ninjs, NewsML-G2, HTML, text, script, photos with XMP, manifest) ---
  /**
   * Streams the package of article `id` into the data folder's `exports/`, under a name main
   * makes (`<slug>-<date>.zip`, see export/package-name.ts) — the caller never names a path —
   * never whole in memory; a temp file renamed when complete, so a failure or a cancel leaves
   * nothing. In a browser it is then downloaded by `name`; in the desktop app main offers a save
   * dialog and `file` is where it was saved (or the exports folder's copy when cancelled).
   * Progress comes as `export:progress` events naming `job` (the caller's id for this export,
   * used by `export:cancel`).
   */
  'export:package': op(
    z.object({ id: ArticleId, job: z.string().min(1).max(100) }).strict(),
    z.object({ file: z.string(), name: z.string(), size: z.number().int().nonnegative(), files: z.number().int().nonnegative() }),
  ),
  /** Cancels a running export (it ends with exportCancelled); `cancelled: false` when none runs under that job. */
  'export:cancel': op(z.object({ job: z.string().min(1).max(100) }).strict(), z.object({ cancelled: z.boolean() })),
  /**
   * Opens a package the page read (its bytes, never a path on main's side) as a new article:
   * refused with nothing written when an entry escapes the folder, is absolute or a link, when
   * it is too large, or a checksum does not match (packageUnsafeEntry, packageTooLarge,
   * packageChecksum, packageInvalid, packageVersion).
   */
  'export:importPackage': op(z.object({ name: z.string().min(1).max(1024), bytes: Bytes }).strict(), ArticleSummary),

  // --- sync with the newsroom server (src-main/services/sync): background, no button to press ---
  /** Where sync stands: the corner status, the articles not on the server yet, who is logged in. */
  'sync:status': op(none, SyncStatus),
  /**
   * Logs in (POST /api/login), keeps the token in main (Electron's safeStorage where available)
   * and starts syncing every article. Refused with syncBadCredentials, syncTooManyAttempts,
   * syncUnreachable or syncNotServer; nothing is kept then.
   */
  'sync:login': op(SyncLoginInput, SyncStatus),
  /** Forgets the token and stops syncing; every article stays on this desk. */
  'sync:logout': op(none, SyncStatus),
  /** Tries the server now instead of waiting for the next backoff step. */
  'sync:retry': op(none, SyncStatus),
  /**
   * The system says the network is back (the window's `online` event): while the server does
   * not answer, it is tried now. Not taken as online by itself (online means the server answered).
   */
  'sync:networkUp': op(none, SyncStatus),
  /** The renderer's presence in an open article (a y-protocols awareness update); main passes it on to the server. */
  'article:awareness': op(AwarenessMessage, z.object({})),

  // --- the editorial workflow (src-main/services/workflow): moves go through the newsroom server ---
  /** The article's status, the moves this user may make now, the pending or refused move, the last note and the history. */
  'workflow:state': op(byId, WorkflowState),
  /** Queues the move durably (desk.json) and sends it at once when the server answers, later otherwise. */
  'workflow:move': op(WorkflowMoveInput, WorkflowState),
  /** Drops a pending move not yet sent, or a refused one. */
  'workflow:cancel': op(byId, WorkflowState),
  /** The editors' queue from the server (GET /api/queue); offline, the last answer kept. */
  'workflow:queue': op(none, WorkflowQueue),
  /** The newsroom's enabled accounts (GET /api/people, editors and admins) whom an editor assigns; offline, the last answer. */
  'workflow:people': op(none, WorkflowPeople),
  /** Replaces the article's assignees on the server (editors and admins); refused offline (`workflowAssignOffline`). */
  'workflow:assign': op(WorkflowAssignInput, WorkflowAssignees),
  /** The article's assignees as the server has them now (`workflowAssignOffline` when it does not answer). */
  'workflow:assignees': op(byId, WorkflowAssignees),
  /** What changed since the article's last submission or return, each added run with its writers; offline, the last answer. */
  'workflow:changes': op(byId, WorkflowChanges),
  // --- spellcheck (src-shared/spell; the newsroom dictionary: src-main/services/spell) ---
  /** The newsroom dictionary's words as this desk knows them (the server's last list and the words waiting to be sent). */
  'spell:words': op(none, SpellWords),
  /** Adds a word to the newsroom dictionary: known at once on this desk, sent now or when the server answers. */
  'spell:add': op(z.object({ word: z.string().trim().min(1).max(DICTIONARY_WORD_MAX) }).strict(), SpellWords),
  /** The articles whose move waits to be sent or was refused (the library shows "chờ gửi" on their rows). */
  'workflow:pending': op(none, WorkflowPendingMoves),

  // --- translation pairs (src-shared/translation, src-main/services/translations.ts) ---
  /** Makes the article's translation into `to` (a new linked article, its blocks empty), or returns the one it has. */
  'translation:create': op(z.object({ id: ArticleId, to: Language }).strict(), z.object({ id: ArticleId })),
  /** The pair of article `id` (a source or a translation): each pair of blocks fresh, stale (with the source's diff), untranslated or orphaned. */
  'translation:state': op(byId, TranslationStateOutput),
  /** The translation's block `blockId` is in step with its source as it is now (`id`: either article of the pair). */
  'translation:confirm': op(z.object({ id: ArticleId, blockId: BlockId }).strict(), TranslationStateOutput),

  // --- accounts on the newsroom server, for its admins (src-main/services/admin): online only ---
  /** The server's users (GET /api/users); adminOffline, adminForbidden. */
  'admin:users': op(none, AdminUsers),
  /** Makes a user; with no password the server makes one, returned here once and kept nowhere. adminUserExists, adminInvalidName, adminPasswordTooShort. */
  'admin:createUser': op(AdminCreateInput, AdminUserResult),
  /** Changes a user's role, disables or enables it, or gives it a new password made here (returned once); disabling or a new password signs the user out everywhere. */
  'admin:updateUser': op(AdminUpdateInput, AdminUserResult),
  /** Who is connected to the server now (GET /api/connections: the instance that answered). */
  'admin:connections': op(none, AdminConnections),
} as const;

export const events = {
  /** A Yjs update to an article, from another client or from main itself. */
  'article:changed': z.object({ id: ArticleId, update: Bytes }),
  'library:changed': z.object({}),
  'settings:changed': Settings,
  'desk:notice': NoticeSchema,
  /** A version of the article was saved. */
  'history:changed': z.object({ id: ArticleId }),
  /** A job of the outbox changed state. */
  'outbox:changed': z.object({ jobs: z.array(OutboxJob) }),
  /** How far an `export:package` is: bytes of the package written, of the expected total. */
  'export:progress': ExportProgress,
  /** Sync changed state, or the set of pending/refused articles changed. */
  'sync:status': SyncStatus,
  /** Others' presence in an article the client has open (awareness update from the server or another window). */
  'article:awareness': AwarenessMessage,
  /** A photo this desk lacked arrived from the newsroom server (an open article's): a placeholder for it can show it now. */
  'photo:arrived': z.object({ photo: PhotoId }),
  /** An article's workflow state changed: a status arrived through sync, a move was queued, sent or refused. */
  'workflow:changed': z.object({ id: ArticleId }),
  /** The newsroom dictionary changed (a word added here, or the server's list arrived). */
  'spell:dictionary': SpellWords,
} as const;

export type Operations = typeof operations;
export type OpName = keyof Operations;
export type EventName = keyof typeof events;
export type OpInput<K extends OpName> = z.input<Operations[K]['input']>;
export type OpArgs<K extends OpName> = z.output<Operations[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Operations[K]['output']>;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const OP_NAMES = Object.keys(operations) as OpName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isOpName(value: unknown): value is OpName {
  return typeof value === 'string' && Object.hasOwn(operations, value);
}

/** What every call returns across a process boundary (thrown errors lose their fields in IPC). */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorPayload };

/** The single IPC channel names. Calls go through one invoke channel, events through one push channel. */
export const IPC_CALL_CHANNEL = 'desk:call';
export const IPC_EVENT_CHANNEL = 'desk:event';
