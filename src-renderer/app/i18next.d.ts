/** Typed translation keys: `t('library.newArticle')` fails to compile if the key is missing. */
import type { Resources } from '../../src-shared/locales';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
