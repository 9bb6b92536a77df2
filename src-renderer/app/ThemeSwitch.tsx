/** The colour theme's choice in the header: the system's, light or dark (app/theme.ts). */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoonIcon, SunIcon } from '../shared/icons';
import { chooseTheme, chosenTheme, effectiveTheme, onThemeChange, THEMES, type Theme } from './theme';

export function ThemeSwitch() {
  const { t } = useTranslation('workspace');
  const id = useId();
  const [theme, setTheme] = useState<Theme>(chosenTheme);
  useEffect(() => onThemeChange(setTheme), []);
  const Icon = effectiveTheme(theme) === 'dark' ? MoonIcon : SunIcon;
  return (
    <div className="theme-switch">
      <label htmlFor={id} className="theme-switch__label" title={t('theme.label')}>
        <Icon />
        <span className="sr-only">{t('theme.label')}</span>
      </label>
      <select id={id} value={theme} onChange={(e) => chooseTheme(e.target.value as Theme)}>
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(`theme.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
