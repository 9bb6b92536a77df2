/**
 * What the newsroom server has been seen to hold of one article: read from the sync messages it
 * sends the article's provider — its state vector (its sync step 1) and its delete set (every
 * sync step 2 carries the whole of it).
 *
 * Why the provider's count of acknowledgements is not enough. Hocuspocus answers every update
 * it applied with a SyncStatus message that names the article but not the update, and the
 * provider counts them down (`unsyncedChanges`). The desk's providers share one socket, and the
 * server keeps what arrives for an article without a live connection until the next login to
 * it on that socket: a provider let go and made again for the same article (a notice just after
 * its round) can be answered for what the one before it sent — an acknowledgement, a close. So
 * the count can reach 0 while the server is refusing the update the count was waiting for (seen:
 * an article too large recorded as on the server, the refusal arriving just after).
 *
 * The server's state only grows (what it applied stays), so what every answer showed is
 * gathered: the article is on the server once that holds every struct and deletion of the
 * desk's copy. Its answers to a sync step 1 are sent after it has handled — stored, durably —
 * every message the same connection sent before it (src-server/sync.ts), so an answer to a step
 * 1 sent after the desk's last change says what the server stored.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus message types that carry Yjs sync messages (Sync, SyncReply), and the Yjs sync steps. */
const SYNC_TYPES: ReadonlySet<number> = new Set([0, 4]);
const STEP_1 = 0;
const STEP_2 = 1;

export class ServerHolds {
  private readonly vector = new Map<number, number>();
  private deletions = Y.createDeleteSet();
  /** Sync step 1 messages the server sent (each answers one of the provider's, or starts a round). */
  private answers = 0;

  constructor(provider: HocuspocusProvider) {
    provider.on('message', ({ event }: { event: MessageEvent }) => this.read(event.data));
  }

  /** How many state vectors the server has sent so far (an answer sent after a question is later in this count). */
  get answered(): number {
    return this.answers;
  }

  /** Whether the server was seen to hold everything `doc` holds: every struct and every deletion. */
  covers(doc: Y.Doc): boolean {
    return Y.snapshotContainsUpdate(Y.createSnapshot(this.deletions, this.vector), Y.encodeStateAsUpdate(doc));
  }

  private read(data: unknown): void {
    let bytes: Uint8Array;
    if (data instanceof Uint8Array) bytes = data;
    else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else return;
    try {
      const decoder = decoding.createDecoder(bytes);
      decoding.readVarString(decoder); // the article
      if (!SYNC_TYPES.has(decoding.readVarUint(decoder))) return;
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === STEP_1) {
        for (const [client, clock] of Y.decodeStateVector(payload)) if (clock > (this.vector.get(client) ?? 0)) this.vector.set(client, clock);
        this.answers++;
      } else if (step === STEP_2) {
        this.deletions = Y.mergeDeleteSets([this.deletions, Y.decodeUpdate(payload).ds]);
      }
    } catch {
      // Not a sync message this reads (the provider itself says what is wrong with it).
    }
  }
}
