/** Says that a paste was converted from a legacy encoding, with the way to keep it as it came (legacy-paste.ts). */
import { useTranslation } from 'react-i18next';
import type { LegacyEncoding } from '../../../src-shared/text/legacy';

export function LegacyPasteNotice({ encoding, onKeep, onDismiss }: { readonly encoding: LegacyEncoding; readonly onKeep: () => void; readonly onDismiss: () => void }) {
  const { t } = useTranslation('workspace');
  return (
    <div className="banner banner--info legacy-paste" role="status">
      <span>{t('legacyPaste.converted', { encoding: t(`legacyPaste.encodings.${encoding}`) })}</span>
      <span className="legacy-paste__actions">
        <button type="button" className="button button--small" onClick={onKeep}>
          {t('legacyPaste.undo')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
          {t('legacyPaste.dismiss')}
        </button>
      </span>
    </div>
  );
}
