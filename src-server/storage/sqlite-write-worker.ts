/**
 * The writer thread (sqlite-writer.ts): its own connection to the newsroom's file, and every
 * write of the server on it. Group commit: the asks of a message, and of the messages that came
 * while the last commit waited for the disk, are committed together in one transaction, each in a
 * savepoint of its own so that one refused write leaves the others of its group.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from './sqlite-schema';
import { describeError, SqliteWrites } from './sqlite-writes';
import type { WriterAnswer, WriterAsk, WriterOptions } from './sqlite-writer';

const { file, durable } = workerData as WriterOptions & { readonly file: string };
const db = openConnection(file, durable);
const writes = new SqliteWrites(db);
const queue: Array<Exclude<WriterAsk, { op: 'backup' }>> = [];
let scheduled = false;
let commits = 0;

const answer = (message: WriterAnswer): void => parentPort!.postMessage(message);

/** The asks that came while the last commit waited for the disk go together in the next. */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    commit();
  });
}

function commit(): void {
  const group = queue.splice(0);
  if (group.length === 0) return;
  const answers: WriterAnswer['answers'][number][] = [];
  try {
    db.transaction(() => {
      for (const ask of group) {
        if (!('args' in ask)) {
          answers.push({ id: ask.id, value: null }); // flush, close: answered with their group
          continue;
        }
        try {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the name and its arguments come together from sqlite-writer.ts
          const value: unknown = db.transaction(() => (writes[ask.op] as (...args: any[]) => unknown)(...ask.args))();
          answers.push({ id: ask.id, value });
        } catch (err) {
          answers.push({ id: ask.id, error: describeError(err) });
        }
      }
    })();
  } catch (err) {
    // The commit itself failed (a full disk, an I/O error): nothing of the group is stored.
    const error = describeError(err);
    answer({ commit: commits, answers: group.map((ask) => ({ id: ask.id, error })) });
    return;
  }
  commits++;
  answer({ commit: commits, answers });
  if (group.some((ask) => ask.op === 'close')) {
    db.close();
    parentPort!.close();
  }
}

parentPort!.on('message', (asks: WriterAsk[]) => {
  for (const ask of asks) take(ask);
});

function take(ask: WriterAsk): void {
  if (ask.op === 'backup') {
    // SQLite's online backup from this connection, after the writes asked for before it: what
    // it commits meanwhile is carried into the copy (another connection's change would restart it).
    commit();
    db.backup(ask.out).then(
      () => answer({ commit: commits, answers: [{ id: ask.id, value: null }] }),
      (err: unknown) => answer({ commit: commits, answers: [{ id: ask.id, error: describeError(err) }] }),
    );
    return;
  }
  queue.push(ask);
  schedule();
}
