/** The desk-wide choice to strip GPS positions from photos when an article is exported. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';
import { useSettings } from '../../shared/useSettings';

export function StripGpsOption() {
  const { t } = useTranslation('photos');
  const settings = useSettings();
  const act = useAction();
  const hint = useId();
  if (!settings) return null;
  return (
    <div className="field">
      <label className="photo-card__featured">
        <input type="checkbox" checked={settings.stripGpsOnExport} aria-describedby={hint} onChange={(e) => void act(() => desk.settings.update({ stripGpsOnExport: e.target.checked }))} />
        {t('stripGps.label')}
      </label>
      <p className="field__hint" id={hint}>
        {t('stripGps.hint')}
      </p>
    </div>
  );
}
