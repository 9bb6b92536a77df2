import { formatDateTime } from '../../../src-shared/format';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

export function list(desk: Desk, json: boolean, io: CliIo): number {
  const rows = [...desk.articles.list(false), ...desk.articles.list(true)];
  if (json) {
    io.out(JSON.stringify(rows, null, 2));
    return EXIT.ok;
  }
  if (rows.length === 0) io.out(io.t('cli:noArticles'));
  for (const a of rows) {
    const trashed = a.trashedAt ? ` [${io.t('cli:trashed')}]` : '';
    io.out(`${a.id}  ${a.status.padEnd(9)}  ${formatDateTime(a.updatedAt)}  ${a.headline || io.t('cli:untitled')}${trashed}`);
  }
  return EXIT.ok;
}
