/** The shell: header with the desk's name and language switch, notices, errors, the page. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../src-shared/errors';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { ArticlePage } from '../features/article/ArticlePage';
import { GlossaryPage } from '../features/glossary/GlossaryPage';
import { LibraryPage } from '../features/library/LibraryPage';
import { OutboxPage } from '../features/outbox/OutboxPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ServerPage } from '../features/sync/ServerPage';
import { SyncCorner } from '../features/sync/SyncCorner';
import { useSyncStatus } from '../features/sync/useSyncStatus';
import { QueuePage } from '../features/workflow/QueuePage';
import { TranslationPage } from '../features/translation/TranslationPage';
import { ErrorBanner } from './ErrorBanner';
import { ErrorProvider } from './errors';
import { LanguageSwitch } from './LanguageSwitch';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ThemeSwitch } from './ThemeSwitch';
import { Notices } from './notices';
import { hrefFor, useRoute, type Route } from './route';

function Page({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'library':
      return <LibraryPage trashed={route.trashed} />;
    case 'article':
      return <ArticlePage id={route.id} />;
    case 'translation':
      return <TranslationPage id={route.id} />;
    case 'glossary':
      return <GlossaryPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'server':
      return <ServerPage />;
    case 'queue':
      return <QueuePage />;
    case 'accounts':
      return <AccountsPage />;
    case 'settings':
      return <SettingsPage section={route.section} />;
  }
}

export function App({ notices, startupError }: { readonly notices: readonly Notice[]; readonly startupError: unknown }) {
  const { t } = useTranslation();
  const { t: tg } = useTranslation('glossary');
  const { t: to } = useTranslation('outbox');
  const { t: ts } = useTranslation('settings');
  const { t: tw } = useTranslation('workflow');
  const { t: tsync } = useTranslation('sync');
  // The queue is the editors' page: shown when the last login was an editor's or an admin's.
  const role = useSyncStatus()?.role ?? null;
  const editor = role === 'editor' || role === 'admin';
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const routeKey = route.name === 'article' || route.name === 'translation' ? `${route.name}:${route.id}` : route.name === 'library' ? `library:${route.trashed}` : route.name;
  const first = useRef(true);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  useEffect(() => {
    // Moving between pages puts the keyboard at the start of the new page, not on a stale control.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [routeKey]);

  return (
    <ErrorProvider initial={startupError}>
      <header className="app-header">
        <div className={['app-header__inner', editor && 'app-header__inner--editor', role === 'admin' && 'app-header__inner--admin'].filter(Boolean).join(' ')}>
          <p className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </p>
          {editor && (
            <a className="app-nav__link" href={hrefFor({ name: 'queue' })} aria-current={route.name === 'queue' ? 'page' : undefined}>
              {tw('queue.open')}
            </a>
          )}
          {role === 'admin' && (
            <a className="app-nav__link" href={hrefFor({ name: 'accounts' })} aria-current={route.name === 'accounts' ? 'page' : undefined}>
              {tsync('accounts.open')}
            </a>
          )}
          <a className="app-nav__link" href={hrefFor({ name: 'glossary' })} aria-current={route.name === 'glossary' ? 'page' : undefined}>
            {tg('open')}
          </a>
          <a className="app-nav__link" href={hrefFor({ name: 'outbox' })} aria-current={route.name === 'outbox' ? 'page' : undefined}>
            {to('open')}
          </a>
          <a className="app-nav__link" href={hrefFor({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
            {ts('open')}
          </a>
          <SyncCorner current={route.name === 'server'} />
          <LanguageSwitch />
          <ThemeSwitch />
          <ShortcutsDialog />
        </div>
      </header>
      <main className="app-main" ref={main} tabIndex={-1}>
        <Notices initial={notices} />
        <ErrorBanner />
        <Page key={routeKey} route={route} />
      </main>
    </ErrorProvider>
  );
}
