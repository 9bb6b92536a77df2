/**
 * A translation beside its source (`#/translation/<translation id>`): one row per pair — the
 * headline, the lead, then each block of the body — the source read-only on the left, the
 * translation editable on the right, so the two stay aligned however far the translator
 * scrolls. A stale pair shows what changed in the source since it was translated and a Confirm
 * button; typing in the translation also brings it back in step. Untranslated and orphaned
 * pairs say so. Both articles are replicas like the article page's: what is typed here syncs
 * as any edit does.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { toErrorPayload } from '../../../src-shared/errors';
import type { Language } from '../../../src-shared/models';
import { translationOf } from '../../../src-shared/translation/links';
import { addTargetBlock, confirmBlock, isPlainBlock, translationState, writeBlock } from '../../../src-shared/translation/pairs';
import { hrefFor } from '../../app/route';
import { USER_ORIGIN } from '../article/origins';
import type { ArticleReplica } from '../article/replica';
import { useArticleReplica } from '../article/useArticleReplica';
import { Diff, useNames } from './pair-parts';
import { useDocVersion } from './useDocVersion';
import '../history/history.css';
import './translation.css';

const languageOf = (doc: Y.Doc): Language => (doc.getMap('meta').get('language') === 'en' ? 'en' : 'vi');

export function TranslationPage({ id }: { readonly id: string }) {
  const { t } = useTranslation(['translate', 'errors']);
  const load = useArticleReplica(id);
  if (load.kind === 'loading') return <p className="muted page" role="status">{t('page.loading')}</p>;
  if (load.kind === 'failed') {
    const error = toErrorPayload(load.error);
    return <p className="page" role="alert">{t(`errors:${error.code}`, { ...error.params })}</p>;
  }
  const of = translationOf(load.replica.doc);
  if (!of) return <p className="page" role="alert">{t('page.notTranslation')}</p>;
  return <WithSource translation={load.replica} sourceId={of.id} />;
}

function WithSource({ translation, sourceId }: { readonly translation: ArticleReplica; readonly sourceId: string }) {
  const { t } = useTranslation('translate');
  const load = useArticleReplica(sourceId);
  if (load.kind === 'loading') return <p className="muted page" role="status">{t('page.loading')}</p>;
  if (load.kind === 'failed') return <p className="page" role="alert">{t('page.sourceMissing', { id: sourceId })}</p>;
  return <SideBySide source={load.replica} translation={translation} />;
}

function SideBySide({ source, translation }: { readonly source: ArticleReplica; readonly translation: ArticleReplica }) {
  const { t } = useTranslation('translate');
  const version = useDocVersion(source.doc, translation.doc);
  const state = useMemo(() => translationState(source.doc, translation.doc), [source.doc, translation.doc, version]);
  const names = useNames(state.pairs);
  const [focusId, setFocusId] = useState<string | null>(null);
  const from = languageOf(source.doc);
  const to = languageOf(translation.doc);
  const now = () => new Date().toISOString();
  const write = (blockId: string, text: string) => translation.doc.transact(() => writeBlock(source.doc, translation.doc, blockId, text, now()), USER_ORIGIN);
  const confirm = (blockId: string) => translation.doc.transact(() => confirmBlock(source.doc, translation.doc, blockId, now()), USER_ORIGIN);
  const add = (index: number) => {
    // After the last translation block of the pairs before it.
    const before = state.pairs
      .slice(0, index)
      .flatMap((p) => p.targets)
      .filter((b) => b.kind !== 'headline' && b.kind !== 'sapo');
    let made = '';
    translation.doc.transact(() => (made = addTargetBlock(translation.doc, state.pairs[index]!.sourceId, before.at(-1)?.id ?? null)), USER_ORIGIN);
    setFocusId(made);
  };

  /** Brings the next stale pair after the one in focus into view, its translation focused. */
  const nextStale = () => {
    const rows = [...document.querySelectorAll<HTMLElement>('.pair')];
    const here = rows.findIndex((r) => r.contains(document.activeElement));
    const next = [...rows.slice(here + 1), ...rows.slice(0, here + 1)].find((r) => r.dataset.state === 'stale');
    if (!next) return;
    next.scrollIntoView({ block: 'center' });
    next.querySelector<HTMLElement>('textarea, button')?.focus();
  };

  return (
    <div className="page page--translation">
      <div className="article-bar">
        <a className="back-link" href={hrefFor({ name: 'article', id: translation.id })}>
          {t('page.back')}
        </a>
        <a className="back-link" href={hrefFor({ name: 'article', id: source.id })}>
          {t('page.backSource')}
        </a>
      </div>
      <h1 className="page-title">{t('page.title')}</h1>
      <div className="translation-summary">
        <p role="status">
          {state.stale + state.untranslated + state.orphaned === 0
            ? t('page.allFresh')
            : [state.stale ? t('page.staleN', { count: state.stale }) : '', state.untranslated ? t('page.untranslatedN', { count: state.untranslated }) : '', state.orphaned ? t('page.orphanedN', { count: state.orphaned }) : ''].filter(Boolean).join(' · ')}
        </p>
        {state.stale > 0 && (
          <button type="button" className="button button--small" onClick={nextStale}>
            {t('page.nextStale')}
          </button>
        )}
      </div>
      <div className="pairs" role="list">
        <div className="pairs__head" aria-hidden="true">
          <span>{t('page.sourceColumn', { language: t(`language.${from}`) })}</span>
          <span>{t('page.translationColumn', { language: t(`language.${to}`) })}</span>
        </div>
        {state.pairs.map((pair, i) => (
          <section key={`${pair.sourceId}:${pair.targets[0]?.id ?? ''}`} className="pair" data-state={pair.state} data-kind={pair.source?.kind ?? 'orphan'} role="listitem" aria-label={t('page.rowLabel', { n: i + 1, kind: names[i] })}>
            <div className="pair__source" lang={from}>
              <div className="pair__label">
                <span className="pair__name">{names[i]}</span>
                <span className={`pair__state pair__state--${pair.state}`}>{t(`state.${pair.state}`)}</span>
              </div>
              {pair.source?.kind === 'photo' ? (
                <p className="muted">{t('pair.photo')}</p>
              ) : pair.state === 'stale' && pair.diff ? (
                <div className="pair__diff">
                  <p className="pair__hint">{t('pair.changedSince')}</p>
                  <p className="pair__text diff__text">
                    <Diff segments={pair.diff} />
                  </p>
                </div>
              ) : pair.source ? (
                <p className={`pair__text pair__text--${pair.source.kind}`}>{pair.source.text}</p>
              ) : (
                <p className="muted">{t('pair.orphanHint')}</p>
              )}
            </div>
            <div className="pair__target" lang={to}>
              {pair.targets.length === 0 && pair.source && (
                <button type="button" className="button button--small" onClick={() => add(i)} aria-label={t('pair.addLabel', { what: names[i] })}>
                  {t('pair.add')}
                </button>
              )}
              {pair.targets.map((target) =>
                target.kind === 'photo' ? (
                  <p key={target.id} className="muted">
                    {t('pair.photo')}
                  </p>
                ) : pair.state !== 'orphaned' && isPlainBlock(translation.doc, target.id) ? (
                  <BlockInput key={target.id} text={target.text} kind={target.kind} label={t('pair.editLabel', { what: names[i] })} placeholder={t('pair.placeholder')} focus={focusId === target.id} onChange={(text) => write(target.id, text)} />
                ) : (
                  <p key={target.id} className="pair__text">
                    {target.text}
                    {pair.state !== 'orphaned' && <span className="pair__hint"> {t('pair.notPlain')}</span>}
                  </p>
                ),
              )}
              {pair.state === 'stale' && pair.targets[0] && (
                <button type="button" className="button button--small pair__confirm" onClick={() => confirm(pair.targets[0]!.id)} aria-label={t('pair.confirmLabel', { what: names[i] })}>
                  {t('pair.confirm')}
                </button>
              )}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

function BlockInput(props: { readonly text: string; readonly kind: string; readonly label: string; readonly placeholder: string; readonly focus: boolean; readonly onChange: (text: string) => void }) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const [composing, setComposing] = useState<string | null>(null);
  useEffect(() => {
    if (props.focus) ref.current?.focus();
  }, [props.focus]);
  // While an input method composes, the field shows what it has; the text is written when it ends.
  return (
    <textarea
      ref={ref}
      className={`pair__input pair__input--${props.kind}`}
      value={composing ?? props.text}
      aria-label={props.label}
      placeholder={props.placeholder}
      rows={1}
      spellCheck={false}
      onCompositionStart={(e) => setComposing(e.currentTarget.value)}
      onCompositionEnd={(e) => {
        setComposing(null);
        props.onChange(e.currentTarget.value);
      }}
      onChange={(e) => {
        if (composing !== null) setComposing(e.target.value);
        else props.onChange(props.kind === 'headline' ? e.target.value.replace(/[\r\n]/g, ' ') : e.target.value);
      }}
    />
  );
}
