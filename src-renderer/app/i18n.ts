/**
 * The renderer's i18next: every translation from `locales/` (bundled, nothing fetched),
 * Vietnamese by default, the language remembered in desk settings, `<html lang>` kept in step.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, resources } from '../../src-shared/locales';
import { LANGUAGES, type Language } from '../../src-shared/models';

export const DEFAULT_LANGUAGE: Language = 'vi';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

function reflect(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export async function initI18n(language: Language = DEFAULT_LANGUAGE): Promise<typeof i18next> {
  i18next.on('languageChanged', reflect);
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    // A parameter an error did not carry reads as nothing, never as a raw "{{path}}".
    missingInterpolationHandler: () => '',
  });
  reflect(language);
  return i18next;
}

export async function applyLanguage(language: Language): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
