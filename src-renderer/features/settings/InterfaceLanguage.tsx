/** The interface language as a choice of two, switched at once and saved (the header's switch does the same). */
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../src-shared/models';
import { currentLanguage } from '../../app/i18n';
import { useChooseLanguage } from '../../app/LanguageSwitch';

export function InterfaceLanguage() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const choose = useChooseLanguage();
  const current = currentLanguage();
  return (
    <fieldset className="settings-choice">
      <legend className="field__label">{t('language.legend')}</legend>
      {LANGUAGES.map((lang) => (
        <label key={lang} className="settings-choice__option" lang={lang}>
          <input type="radio" name="interface-language" value={lang} checked={current === lang} onChange={() => void choose(lang)} /> {tc(`language.${lang}`)}
        </label>
      ))}
      <p className="field__hint settings-after">{t('language.hint')}</p>
    </fieldset>
  );
}
