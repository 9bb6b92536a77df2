/**
 * The editors' queue as main last fetched it from the server (`workflow:queue`), asked again
 * whenever an article's workflow changes (a submission arriving through sync brings a
 * `workflow:changed`), when sync is back online and when the link to main is back.
 * Bursts of events (a reconnect brings many) are read once, shortly after they pause.
 */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../src-shared/sync';
import type { WorkflowQueue } from '../../../src-shared/workflow-desk';
import { useErrors } from '../../app/errors';
import { desk, onReconnect } from '../../platform/api';

/** Long enough to take a burst of events as one question, short enough to read as at once. */
const QUEUE_SETTLE_MS = 250;

export function useQueue(): WorkflowQueue | null {
  const { report } = useErrors();
  const [queue, setQueue] = useState<WorkflowQueue | null>(null);
  useEffect(() => {
    let live = true;
    let asked = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const ask = () => {
      const mine = ++asked;
      desk.workflow.queue({}).then(
        (next) => live && mine === asked && setQueue(next),
        (err: unknown) => live && report(err),
      );
    };
    const soon = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        ask();
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
    ask();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [report]);
  return queue;
}
