/**
 * The article's status in the article bar, with "changed since approved" when a change was stored
 * after its approval, and its waiting move ("chờ gửi") while the server has not taken it.
 */
import { useTranslation } from 'react-i18next';
import { moveLabel } from './move-label';
import type { Workflow } from './useWorkflow';
import './workflow.css';

export function WorkflowBadge({ workflow }: { readonly workflow: Workflow }) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const { state } = workflow;
  if (!state) return null;
  const waiting = state.pending && !state.pending.refused ? state.pending : null;
  return (
    <span className="workflow-badge" data-status={state.status}>
      <span className="sr-only">{t('statusLabel')}: </span>
      <span className={`badge badge--${state.status}`}>{tc(`status.${state.status}`)}</span>
      {state.changedSinceApproved && <span className="badge badge--changed">{t('changedSinceApproved')}</span>}
      {waiting && <span className="badge badge--pending">{t('pending', { move: moveLabel(t, state.status, waiting.to) })}</span>}
    </span>
  );
}
