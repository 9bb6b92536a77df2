/**
 * A library row's move that waits to reach the server ("Chờ gửi: Nộp bài"), as the Workflow tab
 * and the article bar show it — or the move the server refused, which waits for the writer.
 */
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../src-shared/models';
import { moveLabel } from './move-label';
import { usePendingMove } from './usePendingMoves';
import './workflow.css';

export function PendingMoveBadge({ id, status }: { readonly id: string; readonly status: Status }) {
  const { t } = useTranslation('workflow');
  const mark = usePendingMove(id);
  if (!mark) return null;
  const move = moveLabel(t, status, mark.to);
  return (
    <span className={mark.refused ? 'badge badge--refused articles__pending' : 'badge badge--pending articles__pending'} data-testid="pending-move">
      {mark.refused ? t('refusedTitle', { move }) : t('pending', { move })}
    </span>
  );
}
