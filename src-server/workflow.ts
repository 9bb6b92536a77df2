/**
 * The editorial workflow on the server (SPEC capability 9): moving an article between statuses
 * by the state machine of src-shared/workflow.ts, and the editors' queue.
 *
 * The article's `workflow` map is the status every desk shows; only the server writes it (the
 * sync guard refuses any client update touching it). A move is checked and written while no
 * other move of the same article runs (a chain per article in this process), so of two editors
 * moving an article from the status they both saw, exactly one succeeds and the other is told
 * the status changed. The write is the server's own change to the live document (sync.ts
 * `openAsServer`): stored like any update — in the same transaction as the move's record (who,
 * when, from, to, the note; for a submission, a return, an approval or a publication, the
 * article's state then, so a desk can show what changed since) — then applied, and so sent to
 * every desk through sync.
 */
import * as Y from 'yjs';
import { summarize, workflow as workflowMap } from '../src-shared/article-doc';
import { checklist, type ChecklistItemId } from '../src-shared/checklist';
import { STATUSES, type Status } from '../src-shared/models';
import type { QueueRow, TransitionResponse } from '../src-shared/server-api';
import { APPROVED, refusalOf, WAITING_FOR_EDITOR, type Transition, type TransitionRequest } from '../src-shared/workflow';
import { applyStored, MovedMeanwhile, type ArticleDigest, type Storage, type StoredTransition, type UserRow } from './storage';
import type { Sync } from './sync';

/** Why a move was refused, with what the asker needs to know. */
export type MoveOutcome =
  | { readonly ok: true; readonly answer: TransitionResponse }
  | { readonly ok: false; readonly code: 'forbidden' | 'noteRequired' }
  | { readonly ok: false; readonly code: 'statusChanged' | 'moveNotAllowed'; readonly status: Status }
  | { readonly ok: false; readonly code: 'incomplete'; readonly missing: ChecklistItemId[] };

/**
 * Moves whose state is kept with them: the base of "changes since submitted / returned", and of
 * "changed since approved" (a late edit stored after approval or publication, shown as a diff).
 */
const SNAPSHOT_AT: ReadonlySet<Status> = new Set<Status>(['submitted', 'returned', 'approved', 'published']);

export class Workflow {
  /** Per article: the move under way (the next one waits for it). */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: Storage,
    private readonly sync: Pick<Sync, 'openAsServer'>,
    private readonly now: () => string,
  ) {}

  /** Runs `work` once every earlier move of article `id` has settled. */
  private serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(id) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(id, tail);
    void tail.then(() => {
      if (this.chains.get(id) === tail) this.chains.delete(id);
    });
    return next;
  }

  /** Moves article `id` (which exists and `user` may read) as `request` asks, or says why not. */
  move(user: UserRow, id: string, request: TransitionRequest): Promise<MoveOutcome> {
    return this.serial(id, async () => {
      const article = await this.storage.article(id);
      const writer = article !== null && (article.ownerId === user.id || (await this.storage.isAssigned(id, user.id)));
      const note = (request.note ?? '').normalize('NFC').trim();
      const handle = await this.sync.openAsServer(id, { user });
      try {
        const from = statusOf(handle.doc);
        if (request.expected !== undefined && request.expected !== from) return { ok: false, code: 'statusChanged', status: from };
        const refusal = refusalOf({ role: user.role, writer }, from, request.to, note);
        if (refusal === 'sameStatus' || refusal === 'notAllowed') return { ok: false, code: 'moveNotAllowed', status: from };
        if (refusal) return { ok: false, code: refusal };
        if (request.to === 'submitted') {
          const missing = checklist(handle.doc)
            .items.filter((i) => !i.ok)
            .map((i) => i.id);
          if (missing.length > 0) return { ok: false, code: 'incomplete', missing };
        }
        const at = this.now();
        let state: Uint8Array | null = null;
        const write = (doc: Y.Doc): void => {
          const w = workflowMap(doc);
          doc.transact(() => {
            w.set('status', request.to);
            w.set('note', note);
            w.set('by', user.name);
            w.set('at', at);
          });
          if (SNAPSHOT_AT.has(request.to)) state = Y.encodeStateAsUpdate(doc);
        };
        const store = (update: Uint8Array): Promise<StoredTransition> => this.storage.recordMove(update, { articleId: id, from, to: request.to, note, byUserId: user.id, at, state });
        let transition: StoredTransition;
        try {
          transition = await handle.write(write, store);
        } catch (err) {
          if (err instanceof MovedMeanwhile) return { ok: false, code: 'statusChanged', status: err.status };
          throw err;
        }
        return { ok: true, answer: { status: request.to, transition: shown(transition) } };
      } finally {
        await handle.close();
      }
    });
  }

  /**
   * The articles waiting for an editor, with what the queue shows of each: its digest kept in
   * storage, read again from the document only for an article changed since (then kept).
   */
  async queue(): Promise<QueueRow[]> {
    const entries = await this.storage.queue([...WAITING_FOR_EDITOR], [...APPROVED]);
    const read: Array<ArticleDigest & { articleId: string }> = [];
    const rows: QueueRow[] = [];
    for (const e of entries) {
      let s = e.digest;
      if (s === null || s.version !== e.version) {
        s = await this.digest(e.id, e.version, e.updatedAt);
        read.push({ articleId: e.id, ...s });
      }
      rows.push({
        id: e.id,
        headline: s.headline,
        owner: e.ownerName,
        assignees: e.assignees,
        section: s.section,
        status: e.status,
        arrivedAt: e.arrivedAt,
        words: s.words,
        updatedAt: e.updatedAt,
        changedSinceApproved: e.changedSinceApproved,
        language: s.language,
        openComments: s.openComments,
      });
    }
    if (read.length > 0) await this.storage.putDigests(read);
    return rows;
  }

  /** The article's headline, section, length, language and open comments, read from its stored document. */
  private async digest(id: string, version: number, updatedAt: string): Promise<ArticleDigest> {
    const doc = new Y.Doc();
    try {
      const parts = await this.storage.documentParts(id);
      doc.transact(() => parts.forEach((part, i) => applyStored(doc, part, `${id} part ${i}`)));
      const s = summarize(doc, updatedAt);
      return { version, headline: s.headline, section: s.section, words: s.words, language: s.language, openComments: s.openComments ?? 0 };
    } finally {
      doc.destroy();
    }
  }
}

/** A recorded move as the API gives it (the version it was stored at stays on the server). */
export function shown({ version: _version, ...transition }: StoredTransition): Transition {
  return transition;
}

/** Whether a change was stored after the article's latest move, when that move approved or published it. */
export function changedSinceApproved(moves: readonly StoredTransition[], version: number): boolean {
  const last = moves[moves.length - 1];
  return last !== undefined && APPROVED.has(last.to) && version > last.version;
}

function statusOf(doc: Y.Doc): Status {
  // readArticle's rule (an unknown or missing status is a draft), without reading the whole article.
  const s = workflowMap(doc).get('status');
  return (STATUSES as readonly unknown[]).includes(s) ? (s as Status) : 'draft';
}
