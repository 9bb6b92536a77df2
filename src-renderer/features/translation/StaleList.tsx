/**
 * On a translation's own article page: its source opened beside it (not shown), the pair read
 * as the side-by-side view reads it, and the blocks out of date with the source marked in the
 * body (stale-plugin.ts) and listed under a button of the article bar — each with what changed
 * in the source since it was translated, Confirm (the same record the side-by-side view
 * writes) and a link into the text. A translator who opens the translation from the library
 * is not misled into reading it as in step.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { confirmBlock, translationState } from '../../../src-shared/translation/pairs';
import { USER_ORIGIN } from '../article/origins';
import type { ArticleReplica } from '../article/replica';
import { useArticleReplica } from '../article/useArticleReplica';
import { setStaleMarks } from './stale-bus';
import { Diff, useNames } from './pair-parts';
import { useDocVersion } from './useDocVersion';

const SETTLE_MS = 250;

export function StaleList({ doc, sourceId }: { readonly doc: Y.Doc; readonly sourceId: string }) {
  const load = useArticleReplica(sourceId);
  useEffect(() => () => setStaleMarks(doc, { blocks: new Map() }), [doc]);
  // Without the source on this desk (not synced yet) nothing can be said: the link to the side-by-side view says why.
  return load.kind === 'open' ? <Stale doc={doc} source={load.replica} /> : null;
}

function Stale({ doc, source }: { readonly doc: Y.Doc; readonly source: ArticleReplica }) {
  const { t } = useTranslation('translate');
  // Read again once typing pauses, not at every key: the whole pair is hashed and diffed.
  const version = useDocVersion(source.doc, doc);
  const [settled, setSettled] = useState(version);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(version), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [version]);
  const state = useMemo(() => translationState(source.doc, doc), [source.doc, doc, settled]);
  const names = useNames(state.pairs);
  const [open, setOpen] = useState(false);
  const list = useId();
  const stale = state.pairs.map((pair, i) => ({ pair, name: names[i]! })).filter(({ pair }) => pair.state === 'stale' && pair.targets[0]);
  const label = t('state.stale');
  const marks = useMemo(() => new Map(stale.flatMap(({ pair, name }) => pair.targets.map((b) => [b.id, `${name} — ${label}`] as const))), [state, names.join('|'), label]);
  useEffect(() => setStaleMarks(doc, { blocks: marks }), [doc, marks]);
  useEffect(() => {
    if (stale.length === 0) setOpen(false);
  }, [stale.length]);
  if (stale.length === 0) return null;

  const confirm = (blockId: string) => doc.transact(() => confirmBlock(source.doc, doc, blockId, new Date().toISOString()), USER_ORIGIN);
  const show = (blockId: string) => {
    const el = document.querySelector<HTMLElement>(`.ProseMirror [data-stale-block="${CSS.escape(blockId)}"]`);
    el?.scrollIntoView({ block: 'center' });
  };
  return (
    <span className="stale-list">
      <button type="button" className="button button--small stale-list__toggle" aria-expanded={open} aria-controls={list} onClick={() => setOpen((o) => !o)}>
        {t('action.staleCount', { count: stale.length })}
      </button>
      <div className="stale-list__panel" id={list} role="region" aria-label={t('stalePanel.title')} hidden={!open}>
        <ul className="stale-list__items">
          {stale.map(({ pair, name }) => {
            const target = pair.targets[0]!;
            const inBody = target.kind !== 'headline' && target.kind !== 'sapo';
            return (
              <li key={target.id} className="stale-list__item">
                <p className="stale-list__name">{name}</p>
                <p className="pair__hint">{t('pair.changedSince')}</p>
                <p className="pair__text diff__text" lang={source.doc.getMap('meta').get('language') === 'en' ? 'en' : 'vi'}>
                  <Diff segments={pair.diff ?? []} />
                </p>
                <div className="stale-list__actions">
                  <button type="button" className="button button--small" onClick={() => confirm(target.id)} aria-label={t('pair.confirmLabel', { what: name })}>
                    {t('pair.confirm')}
                  </button>
                  {inBody && (
                    <button type="button" className="button button--small button--quiet" onClick={() => show(target.id)}>
                      {t('stalePanel.show')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </span>
  );
}
