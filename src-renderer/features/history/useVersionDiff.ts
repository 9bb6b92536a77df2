/**
 * What changed between a chosen version and the article as it is on screen. The version's text
 * is fetched once; the comparison is made here against the page's replica (so it includes what
 * is typed but not yet saved) and follows the replica as it changes.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { diffArticle, diffTexts } from '../../../src-shared/article-diff';
import type { DiffField, HistoryDiff } from '../../../src-shared/history';
import { useErrors } from '../../app/errors';
import { desk } from '../../platform/api';

const FOLLOW_DELAY_MS = 250;

type Texts = Readonly<Record<DiffField, string>>;

export function useVersionDiff(articleId: string, doc: Y.Doc, version: string | null): HistoryDiff | null {
  const { report } = useErrors();
  const [then, setThen] = useState<{ readonly version: string; readonly texts: Texts } | null>(null);
  const [diff, setDiff] = useState<HistoryDiff | null>(null);

  useEffect(() => {
    setThen(null);
    setDiff(null);
    if (!version) return;
    let live = true;
    desk.history.get({ id: articleId, version }).then(
      ({ state }) => {
        if (!live) return;
        const old = new Y.Doc();
        try {
          Y.applyUpdate(old, state);
          setThen({ version, texts: diffTexts(old) });
        } finally {
          old.destroy();
        }
      },
      (err: unknown) => live && report(err),
    );
    return () => {
      live = false;
    };
  }, [articleId, version, report]);

  useEffect(() => {
    if (!then) return;
    const compare = () => setDiff(diffArticle(then.texts, diffTexts(doc)));
    compare();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(compare, FOLLOW_DELAY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      if (timer) clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, then]);

  return diff;
}
