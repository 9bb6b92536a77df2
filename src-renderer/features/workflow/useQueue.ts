/**
 * The editors' queue as main last fetched it from the server (`workflow:queue`), asked again
 * whenever an article's workflow changes (a submission arriving through sync brings a
 * `workflow:changed`), when sync is back online and when the link to main is back.
 * Bursts of events (a reconnect brings many) are read once, shortly after they pause; one
 * question at a time, each answer shown.
 */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../src-shared/sync';
import type { WorkflowQueue } from '../../../src-shared/workflow-desk';
import { useErrors } from '../../app/errors';
import { desk, onReconnect } from '../../platform/api';
import { oneQuestionAtATime } from './one-question';

/** Long enough to take a burst of events as one question, short enough to read as at once. */
const QUEUE_SETTLE_MS = 250;

export function useQueue(): WorkflowQueue | null {
  const { report } = useErrors();
  const [queue, setQueue] = useState<WorkflowQueue | null>(null);
  useEffect(() => {
    // Every answer is shown: a new arrival during a sync's stream of events appears, not only
    // once the events pause (see one-question.ts).
    const question = oneQuestionAtATime(() => desk.workflow.queue({}), setQueue, report);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        question.ask();
      }, QUEUE_SETTLE_MS);
    };
    // Sync reports every change it sends: only coming back online says the queue may be stale.
    let online = false;
    const onSync = (status: SyncStatus) => {
      const now = status.state === 'syncing' || status.state === 'synced';
      if (now && !online) soon();
      online = now;
    };
    const offs = [desk.on['workflow:changed'](soon), desk.on['sync:status'](onSync), desk.on['library:changed'](soon), onReconnect(soon)];
    question.ask();
    return () => {
      question.stop();
      if (timer) clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [report]);
  return queue;
}
