import { listThreads, type CommentThread } from '../../../src-shared/comments';
import { formatDateTime } from '../../../src-shared/format';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

/** The article's comment threads, each with the words it is on now (or its quote when detached). */
export async function comments(desk: Desk, id: string, json: boolean, io: CliIo): Promise<number> {
  const threads = await desk.articles.read(id, listThreads);
  if (json) {
    io.out(JSON.stringify(threads, null, 2));
    return EXIT.ok;
  }
  if (threads.length === 0) {
    io.out(io.t('cli:comments.none'));
    return EXIT.ok;
  }
  threads.forEach((thread, i) => {
    if (i > 0) io.out('');
    for (const line of describe(thread, io)) io.out(line);
  });
  return EXIT.ok;
}

function describe(thread: CommentThread, io: CliIo): string[] {
  const c = thread.caption;
  const field = !c ? io.t(`cli:comments.field.${thread.field}`) : c.index === null ? io.t('cli:comments.captionGone', { language: c.language }) : io.t('cli:comments.captionOf', { n: c.index + 1, language: c.language });
  const state = thread.resolved ? io.t('cli:comments.resolved', { by: thread.resolved.by || io.t('cli:comments.thisDesk'), at: formatDateTime(thread.resolved.at) }) : io.t('cli:comments.open');
  const words = thread.detached ? io.t('cli:comments.detached', { quote: thread.quote }) : `“${thread.current}”`;
  const who = (author: string, at: string) => `${author || io.t('cli:comments.thisDesk')}, ${formatDateTime(at)}`;
  return [
    `${thread.id} · ${field} · ${state}`,
    `  ${words}`,
    `  ${who(thread.author, thread.at)}: ${thread.text}`,
    ...thread.replies.map((r) => `    ${who(r.author, r.at)}: ${r.text}`),
  ];
}
