/**
 * The interface language: switched at once, remembered in desk settings, and followed when
 * another window of the same desk changes it.
 */
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../src-shared/models';
import { desk } from '../platform/api';
import { useAction } from './errors';
import { applyLanguage, currentLanguage, isLanguage } from './i18n';

/** Switches the interface at once and saves the choice; a choice that cannot be saved is taken back. */
export function useChooseLanguage(): (language: Language) => Promise<void> {
  const act = useAction();
  return async (language: Language) => {
    const previous = currentLanguage();
    await applyLanguage(language);
    const saved = await act(() => desk.settings.update({ language }));
    if (!saved) await applyLanguage(previous);
  };
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const choose = useChooseLanguage();
  useEffect(() => desk.on['settings:changed']((s) => void applyLanguage(s.language)), []);

  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={isLanguage(i18n.language) ? i18n.language : 'vi'} onChange={(e) => isLanguage(e.target.value) && void choose(e.target.value)}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
