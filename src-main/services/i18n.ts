/**
 * Translations for what main says itself: native menus, dialogs, the command line and web
 * mode's console. Same files and same i18next as the renderer.
 */
import { createInstance, type TFunction } from 'i18next';
import type { Language } from '../../src-shared/models';
import { resources } from '../../src-shared/locales';

export async function createTranslator(language: Language): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng: language, fallbackLng: false, resources, defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false });
  return i18n.t.bind(i18n);
}

/** vi unless the environment's language says English (LANG=en_US.UTF-8 and the like). */
export function languageFromEnv(env: NodeJS.ProcessEnv = process.env): Language {
  const lang = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'vi';
}
