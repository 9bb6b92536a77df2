/** The outbox's jobs, kept current as main reports each change of state. */
import { useEffect, useState } from 'react';
import type { OutboxJob } from '../../../src-shared/outbox';
import { desk } from '../../platform/api';

export function useOutbox(): readonly OutboxJob[] | null {
  const [jobs, setJobs] = useState<readonly OutboxJob[] | null>(null);
  useEffect(() => {
    let live = true;
    const off = desk.on['outbox:changed'](({ jobs: next }) => setJobs(next));
    desk.outbox.list({}).then(
      (list) => live && setJobs(list),
      () => live && setJobs([]),
    );
    return () => {
      live = false;
      off();
    };
  }, []);
  return jobs;
}
