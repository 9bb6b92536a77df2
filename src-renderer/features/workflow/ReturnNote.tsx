/**
 * A returned story's latest note in the library row, so the reporter sees what to fix without
 * opening it. Asked only for returned rows (one question each), kept current by the article's
 * `workflow:changed`.
 */
import { useTranslation } from 'react-i18next';
import { useWorkflow } from './useWorkflow';
import './workflow.css';

export function ReturnNote({ id }: { readonly id: string }) {
  const { t } = useTranslation('workflow');
  const note = useWorkflow(id).state?.lastNote;
  if (!note) return null;
  return (
    <p className="articles__note">
      <span className="articles__note-label">{t('lastNote')}: </span>
      {note.note}
    </p>
  );
}
