/**
 * What the newsroom server keeps, behind one interface: users, login tokens (hashed), articles
 * with their owner and assignees, each article's Yjs state and the log of updates stored since
 * that state was last compacted, and the photos index.
 *
 * Two implementations: SQLite in the data folder (sqlite.ts, the default, needs nothing else)
 * and PostgreSQL (postgres.ts, chosen by a `postgres://` address). Every call is async and
 * resolves only once its change is committed and durable (SQLite: WAL fsynced; PostgreSQL: the
 * commit's WAL flushed), which is what lets the sync layer acknowledge a change only once it is
 * stored.
 */
import * as Y from 'yjs';
import type { Language, Status } from '../../src-shared/models';
import type { Role } from '../../src-shared/server-api';
import type { Transition } from '../../src-shared/workflow';

export interface UserRow {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface ArticleRow {
  readonly id: string;
  readonly ownerId: number | null;
  readonly ownerName: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Grows with every update stored for the article (the update log's sequence number). */
  readonly version: number;
}

/** Someone who wrote to an article, with the sequence number of their latest stored update. */
export interface WriterRow {
  readonly name: string;
  readonly version: number;
}

/** A Yjs client number seen in an article's stored updates, and the account that first sent changes under it. */
export interface AuthorRow {
  readonly client: number;
  readonly name: string;
}

export interface DirectoryRow extends ArticleRow {
  readonly assignees: readonly string[];
}

/** A workflow move to record, with the update that writes it into the article's `workflow` map. */
export interface NewTransition {
  readonly articleId: string;
  readonly from: Status;
  readonly to: Status;
  readonly note: string;
  readonly byUserId: number;
  readonly at: string;
  /** The article's Yjs state at the move (kept for submissions and returns: "changes since"). */
  readonly state: Uint8Array | null;
}

/**
 * recordMove's refusal: the article's latest recorded move left it in `status`, not in the
 * move's `from` — another server instance moved it meanwhile. Nothing was stored.
 */
export class MovedMeanwhile extends Error {
  constructor(readonly status: Status) {
    super(`the article was moved to ${status} meanwhile`);
  }
}

/** A recorded move, with the article's version once it was written (a later version: changed since). */
export interface StoredTransition extends Transition {
  readonly version: number;
}

/**
 * What the queue shows of an article's text, read from its document at `version` and kept, so
 * that listing the queue decodes only the articles changed since they were last read.
 */
export interface ArticleDigest {
  readonly version: number;
  readonly headline: string;
  readonly section: string;
  readonly words: number;
  readonly language: Language;
  /** Comment threads not resolved (the queue's count of open comments). */
  readonly openComments: number;
}

/** An article whose latest move leaves it waiting for an editor, or approved/published and changed since. */
export interface QueueEntry extends DirectoryRow {
  readonly status: Status;
  /** When it was last submitted (null if never). */
  readonly arrivedAt: string | null;
  /** A change was stored after its latest move, which made it approved or published. */
  readonly changedSinceApproved: boolean;
  /** The digest kept for the article, of whatever version (null: none yet); stale when its version is not the article's. */
  readonly digest: ArticleDigest | null;
}

export interface UserChange {
  readonly role?: Role | undefined;
  readonly disabled?: boolean | undefined;
  readonly passwordHash?: string | undefined;
}

export type StorageKind = 'sqlite' | 'postgres';

export interface Storage {
  readonly kind: StorageKind;
  /** Where it is, for the log: a file path, or the database address without its password. */
  readonly where: string;
  close(): Promise<void>;

  // users and tokens
  userCount(): Promise<number>;
  /** User names are unique without regard to ASCII case. */
  userByName(name: string): Promise<UserRow | null>;
  userById(id: number): Promise<UserRow | null>;
  /** Every user, by name (ASCII case ignored). */
  users(): Promise<UserRow[]>;
  createUser(name: string, role: Role, passwordHash: string, now: string): Promise<UserRow>;
  /** Changes a user; disabling or a new password also revokes every token of theirs, in the same transaction. */
  updateUser(id: number, change: UserChange): Promise<void>;
  addToken(hash: string, userId: number, now: string, expiresAt: string): Promise<void>;
  deleteToken(hash: string): Promise<void>;
  /** The enabled user holding this (hashed) token, if it has not expired. */
  userByTokenHash(hash: string, now: string): Promise<UserRow | null>;

  // articles and access
  article(id: string): Promise<ArticleRow | null>;
  /** Records the article with its first writer as owner; an existing article keeps its owner. */
  ensureArticle(id: string, ownerId: number, now: string): Promise<void>;
  /** How many articles owned by the user were recorded at or after `since` (the per-hour limit). */
  articlesCreatedSince(ownerId: number, since: string): Promise<number>;
  /** Gives the article to `ownerId` and records who did it and when, in one transaction. */
  setOwner(articleId: string, ownerId: number, byUserId: number, now: string): Promise<void>;
  isAssigned(articleId: string, userId: number): Promise<boolean>;
  /** The assignees' names, by name. */
  assignees(articleId: string): Promise<string[]>;
  /** Replaces the article's assignees, in one transaction. */
  setAssignees(articleId: string, userIds: readonly number[]): Promise<void>;
  /** Articles the user may hold: all of them for editors and admins, owned or assigned for a reporter; most recently changed first. */
  directory(user: UserRow): Promise<DirectoryRow[]>;

  // documents
  /**
   * Appends one update to the article's log (recording the article, ownerless, if it is new)
   * and sets its version to the update's sequence number, in one committed transaction.
   * Resolves once the commit is durable; returns the sequence number.
   */
  appendUpdate(articleId: string, data: Uint8Array, userId: number | null, now: string): Promise<number>;
  /** The compacted state and every update logged after it, oldest first. */
  documentParts(articleId: string): Promise<Uint8Array[]>;
  pendingUpdates(articleId: string): Promise<number>;
  /**
   * Folds the log into the stored state: state + log merged in a scratch Y.Doc, the new state
   * written and exactly the rows merged deleted — one transaction, computed from what is stored
   * only (never from a document in memory that may be unloading). Does nothing once closed.
   */
  compact(articleId: string): Promise<void>;
  articlesWithPendingUpdates(): Promise<string[]>;
  /** Everyone whose updates were stored for the article, each with their latest update's sequence number (kept through compaction). */
  writers(articleId: string): Promise<WriterRow[]>;
  /**
   * Which account wrote under each Yjs client number of the article (recorded by appendUpdate
   * for a user's update, the first account to use a number keeping it): what lets a desk name,
   * by account, who wrote the text a diff shows. Kept through compaction.
   */
  authors(articleId: string): Promise<AuthorRow[]>;

  // workflow
  /**
   * Stores the server's `update` that writes a move into the article (as appendUpdate, by no
   * user) and records the move at the version that update gets, in one committed transaction;
   * returns the move as read back (with the mover's name). Throws MovedMeanwhile, storing
   * nothing, when the article's latest recorded move is to another status than `t.from`: the
   * database decides between instances moving one article at once.
   */
  recordMove(update: Uint8Array, t: NewTransition): Promise<StoredTransition>;
  /** The article's recorded moves, oldest first. */
  transitions(articleId: string): Promise<StoredTransition[]>;
  /** The state kept with move `id` of the article (null: no such move, or none was kept). */
  transitionState(articleId: string, id: number): Promise<Uint8Array | null>;
  /**
   * Articles whose latest move is to one of `waiting`, or to one of `approved` with a change
   * stored after it; the latest arrival first.
   */
  queue(waiting: readonly Status[], approved: readonly Status[]): Promise<QueueEntry[]>;
  /** Keeps these digests, each replacing the article's kept one unless that one is of a later version. */
  putDigests(digests: ReadonlyArray<ArticleDigest & { readonly articleId: string }>): Promise<void>;

  // photos
  photo(id: string): Promise<{ size: number; mime: string } | null>;
  addPhoto(id: string, size: number, mime: string, userId: number, now: string): Promise<void>;
  /** How many photos the user uploaded at or after `since` (the per-hour limit). */
  photosUploadedSince(userId: number, since: string): Promise<number>;

  /** The newsroom dictionary: words every desk's spellchecker takes as known, in the order added. */
  dictionaryWords(): Promise<DictionaryWordRow[]>;
  /** Adds a word (NFC); false when it was there already. */
  addDictionaryWord(word: string, userId: number, now: string): Promise<boolean>;
  /** Removes a word; false when it was not there. */
  removeDictionaryWord(word: string): Promise<boolean>;
}

export interface DictionaryWordRow {
  readonly word: string;
  /** Who added it ('' when that account is gone). */
  readonly by: string;
  readonly at: string;
}

/**
 * Applies one logged update. Every update was applied to a copy before it was logged, so this
 * cannot fail unless the store was damaged; then the damaged update is skipped and reported
 * rather than making the whole article unloadable.
 */
export function applyStored(doc: Y.Doc, data: Uint8Array, what: string): void {
  try {
    Y.applyUpdate(doc, data);
  } catch (err) {
    console.error(`skipped a damaged stored update (${what}): ${(err as Error).message}`);
  }
}

/**
 * The Yjs client numbers whose new content `update` carries. Not the ones it deletes from: a
 * deletion names the content removed, not who removed it.
 */
export function clientsOf(update: Uint8Array): number[] {
  try {
    return [...Y.parseUpdateMeta(update).from.keys()];
  } catch {
    return []; // not decodable: it was checked before it was stored, so this is a damaged copy
  }
}

/** The state that folding `updates` (with their sequence numbers) into `state` gives. */
export function foldUpdates(articleId: string, state: Uint8Array | null, updates: ReadonlyArray<{ readonly seq: number; readonly data: Uint8Array }>): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (state) Y.applyUpdate(doc, state);
      for (const u of updates) applyStored(doc, u.data, `${articleId} update ${u.seq}`);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
