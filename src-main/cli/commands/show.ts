import { readArticle } from '../../../src-shared/article-doc';
import { formatDateTime } from '../../../src-shared/format';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';
import { pairJson } from './translate';

/** Every field of the article: the document's view plus the library's derived fields. */
export async function show(desk: Desk, id: string, json: boolean, io: CliIo): Promise<number> {
  const view = await desk.articles.read(id, readArticle);
  const summary = desk.articles.summary(id);
  const full = { ...view, updatedAt: summary.updatedAt, words: summary.words };
  if (json) {
    const translation = await pairJson(desk, id);
    io.out(JSON.stringify(translation ? { ...full, translation } : full, null, 2));
    return EXIT.ok;
  }
  io.out(full.headline || io.t('cli:untitled'));
  io.out(formatDateTime(full.createdAt));
  io.out('');
  io.out(full.sapo);
  io.out('');
  io.out(full.body);
  if (full.byline) io.out(`\n${full.byline}`);
  return EXIT.ok;
}
