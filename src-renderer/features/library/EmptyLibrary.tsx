import { useTranslation } from 'react-i18next';

export function EmptyLibrary({ onNew, onSample, busy }: { readonly onNew: () => void; readonly onSample: () => void; readonly busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="empty">
      <h2 className="empty__title">{t('library.emptyTitle')}</h2>
      <p className="empty__text">{t('library.emptyText')}</p>
      <div className="empty__actions">
        <button type="button" className="button button--primary" onClick={onNew} disabled={busy}>
          {t('library.newArticle')}
        </button>
        <button type="button" className="button" onClick={onSample} disabled={busy}>
          {t('library.loadSample')}
        </button>
      </div>
    </div>
  );
}
