/**
 * A version compared with now, field by field: words added since the version are underlined
 * (`<ins>`), words removed are struck through (`<del>`); each change also says so in words for
 * screen readers, which do not announce the two elements.
 */
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../src-shared/errors';
import type { HistoryDiff } from '../../../src-shared/history';
import type { DiffSegment } from '../../../src-shared/text/diff';

function Segment({ segment }: { readonly segment: DiffSegment }) {
  const { t } = useTranslation('history');
  switch (segment.op) {
    case 'same':
      return <>{segment.text}</>;
    case 'added':
      return (
        <ins className="diff__added">
          <span className="sr-only">{t('addedLabel')} </span>
          {segment.text}
        </ins>
      );
    case 'removed':
      return (
        <del className="diff__removed">
          <span className="sr-only">{t('removedLabel')} </span>
          {segment.text}
        </del>
      );
    default:
      return assertNever(segment.op);
  }
}

export function DiffView({ diff }: { readonly diff: HistoryDiff }) {
  const { t } = useTranslation('history');
  return (
    <div className="diff">
      <p className="field__hint">{t('legend')}</p>
      {diff.fields.map(({ field, segments }) => {
        const changed = segments.some((s) => s.op !== 'same');
        return (
          <section key={field} className="diff__field" data-field={field} aria-label={t('fieldDiff', { field: t(`field.${field}`) })}>
            <h4 className="diff__label">
              {t(`field.${field}`)}
              {!changed && <span className="muted"> — {t('unchanged')}</span>}
            </h4>
            <p className="diff__text">{segments.length ? segments.map((s, i) => <Segment key={i} segment={s} />) : <span className="muted">{t('emptyField')}</span>}</p>
          </section>
        );
      })}
    </div>
  );
}
