import { exportPackage } from '../export/package';
import type { DeskServices, DomainHandlers } from './types';

export function outboxHandlers(s: DeskServices): DomainHandlers<'outbox'> {
  const { outbox } = s;
  return {
    'outbox:list': async () => outbox.list(),
    'outbox:send': async ({ id }) => {
      const { headline } = s.articles.summary(id);
      return outbox.enqueue(id, headline, async (file) => void (await exportPackage(s, id, file)));
    },
    'outbox:config': async () => outbox.config(),
    'outbox:setConfig': async ({ config }) => outbox.setConfig(config),
    'outbox:test': async ({ config }) => outbox.probe(config),
    'outbox:retry': async ({ job }) => outbox.retry(job),
    'outbox:remove': async ({ job }) => {
      await outbox.remove(job);
      return {};
    },
  };
}
