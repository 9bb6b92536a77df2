/**
 * The renderer's entry: ask main for the settings (the interface language) and the notices of
 * this start, set up i18n, then show the desk. If main cannot be reached the desk still opens,
 * in Vietnamese, with the reason shown.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Notice } from '../src-shared/errors';
import type { Language } from '../src-shared/models';
import { App } from './app/App';
import { DEFAULT_LANGUAGE, initI18n } from './app/i18n';
import { initTheme } from './app/theme';
import { desk } from './platform/api';
import './styles/fonts.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/library.css';
import './styles/article.css';

async function start(): Promise<void> {
  initTheme();
  let language: Language = DEFAULT_LANGUAGE;
  let notices: readonly Notice[] = [];
  let startupError: unknown = null;
  try {
    const [settings, info] = await Promise.all([desk.settings.get({}), desk.app.info({})]);
    language = settings.language;
    notices = info.notices;
  } catch (err) {
    startupError = err;
  }
  await initI18n(language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App notices={notices} startupError={startupError} />
    </StrictMode>,
  );
}

void start();
