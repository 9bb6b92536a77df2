/**
 * What the article still needs before it can be submitted (src-shared/checklist.ts), live:
 * read again shortly after any change to the document, from this page or from main (useChecklist.ts).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { ConflictPlace } from '../../../src-shared/article-conflicts';
import type { ChecklistItem } from '../../../src-shared/checklist';
import { assertNever } from '../../../src-shared/errors';
import type { Language } from '../../../src-shared/models';
import { currentLanguage } from '../../app/i18n';
import { formatNumber } from '../../shared/format';
import './checklist.css';
import { CheckIcon, CrossIcon } from '../../shared/icons';
import { useChecklist } from './useChecklist';

export { CHECKLIST_DELAY_MS, useChecklist } from './useChecklist';

export function ChecklistPanel({ doc, language }: { readonly doc: Y.Doc; readonly language: Language }) {
  const { t } = useTranslation('checklist');
  const list = useChecklist(doc);
  const heading = useId();
  const missing = list.items.filter((i) => !i.ok).length;
  const photos = (item: ChecklistItem) => (item.photos ?? []).map((n) => t('photoRef', { n: formatNumber(n + 1, currentLanguage()) })).join(', ');
  const place = (p: ConflictPlace): string => {
    switch (p.kind) {
      case 'text':
        return t(`conflictPlaces.text.${p.field}`);
      case 'meta':
        return t(`conflictPlaces.meta.${p.field}`);
      case 'event':
        return t(`conflictPlaces.event.${p.field}`);
      case 'organiser':
        return t('conflictPlaces.organiser', { n: p.n });
      case 'participant':
        return t(`conflictPlaces.participant.${p.field}`, { n: p.n });
      case 'caption':
        return t(`conflictPlaces.caption.${p.language}`, { n: p.n });
      case 'photo':
        return t(`conflictPlaces.photo.${p.field}`, { n: p.n });
      default:
        return assertNever(p);
    }
  };
  const detail = (item: ChecklistItem): string => {
    if (!item.ok && item.id === 'conflicts') return t('conflictsIn', { fields: (item.conflicts ?? []).map(place).join(', ') });
    if (item.ok || !item.photos?.length) return '';
    if (item.id === 'photoImages') return t('photosMissingImage', { photos: photos(item) });
    if (item.id === 'photoCaptions') return t('photosMissingCaption', { photos: photos(item), language: t(`languages.${list.language}`) });
    return '';
  };
  return (
    <section className="checklist" aria-labelledby={heading} data-language={language}>
      <h2 className="side-title" id={heading}>
        {t('title')}
      </h2>
      <p className={list.ready ? 'checklist__summary checklist__summary--ready' : 'checklist__summary'} role="status">
        {list.ready ? t('ready') : t('summary', { n: missing })}
      </p>
      <ul className="checklist__items">
        {list.items.map((item) => (
          <li key={item.id} className={item.ok ? 'checklist__item checklist__item--ok' : 'checklist__item checklist__item--missing'} data-item={item.id}>
            <span className="checklist__mark" aria-hidden="true">
              {item.ok ? <CheckIcon /> : <CrossIcon />}
            </span>
            <span className="checklist__text">
              <span className="sr-only">{item.ok ? t('ok') : t('missing')}: </span>
              {t(`items.${item.id}`)}
              {detail(item) && <span className="checklist__detail">{detail(item)}</span>}
            </span>
          </li>
        ))}
      </ul>
      {list.photoCount === 0 && <p className="field__hint">{t('noPhotos')}</p>}
      {list.openComments > 0 && <p className="field__hint checklist__comments">{t('openComments', { n: list.openComments })}</p>}
    </section>
  );
}
