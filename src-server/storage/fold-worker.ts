/**
 * The compaction's folding (storage/fold.ts), run on a worker thread: an article's state and
 * its stored updates in, one state out. Nothing else happens here.
 */
import { parentPort } from 'node:worker_threads';
import { foldUpdates } from './types';
import type { FoldAnswer, FoldAsk } from './fold';

parentPort?.on('message', (ask: FoldAsk) => {
  let answer: FoldAnswer;
  try {
    answer = { id: ask.id, state: foldUpdates(ask.articleId, ask.state, ask.updates) };
  } catch (err) {
    answer = { id: ask.id, error: (err as Error).message };
  }
  parentPort!.postMessage(answer);
});
