/**
 * What changed in the article since its last submission or return — or since its approval, when
 * it was changed after it (`workflow:changes`) — in the Workflow tab: per field, the words added (underlined, with who wrote them) and the words
 * removed (struck through), as the version history's comparison shows them. Asked again when a
 * move is recorded or the article's workflow changes, when sync is back online, and shortly after
 * the library changes (main tells of an article's new words, typed here or arriving by sync, a
 * moment after they are saved) — then only while the section is shown: a hidden tab asks once
 * it is shown again. Offline, the last answer main kept.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Status } from '../../../src-shared/models';
import { APPROVED, type Transition } from '../../../src-shared/workflow';
import { changesBase, type WorkflowChanges } from '../../../src-shared/workflow-desk';
import { desk } from '../../platform/api';
import { formatDateTime } from '../../shared/format';
import '../history/history.css';

type Segment = NonNullable<WorkflowChanges['changes']>['fields'][number]['segments'][number];

function Words({ segment }: { readonly segment: Segment }) {
  const { t } = useTranslation('workflow');
  const { t: th } = useTranslation('history');
  if (segment.op === 'same') return <>{segment.text}</>;
  if (segment.op === 'removed')
    return (
      <del className="diff__removed">
        <span className="sr-only">{th('removedLabel')} </span>
        {segment.text}
      </del>
    );
  const by = segment.by?.join(', ') ?? '';
  return (
    <>
      <ins className="diff__added">
        <span className="sr-only">{by ? t('changesAddedBy', { by }) : th('addedLabel')} </span>
        {segment.text}
      </ins>
      {by && (
        <span className="workflow__changes-by" aria-hidden="true">
          {' '}
          [{by}]
        </span>
      )}
    </>
  );
}

/** "Changes since submitted / returned / approved", by the move counted from (the server's answer may count from an earlier one). */
function headingOf(to: Status, t: TFunction<'workflow'>): string {
  if (to === 'returned') return t('changesSinceReturned');
  return APPROVED.has(to) ? t('changesSinceApproved') : t('changesSinceSubmitted');
}

/** How long after the last library change the server is asked again: a burst of typing asks once. */
export const CHANGES_REFRESH_MS = 1_000;

/** Shown: the page is visible and the section is laid out (an inspector tab not chosen is `hidden`). */
function shown(el: Element | null): boolean {
  return !document.hidden && el !== null && el.getClientRects().length > 0;
}

export function ChangesSince({ history, changedSinceApproved = false, online = true }: { readonly history: readonly Transition[]; readonly changedSinceApproved?: boolean; readonly online?: boolean }) {
  const { t } = useTranslation('workflow');
  const { t: th } = useTranslation('history');
  const heading = useId();
  const since = changesBase(history, changedSinceApproved);
  const [answer, setAnswer] = useState<WorkflowChanges | null>(null);
  const section = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!since) return;
    let live = true;
    /** Grows with every question: an answer to an older one is stale. */
    let asked = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** A change came while the section was hidden: asked when it is shown again. */
    let missed = false;
    const ask = () => {
      const mine = ++asked;
      missed = false;
      desk.workflow.changes({ id: since.article }).then(
        (next) => live && mine === asked && setAnswer(next),
        // Main cannot say now: what is shown stays until the next change.
        () => undefined,
      );
    };
    const askIfShown = () => {
      timer = null;
      if (shown(section.current)) ask();
      else missed = true;
    };
    const soon = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(askIfShown, CHANGES_REFRESH_MS);
    };
    const onShown = () => missed && shown(section.current) && ask();
    const observer = new IntersectionObserver(onShown);
    if (section.current) observer.observe(section.current);
    document.addEventListener('visibilitychange', onShown);
    const offs = [desk.on['workflow:changed']((e) => e.id === since.article && ask()), desk.on['library:changed'](soon)];
    ask();
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
      observer.disconnect();
      document.removeEventListener('visibilitychange', onShown);
      for (const off of offs) off();
    };
    // Asked again when the move counted from changes, and when sync goes offline or comes back
    // (the server may have words the kept answer lacks).
  }, [since?.article, since?.id, online]);

  if (!since) return null;
  const changes = answer?.changes ?? null;
  return (
    <section ref={section} className="workflow__changes" aria-labelledby={heading}>
      <h3 className="workflow__subtitle" id={heading}>
        {headingOf(answer?.changes?.since.to ?? since.to, t)}
      </h3>
      {!answer ? (
        <p className="muted">{t('loading')}</p>
      ) : !changes ? (
        <p className="field__hint">{t('changesOffline')}</p>
      ) : (
        <div className="diff">
          <p className="field__hint">
            {t('changesSinceAt', { at: formatDateTime(changes.since.at), by: changes.since.by })}
            {answer.reason === 'offline' && ` ${t('changesKept', { at: formatDateTime(changes.fetchedAt) })}`}
          </p>
          {changes.fields.map(({ field, segments }) => {
            const changed = segments.some((s) => s.op !== 'same');
            return (
              <section key={field} className="diff__field" data-field={field} aria-label={th('fieldDiff', { field: th(`field.${field}`) })}>
                <h4 className="diff__label">
                  {th(`field.${field}`)}
                  {!changed && <span className="muted"> — {th('unchanged')}</span>}
                </h4>
                {changed && (
                  <p className="diff__text">
                    {segments.map((s, i) => (
                      <Words key={i} segment={s} />
                    ))}
                  </p>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}
