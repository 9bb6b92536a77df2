/**
 * A move's name as its button says it: by what it does, from where the article stands
 * ("Nộp bài" from a draft, "Nộp lại" after a return, "Nhận biên tập" from the queue, "Biên tập
 * lại" after an approval).
 */
import type { TFunction } from 'i18next';
import { assertNever } from '../../../src-shared/errors';
import type { Status } from '../../../src-shared/models';

export function moveLabel(t: TFunction<'workflow'>, from: Status, to: Status): string {
  switch (to) {
    case 'submitted':
      return from === 'returned' ? t('moves.resubmit') : t('moves.submitted');
    case 'editing':
      return from === 'approved' ? t('moves.reopen') : t('moves.editing');
    case 'draft':
    case 'approved':
    case 'returned':
    case 'spiked':
    case 'published':
      return t(`moves.${to}`);
    default:
      return assertNever(to);
  }
}
