/**
 * Yjs sync: Hocuspocus 3 with the server's own authentication, access rules and storage.
 *
 * Acknowledgement. Hocuspocus answers every sync-step-2 or update message it applied with a
 * SyncStatus message (the provider's `unsyncedChanges` counts down on each; 0 means every
 * update it sent was acknowledged). This module stores each incoming update in the database
 * (committed and durable: storage/types.ts) in `beforeHandleMessage`, before Hocuspocus handles
 * the message and so before that acknowledgement is sent. It applies the update to the live
 * document (which relays it to the article's other desks) just before the commit, so that the
 * others do not wait for it: a sender not acknowledged sends the update again, and the desks
 * that got it hold it, so nothing is lost if the commit fails or the server dies before it.
 * Nothing is left to Hocuspocus's debounced
 * `onStoreDocument`, which here only compacts the log (state + updates → state) from what is
 * already stored, once it is long (`COMPACT_AFTER_UPDATES`) or the article's last desk left.
 * So: once a client has its acknowledgement, the change survives kill -9 of the server, and a
 * document unloading, reloading or being connected to at any moment cannot drop it.
 *
 * Storage is async (PostgreSQL is), and Hocuspocus runs `beforeHandleMessage` for each message
 * as it arrives, applying each once its hook has resolved. So one connection's messages are
 * checked one after another here (each after the previous one is checked and, alone, applied
 * and handed to storage), and their hooks resolve in the order they came, each once its update
 * is stored: they are applied, stored and acknowledged in the order they were sent, as the
 * provider's count assumes. A document that unloads while an update is being stored is checked
 * for again afterwards.
 *
 * Refusals (never stored, never acknowledged): an update that would touch the `workflow` map
 * (read from the update's structure: update-effect.ts), one whose effect cannot be
 * decided there (it waits for changes the server does not have, or releases ones that waited:
 * accepted, it could land in `workflow` later, unseen), one that would make the article larger
 * than the limit (access.ts, `articleMaxBytes`), and a message that reaches
 * a document already unloaded (the whole socket is closed so the provider reconnects and
 * resends). Opening an article the server does not have records it for its first writer only
 * with its creation secret, when its id is of that form, and within the hourly limit (access.ts).
 *
 * Dropped without closing anything: presence that is not the sender's own (presence.ts) and
 * every stateless broadcast from a desk (Hocuspocus would relay it verbatim to everyone in the
 * article; the server's own notices go down the directory channel, notices.ts).
 *
 * The directory channel (DIRECTORY_CHANNEL, notices.ts) is a document like no other: any valid
 * token may attach it, nothing is loaded into it or stored from it, and every message that
 * would change it, give it presence or broadcast on it is refused. Each update stored for an
 * article is told to its readers there (`Notices.article`).
 */
import { Hocuspocus, type Document, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { splitClaim } from '../src-shared/article-claim';
import { KEYS } from '../src-shared/article-doc';
import { ArticleId } from '../src-shared/models';
import { DIRECTORY_CHANNEL, type ServerErrorCode } from '../src-shared/server-api';
import type { Access } from './access';
import type { Notices } from './notices';
import { presenceRefusal } from './presence';
import { applyStored, type Storage, type UserRow } from './storage';
import { commentRefusal, touchesComments } from './comment-guard';
import { effectOnCopy, hasPending, updateEffect, type UpdateEffect } from './update-effect';

/** An article being typed into is compacted once its log holds this many updates (a load reads them in a few milliseconds). */
export const COMPACT_AFTER_UPDATES = 1000;

export interface SyncContext {
  readonly user: UserRow;
}

/** What a hook throws to refuse: Hocuspocus sends `reason` to the client. */
interface Refusal {
  readonly code: number;
  readonly reason: ServerErrorCode;
}
const refusal = (reason: ServerErrorCode, code = 4403): Refusal => ({ code, reason });

/** A message's type (Hocuspocus MessageType), read after the document name. */
function messageTypeOf(message: Uint8Array): number {
  return readHeader(message).type;
}

/** Reads a message's header: document name, message type and, for sync messages, the Yjs update it carries. */
function syncUpdateOf(message: Uint8Array): Uint8Array | null {
  return readHeader(message).update;
}

/** Hocuspocus MessageType values the server looks at beyond sync. */
const AWARENESS = 1;
const QUERY_AWARENESS = 3;
const BROADCAST_STATELESS = 6;

interface Header {
  readonly type: number;
  /** Where the type is in the message (one byte for every type there is). */
  readonly typeAt: number;
  /** Where what follows the type starts. */
  readonly bodyAt: number;
  readonly update: Uint8Array | null;
}

function readHeader(message: Uint8Array): Header {
  let pos = 0;
  const uint = (): number => {
    let num = 0;
    let mult = 1;
    for (;;) {
      const byte = message[pos++];
      if (byte === undefined) throw new RangeError('truncated message');
      num += (byte & 0x7f) * mult;
      if (byte < 0x80) return num;
      mult *= 128;
      if (mult > 2 ** 53) throw new RangeError('varint too long');
    }
  };
  const nameLength = uint();
  pos += nameLength;
  const typeAt = pos;
  const type = uint();
  const bodyAt = pos;
  if (type !== 0 && type !== 4) return { type, typeAt, bodyAt, update: null }; // Sync, SyncReply
  const step = uint();
  if (step !== 1 && step !== 2) return { type, typeAt, bodyAt, update: null }; // step 1 carries a state vector, not an update
  const length = uint();
  if (pos + length > message.length) throw new RangeError('truncated update');
  return { type, typeAt, bodyAt, update: message.subarray(pos, pos + length) };
}

/**
 * Drops a message without closing the connection: its type becomes QueryAwareness, which
 * Hocuspocus handles by doing nothing for a client's own message (it answers only when given a
 * reply path, which a message from a connection is not) and whose body it does not read.
 * Hocuspocus reads the message from this very buffer once `beforeHandleMessage` resolves.
 */
function drop(message: Uint8Array, header: Header): void {
  if (header.bodyAt - header.typeAt !== 1) throw refusal('invalidPayload', 4400);
  message[header.typeAt] = QUERY_AWARENESS;
}

/** Message types a desk may send on the directory channel: sync (of its empty document), query awareness, stateless, close. */
const CHANNEL_MESSAGE_TYPES = new Set([0, 3, 4, 5, 7]);

const STORAGE_ORIGIN = 'storage';
/** The origin of the server's own changes (openAsServer), applied once stored. */
const SERVER_ORIGIN = 'server';

/** Hocuspocus applies a client's update with that client's Connection (which holds its WebSocket) as origin. */
const isClientConnection = (origin: unknown): boolean => typeof origin === 'object' && origin !== null && 'webSocket' in origin && 'socketId' in origin;

/**
 * The origin @hocuspocus/extension-redis gives what it applies from another instance (README,
 * "Scale-out"; scale/cluster.ts): that instance checked and stored the update before applying
 * it, so it is not stored again.
 */
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
const isFromOtherInstance = (origin: unknown): boolean => origin === REDIS_ORIGIN;

/** An empty Yjs update: no structs, no deletions. */
const isEmptyUpdate = (u: Uint8Array): boolean => u.length === 2 && u[0] === 0 && u[1] === 0;

/** A socket the server writes to (the `net.Socket` under a `ws` WebSocket). */
interface Corkable {
  cork(): void;
  uncork(): void;
}

/**
 * Writes of one turn of the event loop go out together, a write per socket a turn: each socket
 * written to is corked at its first message and uncorked once the turn's work is done. An edit
 * relayed to the 49 other desks of an article was 49 writes, and a turn that handled several
 * edits wrote to each socket once per edit; under load each write is a system call that can
 * wait for the CPU, and in a profile of 50 desks on one article those writes were most of the
 * server's busy loop.
 */
const corked = new Set<Corkable>();
const uncorkAll = (): void => {
  // Emptied first: a write made while uncorking (a callback's) starts the next turn's batch.
  const sockets = [...corked];
  corked.clear();
  for (const socket of sockets) socket.uncork();
};
const writesByTurn = new WeakSet<object>();
export function batchWritesByTurn(webSocket: { send: (...args: never[]) => unknown; _socket?: Corkable }): void {
  const socket = webSocket._socket;
  if (!socket || writesByTurn.has(webSocket)) return;
  writesByTurn.add(webSocket);
  const send = webSocket.send.bind(webSocket) as (...args: unknown[]) => unknown;
  webSocket.send = ((...args: unknown[]) => {
    if (!corked.has(socket)) {
      if (corked.size === 0) setImmediate(uncorkAll);
      socket.cork();
      corked.add(socket);
    }
    return send(...args);
  }) as typeof webSocket.send;
}

/** Upgrade requests of sockets that have authenticated at least one document. */
export const authenticatedRequests = new WeakSet<object>();

export interface SyncOptions {
  readonly storage: Storage;
  readonly access: Access;
  /** Tells desks of each update stored (the directory channel). */
  readonly notices: Notices;
  readonly now: () => string;
  /** Compaction waits this long after the last change (Hocuspocus's debounce), at most `maxDebounceMs`. */
  readonly debounceMs?: number;
  readonly maxDebounceMs?: number;
  /** Fault injection for tests: a pause before a document unloads, to widen the window in which a client reconnects. */
  readonly unloadDelayMs?: number;
  readonly log: (line: string) => void;
  /** More Hocuspocus extensions (the Redis extension, when instances share one: scale/cluster.ts). */
  readonly extensions?: readonly Extension[];
  /** Apply a desk's update (and so relay it to the article's other desks) before its commit, not after: for a server alone (default true). */
  readonly relayBeforeCommit?: boolean;
}

/** An article opened by the server for its own changes (the workflow), held loaded until closed. */
export interface ServerHandle {
  /** The live document every desk syncs with. */
  readonly doc: Y.Doc;
  /**
   * The server's own change (the workflow guard checks client updates only): `change` is made on
   * a copy, the update it gives is stored by `store` (which may record more in the same
   * transaction), and only then applied to the live document, which sends it to every desk —
   * as a client's update is stored before it is applied.
   */
  write<T>(change: (doc: Y.Doc) => void, store: (update: Uint8Array) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Sync {
  readonly hocuspocus: Hocuspocus;
  /** Opens article `id` for the server's own changes, loading it if no desk has it open. */
  openAsServer(id: string, context: SyncContext): Promise<ServerHandle>;
  /** Resolves once every write begun so far (client updates, server changes) has settled. */
  idle(): Promise<void>;
}

export function createSync(options: SyncOptions): Sync {
  const { storage, access, now, notices } = options;
  const relayFirst = options.relayBeforeCommit ?? true;
  /** Per connection: the checking (and, alone, applying) of its latest message — the next one is checked after it. */
  const inOrder = new WeakMap<object, Promise<void>>();
  /** Per connection: its latest message's hook, storage included — the next one's resolves after it. */
  const lastHandled = new WeakMap<object, Promise<void>>();
  /** Writes begun and not yet settled. */
  const writes = new Set<Promise<unknown>>();
  const track = <T>(write: Promise<T>): Promise<T> => {
    writes.add(write);
    const done = (): void => void writes.delete(write);
    write.then(done, done);
    return write;
  };

  /**
   * What applying `update` would do (update-effect.ts): repeat only what the article holds
   * already (as the deletions a desk sends each time it syncs do); change something inside the
   * `workflow` map; leave something undecided — structs or deletions that wait for others the
   * server does not have, whose effect on `workflow` cannot be known now: a later update could
   * let them land there unseen; or neither. Read from the update's structure, so nothing
   * reaches the document before it is accepted. A document that itself holds changes waiting
   * for others (only what another instance relayed can leave it so) is checked the slow way, on
   * a copy: an update could release them.
   */
  const effectOf = (document: Document, update: Uint8Array): UpdateEffect => {
    if (!hasPending(document)) {
      try {
        return updateEffect(document, update, KEYS.workflow);
      } catch (err) {
        // Not a Yjs update (the copy below says so too), or a shape the structural reading does
        // not know: the copy decides.
        options.log(`an update to ${document.name} was checked on a copy: ${(err as Error).message}`);
      }
    }
    try {
      return effectOnCopy(document, update);
    } catch {
      // Not a Yjs update: refused before it is stored or reaches the document.
      throw refusal('invalidPayload', 4400);
    }
  };

  /**
   * Per live document: at least the size of its state (bytes of its Yjs encoding) — measured
   * when first needed, then grown by each accepted update's size, and measured again only when
   * that sum passes the limit (an update's encoding is larger than what it adds to the state,
   * so the sum only overestimates).
   */
  const sizes = new WeakMap<Document, number>();

  /** Whether the accepted `update` (effectOf said 'none') would make the article larger than the limit. */
  const tooLarge = (document: Document, update: Uint8Array): boolean => {
    const max = access.limits.articleMaxBytes;
    let size = (sizes.get(document) ?? Y.encodeStateAsUpdate(document).length) + update.length;
    // Over by the sum: measured as the state and the update merged (what the state would be).
    if (size > max) size = Y.mergeUpdates([Y.encodeStateAsUpdate(document), update]).length;
    if (size > max) return true;
    sizes.set(document, size);
    return false;
  };

  const hocuspocus = new Hocuspocus({
    name: 'ban-tin',
    quiet: true,
    debounce: options.debounceMs ?? 2_000,
    maxDebounce: options.maxDebounceMs ?? 10_000,
    unloadImmediately: true,
    extensions: [...(options.extensions ?? [])],

    async onAuthenticate({ token, documentName, request }) {
      // An article's token may carry its creation secret (src-shared/article-claim.ts).
      const sent = splitClaim(token ?? '');
      const user = sent ? await access.userByToken(sent.token) : null;
      if (!sent || !user) throw refusal('unauthorized', 4401);
      authenticatedRequests.add(request);
      if (documentName === DIRECTORY_CHANNEL) return { user } satisfies SyncContext;
      if (!ArticleId.safeParse(documentName).success) throw refusal('notFound', 4404);
      const refused = await access.openArticle(user, documentName, sent.secret);
      if (refused === 'tooManyArticles') {
        options.log(`refused a new article ${documentName} for ${user.name}: ${access.limits.articlesPerHour} articles in the last hour`);
        throw refusal('tooManyArticles', 4429);
      }
      if (refused) throw refusal(refused);
      const context: SyncContext = { user };
      return context;
    },

    async connected({ connection }) {
      batchWritesByTurn(connection.webSocket as unknown as Parameters<typeof batchWritesByTurn>[0]);
    },

    async onLoadDocument({ document, documentName }) {
      if (documentName === DIRECTORY_CHANNEL) return;
      const parts = await storage.documentParts(documentName);
      document.transact(() => {
        for (const [i, part] of parts.entries()) applyStored(document, part, `${documentName} part ${i}`);
      }, STORAGE_ORIGIN);
    },

    async afterLoadDocument({ document, documentName }) {
      if (documentName === DIRECTORY_CHANNEL) return;
      // Any other change made on the server itself is stored as it happens (`idle()` waits for
      // it). Client updates (their origin is the connection) and openAsServer's changes were
      // stored before they were applied.
      document.on('update', (update: Uint8Array, origin: unknown) => {
        // What another instance relays was checked and stored by the instance a desk sent it to.
        if (origin === STORAGE_ORIGIN || origin === SERVER_ORIGIN || isClientConnection(origin) || isFromOtherInstance(origin)) return;
        track(storage.appendUpdate(documentName, update, null, now())).then(
          () => notices.article(documentName),
          (err: unknown) => options.log(`could not store a server change to ${documentName}: ${(err as Error).message}`),
        );
      });
    },

    async beforeHandleMessage({ instance, document, documentName, connection, context, update: message }) {
      const previous = inOrder.get(connection) ?? Promise.resolve();
      /** Alone: the update applied, being made durable (the acknowledgement waits for it, the next message does not). */
      let storing: Promise<void> | null = null;
      // A refusal of an earlier message refuses the ones after it too (the socket is closing).
      const checked = previous.then(async () => {
        if (documentName === DIRECTORY_CHANNEL) {
          // Nothing is ever written to the channel, and nobody's presence or broadcast goes down it.
          const update = syncUpdateOf(message);
          if (!CHANNEL_MESSAGE_TYPES.has(messageTypeOf(message)) || (update && !isEmptyUpdate(update))) throw refusal('forbidden');
          return;
        }
        const header = readHeader(message);
        if (header.type === BROADCAST_STATELESS) {
          // A desk has nothing to broadcast: Hocuspocus would hand the payload verbatim to
          // everyone in the article. The server's own notices go down the directory channel.
          drop(message, header);
          return;
        }
        if (header.type === AWARENESS) {
          const why = presenceRefusal(document, connection.webSocket, (context as SyncContext).user, message.subarray(header.bodyAt));
          if (why) {
            options.log(`dropped presence in ${documentName} from ${(context as SyncContext).user.name}: ${why}`);
            drop(message, header);
          }
          return;
        }
        const update = header.update;
        if (!update || isEmptyUpdate(update)) return;
        const unloaded = (): boolean => document.isDestroyed || instance.documents.get(documentName) !== document;
        if (unloaded()) {
          // The document this connection holds was unloaded: close the socket so the provider
          // reconnects (to the document loaded afresh from storage) and sends the update again.
          connection.webSocket.close(4409, 'documentReloaded');
          throw refusal('documentReloaded', 4409);
        }
        const effect = effectOf(document, update);
        if (effect === 'workflow') {
          options.log(`refused an update to ${documentName} from ${(context as SyncContext).user.name}: it touches workflow`);
          throw refusal('workflowReadOnly');
        }
        // Stored, a repeat would count as a change: a new version, told to every desk (which
        // syncs the article again and repeats its own deletions in turn), and an approved
        // article marked changed since approved with nothing changed.
        if (effect === 'repeat') return;
        if (effect === 'undecided') {
          // An update that needs changes the server has not got: its effect cannot be decided.
          // A desk sends its changes in order, so this is a lost message or a forged one: the
          // socket closes, and a desk reconnects and sends what the server lacks, complete.
          options.log(`refused an update to ${documentName} from ${(context as SyncContext).user.name}: it depends on changes the server does not have`);
          connection.webSocket.close(4409, 'updateIncomplete');
          throw refusal('updateIncomplete', 4409);
        }
        if (touchesComments(document, update)) {
          // Names on comments are the sender's, and a thread's words are its author's or an editor's (comment-guard.ts).
          const why = commentRefusal(document, update, (context as SyncContext).user);
          if (why) {
            options.log(`refused an update to ${documentName} from ${(context as SyncContext).user.name}: it ${why}`);
            throw refusal('forbidden');
          }
        }
        if (tooLarge(document, update)) {
          options.log(`refused an update to ${documentName} from ${(context as SyncContext).user.name}: the article would be larger than ${access.limits.articleMaxBytes} bytes`);
          throw refusal('articleTooLarge', 4413);
        }
        // Alone, the server applies the update before storing it: the desks holding the article
        // get it without waiting for the commit, and the sender's acknowledgement still waits for
        // it (Hocuspocus sends it after this hook; applying again changes nothing). A sender
        // never acknowledged sends the update again and the desks that got it hold it, so a crash
        // before the commit loses nothing; a failed commit closes every socket of the article, so
        // that it is read again from the database and the desks send what it lacks. With other
        // instances the update is stored first: what one relays to another must be stored, as
        // the other does not store it again.
        // The storage takes updates in the order they are handed to it and answers in that
        // order, so the connection's next message is checked, applied and handed over while
        // this one waits for the disk: a desk typing fast is relayed at the pace of its typing,
        // not of the fsyncs (its acknowledgements still come one by one, each after its commit).
        const store = async (): Promise<void> => {
          try {
            await track(storage.appendUpdate(documentName, update, (context as SyncContext).user.id, now()));
          } catch (err) {
            options.log(`could not store an update to ${documentName}: ${(err as Error).message}`);
            for (const c of relayFirst ? document.getConnections() : [connection]) c.webSocket.close(1011, 'storageFailed');
            throw refusal('storageFailed', 1011);
          }
          notices.article(documentName);
          if (unloaded()) {
            // Stored, but the document unloaded meanwhile and may have been loaded again without
            // it: not applied here; the provider reconnects and sends it again (Yjs ignores what
            // the document already has).
            connection.webSocket.close(4409, 'documentReloaded');
            throw refusal('documentReloaded', 4409);
          }
        };
        if (relayFirst) {
          Y.applyUpdate(document, update, connection);
          storing = store();
          storing.catch(() => undefined); // answered through this message's hook, below
          return;
        }
        await store();
        // Applied here rather than by Hocuspocus after this hook: the next message of this
        // connection is checked against a document that holds this one.
        Y.applyUpdate(document, update, connection);
      });
      inOrder.set(connection, checked);
      // Hocuspocus acknowledges each message once its hook resolves: they resolve in the order
      // the messages came, each once its own update is stored.
      const handled = Promise.all([lastHandled.get(connection), checked.then(() => storing)]).then(() => undefined);
      lastHandled.set(connection, handled);
      return handled;
    },

    async onStoreDocument({ documentName, document }) {
      if (documentName === DIRECTORY_CHANNEL) return;
      // While desks type into it, an article's log is compacted only once it is long: compacted
      // at every store (at least every ten seconds), every article being typed into folded at
      // the same moments, and those moments' deliveries waited behind them (measured: the p95 of
      // the seconds around them 2–5× the rest). Unloading compacts whatever is left.
      // A compaction that fails leaves the log as it was, complete: logged, not thrown (Hocuspocus
      // would rethrow it where nobody awaits it).
      try {
        if (document.getConnectionsCount() > 0 && (await storage.pendingUpdates(documentName)) < COMPACT_AFTER_UPDATES) return;
        await storage.compact(documentName);
      } catch (err) {
        options.log(`could not compact ${documentName}: ${(err as Error).message}`);
      }
    },

    async beforeUnloadDocument({ documentName }) {
      if (documentName === DIRECTORY_CHANNEL) return;
      if (options.unloadDelayMs) await new Promise((r) => setTimeout(r, options.unloadDelayMs));
      await storage.compact(documentName);
    },
  });

  return {
    hocuspocus,
    async openAsServer(id, context) {
      const connection = await hocuspocus.openDirectConnection(id, context);
      const document = connection.document!;
      return {
        doc: document,
        async write(change, store) {
          const copy = new Y.Doc();
          let update: Uint8Array;
          try {
            Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
            const before = Y.encodeStateVector(copy);
            change(copy);
            update = Y.encodeStateAsUpdate(copy, before);
          } finally {
            copy.destroy();
          }
          const result = await track(store(update));
          Y.applyUpdate(document, update, SERVER_ORIGIN);
          notices.article(id);
          return result;
        },
        close: () => connection.disconnect(),
      };
    },
    async idle() {
      while (writes.size > 0) await Promise.allSettled([...writes]);
    },
  };
}
