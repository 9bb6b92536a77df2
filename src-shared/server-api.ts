/**
 * The newsroom server's API as a desk sees it (README "Newsroom server"): paths, roles, the
 * JSON bodies and the error codes of every refusal. `src-server` implements it; the desk's
 * sync service (src-main/services/sync) calls it. No Node, no DOM: plain types and constants.
 *
 * HTTP: every call but `POST /api/login` carries `Authorization: Bearer <token>`; a refusal is
 * `{ "error": <ServerErrorCode>, ...params }` with the matching status, never a stack trace.
 *
 * WebSocket: Hocuspocus 3 at `/sync` on the same port, one socket for every article; each
 * article is a Hocuspocus document named by its id, authenticated with the same token. Beside
 * the articles, a desk attaches the directory channel (DIRECTORY_CHANNEL) on that socket: an
 * empty document the server tells the desk things on, as Hocuspocus stateless messages
 * (`DeskNotice`, JSON).
 */
import type { ChangesSince } from './changes-since';
import type { ChecklistItemId } from './checklist';
import type { Language, Status } from './models';
import type { Transition } from './workflow';

export const ROLES = ['reporter', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SYNC_PATH = '/sync';

/**
 * The Hocuspocus document name of the directory channel. It cannot be an article id (those are
 * lowercase letters, digits and dashes), and it never holds content: the server refuses any
 * change or presence on it and only sends stateless notices down it, each to the connections
 * whose user may read the article concerned (the same rule as GET /api/directory).
 */
export const DIRECTORY_CHANNEL = '@directory';

/**
 * What the server tells a desk on the directory channel, as soon as it happens:
 * - `article`: an article this user may read was stored at a new version (created, changed)
 *   or was assigned to them; `version` and `updatedAt` as GET /api/directory gives them.
 * - `photo`: a photo was stored for an article this user may read (the uploader named the
 *   article); a desk showing that article fetches the photo now.
 * Notices are a hint for speed: the directory (asked at start, on every reconnection and every
 * 30 s) stays the truth, so a notice lost with a dropped socket costs only time.
 */
export type DeskNotice =
  | { readonly kind: 'article'; readonly id: string; readonly version: number; readonly updatedAt: string }
  | { readonly kind: 'photo'; readonly article: string; readonly photo: string }
  /** The newsroom dictionary changed: desks fetch it again (GET /api/dictionary). */
  | { readonly kind: 'dictionary' };

/** A notice from its stateless payload; null for anything else (a newer server's notice this desk does not know). */
export function parseNotice(payload: string): DeskNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind === 'article' && typeof v.id === 'string' && typeof v.version === 'number' && typeof v.updatedAt === 'string') {
    return { kind: 'article', id: v.id, version: v.version, updatedAt: v.updatedAt };
  }
  if (v.kind === 'photo' && typeof v.article === 'string' && typeof v.photo === 'string') return { kind: 'photo', article: v.article, photo: v.photo };
  if (v.kind === 'dictionary') return { kind: 'dictionary' };
  return null;
}

export const SERVER_ERROR_CODES = [
  /** No token, an unknown, revoked or expired token, or a disabled account. 401 / WebSocket `authenticationFailed`. */
  'unauthorized',
  /** Wrong user name or password (the two are not told apart). 401. */
  'badCredentials',
  /** Too many failed logins for this user from this address; `retryAfter` seconds. 429. */
  'tooManyAttempts',
  /** The token is good but the role or the article's access list does not allow it. 403 / `authenticationFailed`. */
  'forbidden',
  /** No such user, article, photo or path. 404. */
  'notFound',
  /** The method is not one this path takes. 405. */
  'methodNotAllowed',
  /** The body is not the JSON this call takes (`field` names the first bad field). 400. WebSocket: an update that is not a Yjs update. */
  'invalidPayload',
  /** A user with that name exists. 409. */
  'userExists',
  /** The body is larger than the call takes (photos: PHOTO_MAX_BYTES). 413. */
  'payloadTooLarge',
  /** The photo's bytes do not hash to the SHA-256 in its address; nothing was kept. 422. */
  'photoHashMismatch',
  /** WebSocket: a client update that would change the article's `workflow` map; refused, not stored, the article's connection closed. */
  'workflowReadOnly',
  /** WebSocket: the article was reloaded under this connection; reconnect and sync again (nothing unacknowledged was applied). */
  'documentReloaded',
  /** WebSocket: an update that needs changes the server does not have (its effect cannot be decided); refused, not stored; reconnect and sync again. */
  'updateIncomplete',
  /** The account recorded as many new articles in the last hour as the server allows. WebSocket `authenticationFailed`. */
  'tooManyArticles',
  /** WebSocket: the update would make the article's state larger than the server allows; refused, not stored, the article's connection closed. */
  'articleTooLarge',
  /** The account uploaded as many photos in the last hour as the server allows. 429. */
  'tooManyPhotos',
  /** The server could not store the change (disk full, I/O); nothing was acknowledged. 503. */
  'storageFailed',
  /** A move whose `expected` status is not the article's status now (someone moved it first); `status` is the current one. 409. */
  'statusChanged',
  /** The workflow does not allow that move from the article's current status (`status`). 409. */
  'moveNotAllowed',
  /** A submission of an article the checklist finds incomplete, on the server's copy; `missing` lists the items. 422. */
  'incomplete',
  /** A move that needs a note (a return) came without one. 400. */
  'noteRequired',
  /** Anything else; details are in the server's log only. 500. */
  'internal',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

export interface ServerError {
  readonly error: ServerErrorCode;
  readonly field?: string;
  readonly retryAfter?: number;
  /** `statusChanged`, `moveNotAllowed`: the article's status now. */
  readonly status?: Status;
  /** `incomplete`: the checklist items the article still lacks. */
  readonly missing?: readonly ChecklistItemId[];
}

export interface UserInfo {
  readonly name: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** One enabled account as editors choose whom to assign: its name and role, nothing else. */
export interface Person {
  readonly name: string;
  readonly role: Role;
}

/** A word of the newsroom dictionary: known to every desk's spellchecker. */
export interface DictionaryWord {
  readonly word: string;
  /** The account that added it ('' when it is gone). */
  readonly by: string;
  readonly at: string;
}

/** The longest word the dictionary takes. */
export const DICTIONARY_WORD_MAX = 100;

/**
 * GET /api/dictionary (any user) → the newsroom dictionary, in the order added.
 * POST /api/dictionary `{ word }` (any user) → 200, the dictionary with it (adding a word there already changes nothing).
 * DELETE /api/dictionary/<word> (editor, admin) → 200, the dictionary without it.
 */
export interface DictionaryResponse {
  readonly words: readonly DictionaryWord[];
}

/** GET /api/people (editor, admin) → the enabled accounts, by name. */
export interface PeopleResponse {
  readonly people: readonly Person[];
}

/** POST /api/login `{ name, password }` → 200 */
export interface LoginResponse {
  readonly token: string;
  readonly user: UserInfo;
  readonly expiresAt: string;
}

/** POST /api/users (admin) `{ name, role, password? }` → 201; `password` only when the server made one. */
export interface CreateUserResponse {
  readonly user: UserInfo;
  readonly password?: string;
}

/** One article a desk may hold, from GET /api/directory. */
export interface DirectoryEntry {
  readonly id: string;
  /** User name of the first writer, who owns it (null when that account was removed). */
  readonly owner: string | null;
  readonly assignees: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * Grows with every change the server stored for this article (a server-wide sequence): a
   * desk that remembers the version it last synced knows, without opening the article,
   * whether the server has something new.
   */
  readonly version: number;
}

export interface DirectoryResponse {
  readonly articles: readonly DirectoryEntry[];
}

/**
 * PUT /api/photos/<sha256>[?article=<id>] → 201 `{ stored: true }` when written, 200
 * `{ stored: false }` when the server had it. With `article` (one the uploader may read), the
 * readers of that article are told on the directory channel once it is stored.
 */
export interface PhotoPutResponse {
  readonly id: string;
  readonly size: number;
  readonly stored: boolean;
}

/**
 * POST /api/articles/<id>/owner `{ user }` (editor or admin) → 200 `{ id, owner }`: the article
 * is given to that user (recorded with who did it and when); the previous owner keeps it only
 * if it is assigned to them, and their open connections to it are closed otherwise.
 */
export interface OwnerResponse {
  readonly id: string;
  readonly owner: string;
}

/** Someone who wrote to an article, with the `version` (update sequence number) of their latest stored change. */
export interface ArticleWriter {
  readonly name: string;
  readonly version: number;
}

/**
 * GET /api/articles/<id>/state → the article as the server holds it now (for whoever may read
 * it): its Yjs state (`state`, base64 of the update that rebuilds it), its `version`, and who
 * wrote to it (`writers`, oldest latest change first). A desk about to merge the server's
 * changes into its own keeps this as "the other side's text" and names those who made them.
 */
export interface ArticleStateResponse {
  readonly id: string;
  readonly version: number;
  readonly state: string;
  readonly writers: readonly ArticleWriter[];
}

/**
 * POST /api/articles/<id>/transitions, body TransitionRequest `{ to, note?, expected? }` (see
 * src-shared/workflow.ts) → 200: the server checked the move (role, ownership, current status,
 * the note, and for a submission the checklist on its own copy), wrote the article's `workflow`
 * map itself (status, note, by, at: every desk gets them through sync) and recorded the move.
 * Refusals: 403 `forbidden`, 409 `statusChanged` / `moveNotAllowed` with `status`, 422
 * `incomplete` with `missing`, 400 `noteRequired`. Moves of one article are serialised: of two
 * editors moving it at once with the same `expected`, exactly one gets 200.
 */
export interface TransitionResponse {
  readonly status: Status;
  readonly transition: Transition;
}

/**
 * GET /api/articles/<id>/transitions (whoever may read it) → every recorded move, oldest first,
 * and whether a change was stored after the latest move approved or published it.
 */
export interface TransitionsResponse {
  readonly transitions: readonly Transition[];
  readonly changedSinceApproved: boolean;
}

/**
 * GET /api/articles/<id>/transitions/<transition id>/state (whoever may read it) → the article's
 * Yjs state as it was at that move (`state`, base64 of an update), kept for submissions,
 * returns, approvals and publications: a desk diffs the article against it to show what changed
 * since. 404 for other moves (and for approvals recorded before their state was kept).
 */
export interface TransitionStateResponse {
  readonly id: string;
  readonly transition: number;
  readonly state: string;
}

/**
 * GET /api/articles/<id>/authors (whoever may read it) → which account wrote under each Yjs
 * client number seen in the article's stored updates. A desk showing what changed since a
 * submission names, by account, who wrote each added word (its Yjs item's client); a number
 * missing here is the server's own change (the workflow) or a desk's not yet stored.
 */
export interface AuthorsResponse {
  readonly id: string;
  readonly authors: ReadonlyArray<{ readonly client: number; readonly name: string }>;
}

/**
 * GET /api/articles/<id>/transitions/<transition id>/changes (whoever may read it) → what
 * changed since that submission or return (src-shared/changes-since.ts): per field (headline,
 * lead, body) the words kept, added and removed, each added run with the accounts that wrote it.
 */
export interface ChangesSinceResponse extends ChangesSince {
  readonly id: string;
  readonly transition: number;
}

/** One article waiting for an editor, as GET /api/queue gives it. */
export interface QueueRow {
  readonly id: string;
  readonly headline: string;
  /** The owner's user name (null when that account was removed). */
  readonly owner: string | null;
  readonly assignees: readonly string[];
  readonly section: string;
  readonly status: Status;
  /** When it was last submitted (null if it never was, e.g. moved by an admin). */
  readonly arrivedAt: string | null;
  readonly words: number;
  readonly updatedAt: string;
  /** A change was stored after it was approved or published. */
  readonly changedSinceApproved: boolean;
  /** The article's language (its on-air time is counted at that language's rate). */
  readonly language: Language;
  /** Comment threads not resolved. */
  readonly openComments: number;
}

/** GET /api/queue (editor, admin) → the articles waiting for an editor (WAITING_FOR_EDITOR), latest arrival first. */
export interface QueueResponse {
  readonly articles: readonly QueueRow[];
}

/** One article a connected user has open: its id and headline (as the server holds it now). */
export interface ConnectedArticle {
  readonly id: string;
  readonly headline: string;
}

/** One user connected to this server instance now (GET /api/connections, admins). */
export interface ConnectedUser {
  readonly name: string;
  readonly role: Role;
  /** WebSockets open (one per desk, as a desk multiplexes its articles over one). */
  readonly sockets: number;
  /** The articles open, by id. */
  readonly articles: readonly ConnectedArticle[];
  /** When the user's oldest open socket connected (ISO). */
  readonly since: string;
}

export interface ConnectionsResponse {
  /** The users connected to the instance that answered (with several instances, each its own). */
  readonly users: readonly ConnectedUser[];
}
