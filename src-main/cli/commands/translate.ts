import type * as Y from 'yjs';
import { translationSummary } from '../../../src-shared/translation/links';
import { Language } from '../../../src-shared/models';
import type { Desk } from '../../services/desk';
import { pairState, translate as makeTranslation } from '../../services/translations';
import { EXIT, type CliIo } from '../io';

/** `translate <id> --to en|vi`: makes the linked translation (or finds the one there is) and prints its id. */
export async function translate(desk: Desk, id: string, to: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const language = Language.safeParse(to);
  if (!language.success) {
    io.err(io.t('cli:badOption', { detail: `--to ${to ?? ''}`.trim() }));
    return EXIT.usage;
  }
  const made = await makeTranslation(desk.articles, id, language.data);
  io.out(json ? JSON.stringify({ id: made, translationOf: id, language: language.data }) : made);
  return EXIT.ok;
}

/**
 * What `show --json` says of the article's pair: its links, and the translation's stale blocks
 * (each with the source's words changed since it was translated). Absent when it has no pair.
 */
export async function pairJson(desk: Desk, id: string): Promise<Record<string, unknown> | null> {
  const links = await desk.articles.read(id, (doc: Y.Doc) => translationSummary(doc));
  if (!links.translationOf && !links.translations) return null;
  const pair = await pairState(desk.articles, id).catch(() => null);
  return {
    ...links,
    ...(pair
      ? {
          source: pair.source,
          translation: pair.translation,
          stale: pair.state.pairs
            .filter((p) => p.state === 'stale')
            .map((p) => ({ sourceBlock: p.sourceId, blocks: p.targets.map((t) => t.id), source: p.source?.text ?? '', translation: p.targets.map((t) => t.text).join('\n\n'), diff: p.diff ?? [] })),
          untranslated: pair.state.untranslated,
          orphaned: pair.state.orphaned,
        }
      : {}),
  };
}
