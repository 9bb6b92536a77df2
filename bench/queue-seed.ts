/**
 * A newsroom server's data folder as it stands after weeks of work, for the queue benchmark:
 * 10,000 articles by 20 reporters, 2,000 of them waiting for an editor (submitted, being
 * edited, returned with a note, or changed since they were approved), the others drafts or
 * approved and published.
 *
 * Written through the server's own storage (SqliteStorage): each article is a Yjs document
 * made as a desk makes it (initArticle, headline, lead, body paragraphs), stored as the
 * reporter's update; each move is recorded as the server records one — the server's own change
 * to the article's `workflow` map (a Yjs client of its own), stored with the move's record and,
 * but for taking it to edit, the article's state then. Then every article is compacted, as
 * the server does. Only durability is left out while seeding (synchronous = OFF): the benchmark
 * measures reading, and 10,000 fsyncs would only make the setup slower.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { headline, initArticle, sapo, setBodyLines, setText, workflow } from '../src-shared/article-doc';
import { claimedArticleId } from '../src-shared/article-claim';
import type { Status } from '../src-shared/models';
import { hashPassword } from '../src-server/auth';
import { SqliteStorage } from '../src-server/storage';
import { seededRandom } from '../test/support/seeded';
import { ADMIN_PASSWORD } from '../test/support/server';
import { completeArticle } from '../test/support/workflow';
import { articleText, insertWord, wordSource } from './sync-support';

export const ARTICLES = 10_000;
/** Waiting for an editor, by what the queue shows (2,000 in all). */
const WAITING = { submitted: 1_000, editing: 600, returned: 360, changedSinceApproved: 40 } as const;
/** Approved or published and not changed since: not in the queue, but in the same tables. */
const DONE = { approved: 500, published: 1_500 } as const;
const REPORTERS = 20;
const SECTIONS = ['Thời sự', 'Kinh tế', 'Xã hội', 'Thể thao', 'Văn hoá', 'Quốc tế'];
const BATCH = 250;

export const EDITOR = { name: 'bien-tap', password: 'bien-tap-mật-khẩu-đủ-dài' } as const;
export const REPORTER_PASSWORD = 'phong-vien-mật-khẩu-đủ-dài';
export const reporterName = (i: number): string => `phong-vien-${i + 1}`;

export interface Seeded {
  /** Every article's id. */
  readonly ids: readonly string[];
  /** Complete drafts (the checklist passes) and their reporters: each may be submitted once to see it arrive. */
  readonly drafts: ReadonlyArray<{ readonly id: string; readonly reporter: string }>;
  readonly waiting: number;
}

const idOf = (i: number): string => claimedArticleId(createHash('sha256').update(`bench-queue-${i}`).digest('hex'));

/**
 * Seeds `dataDir` (an empty folder) for a server started on it afterwards; `drafts` of the
 * drafts are made complete, to be submitted while the benchmark watches the queue.
 */
export async function seedNewsroom(dataDir: string, drafts: number): Promise<Seeded> {
  const storage = new SqliteStorage(dataDir, { durable: false });
  try {
    await storage.createUser('admin', 'admin', await hashPassword(ADMIN_PASSWORD), iso(0));
    const editor = await storage.createUser(EDITOR.name, 'editor', await hashPassword(EDITOR.password), iso(0));
    const reporterHash = await hashPassword(REPORTER_PASSWORD);
    const reporters = await Promise.all(Array.from({ length: REPORTERS }, (_, i) => storage.createUser(reporterName(i), 'reporter', reporterHash, iso(0))));

    // Which article ends where: the waiting and the done ones spread through the 10,000.
    const rand = seededRandom(20261205);
    const fates: Array<keyof typeof WAITING | keyof typeof DONE | 'draft'> = [];
    for (const [fate, n] of Object.entries({ ...WAITING, ...DONE })) for (let k = 0; k < n; k++) fates.push(fate as keyof typeof WAITING);
    while (fates.length < ARTICLES) fates.push('draft');
    for (let i = fates.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [fates[i], fates[j]] = [fates[j]!, fates[i]!];
    }

    const word = wordSource(rand);
    const serverClient = 1; // the server's own Yjs client for its moves
    const completeDrafts: Array<{ id: string; reporter: string }> = [];
    for (let start = 0; start < ARTICLES; start += BATCH) {
      const writes: Array<Promise<number>> = [];
      const docs: Array<{ id: string; doc: Y.Doc; owner: number; at: number; fate: (typeof fates)[number] }> = [];
      for (let i = start; i < Math.min(ARTICLES, start + BATCH); i++) {
        const id = idOf(i);
        const owner = i % REPORTERS;
        // Minutes before the benchmark's "now": the newest articles last.
        const at = ARTICLES - i;
        const doc = new Y.Doc();
        const text = articleText(rand, word, 250 + Math.floor(rand() * 500));
        doc.transact(() => {
          initArticle(doc, { id, language: 'vi', createdAt: iso(at + 60), byline: text.byline, section: SECTIONS[i % SECTIONS.length]! });
          setText(headline(doc), text.headline);
          setText(sapo(doc), text.sapo);
          setBodyLines(doc, text.paragraphs);
        });
        if (fates[i] === 'draft' && completeDrafts.length < drafts) {
          completeArticle(doc);
          completeDrafts.push({ id, reporter: reporterName(owner) });
        }
        await storage.ensureArticle(id, reporters[owner]!.id, iso(at + 60));
        writes.push(storage.appendUpdate(id, Y.encodeStateAsUpdate(doc), reporters[owner]!.id, iso(at + 30)));
        docs.push({ id, doc, owner, at, fate: fates[i]! });
      }
      await Promise.all(writes); // one transaction for the batch (the storage's group commit)
      for (const { id, doc, owner, at, fate } of docs) {
        const path = MOVES[fate];
        let from: Status = 'draft';
        for (const [k, to] of path.entries()) {
          const by = to === 'submitted' ? reporters[owner]!.id : editor.id;
          const when = iso(at - k);
          const before = Y.encodeStateVector(doc);
          const own = doc.clientID;
          doc.clientID = serverClient;
          const note = to === 'returned' ? 'Cần thêm nguồn tin ở đoạn hai.' : '';
          doc.transact(() => {
            const w = workflow(doc);
            w.set('status', to);
            w.set('note', note);
            w.set('by', to === 'submitted' ? reporterName(owner) : EDITOR.name);
            w.set('at', when);
          });
          doc.clientID = own;
          const state = to === 'editing' ? null : Y.encodeStateAsUpdate(doc); // kept as the server keeps it (workflow.ts SNAPSHOT_AT)
          await storage.recordMove(Y.encodeStateAsUpdate(doc, before), { articleId: id, from, to, note, byUserId: by, at: when, state });
          from = to;
        }
        if (fate === 'changedSinceApproved') {
          // The reporter's late edit, after the approval.
          const before = Y.encodeStateVector(doc);
          insertWord(doc, rand, word());
          await storage.appendUpdate(id, Y.encodeStateAsUpdate(doc, before), reporters[owner]!.id, iso(at - path.length));
        }
        doc.destroy();
      }
    }
    for (const id of await storage.articlesWithPendingUpdates()) await storage.compact(id);
    const waiting = Object.values(WAITING).reduce((a, b) => a + b, 0);
    return { ids: Array.from({ length: ARTICLES }, (_, i) => idOf(i)), drafts: completeDrafts, waiting };
  } finally {
    await storage.close();
  }
}

const MOVES: Record<keyof typeof WAITING | keyof typeof DONE | 'draft', readonly Status[]> = {
  draft: [],
  submitted: ['submitted'],
  editing: ['submitted', 'editing'],
  returned: ['submitted', 'editing', 'returned'],
  changedSinceApproved: ['submitted', 'editing', 'approved'],
  approved: ['submitted', 'editing', 'approved'],
  published: ['submitted', 'editing', 'approved', 'published'],
};

/** `minutesAgo` minutes before now, as the server writes times. */
function iso(minutesAgo: number): string {
  return new Date(Date.now() - minutesAgo * 60_000).toISOString();
}
