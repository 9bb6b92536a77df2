/**
 * The library: every article (or the trashed ones) with status, language, byline and last
 * change, in Vietnamese collation order; create, open, trash and restore; a sample to start.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../src-shared/models';
import { useAction } from '../../app/errors';
import { currentLanguage } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/route';
import { desk } from '../../platform/api';
import { formatNumber } from '../../shared/format';
import { ArticleTable } from './ArticleTable';
import { EmptyLibrary } from './EmptyLibrary';
import { ImportButton } from './ImportButton';
import { LibrarySearch } from './search/LibrarySearch';
import { useLibrary } from './useLibrary';

export function LibraryPage({ trashed }: { readonly trashed: boolean }) {
  const { t, i18n } = useTranslation();
  const act = useAction();
  const { articles, reload } = useLibrary(trashed);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => setAnnouncement(''), [trashed]);

  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    try {
      return await act(action);
    } finally {
      setBusy(false);
    }
  };
  const createArticle = async () => {
    const created = await run(() => desk.article.create({ language: currentLanguage() }));
    if (created) navigate({ name: 'article', id: created.id });
  };
  const loadSample = async () => {
    const loaded = await run(() => desk.library.loadSample({}));
    await reload();
    // The button that was pressed is gone with the empty state: keep the keyboard on the page.
    if (loaded) heading.current?.focus();
  };
  const headlineOf = (a: ArticleSummary) => a.headline || t('library.untitled');
  const onTrash = async (a: ArticleSummary) => {
    if (await run(() => desk.article.trash({ id: a.id }))) {
      setAnnouncement(t('library.trashedOne', { headline: headlineOf(a) }));
      heading.current?.focus();
    }
    await reload();
  };
  const onRestore = async (a: ArticleSummary) => {
    if (await run(() => desk.article.restore({ id: a.id }))) {
      setAnnouncement(t('library.restoredOne', { headline: headlineOf(a) }));
      heading.current?.focus();
    }
    await reload();
  };

  const title = trashed ? t('library.trashTitle') : t('library.title');
  return (
    <div className="page page--library">
      <div className="page-head">
        <div>
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {articles !== null && articles.length > 0 && (
            <p className="page-subtitle">{t('library.count', { count: articles.length, n: formatNumber(articles.length, currentLanguage()) })}</p>
          )}
        </div>
        <div className="page-head__actions">
          <ImportButton disabled={busy} />
          <button type="button" className="button button--primary" onClick={() => void createArticle()} disabled={busy}>
            {t('library.newArticle')}
          </button>
        </div>
      </div>
      <nav className="tabs" aria-label={t('library.views')}>
        <a className="tabs__tab" href={hrefFor({ name: 'library', trashed: false })} aria-current={trashed ? undefined : 'page'}>
          {t('library.active')}
        </a>
        <a className="tabs__tab" href={hrefFor({ name: 'library', trashed: true })} aria-current={trashed ? 'page' : undefined}>
          {t('library.trash')}
        </a>
      </nav>
      <LibrarySearch key={String(trashed)} trashed={trashed}>
        {articles === null ? (
          <p className="muted" role="status">
            {t('library.loading')}
          </p>
        ) : articles.length === 0 ? (
          trashed ? (
            <p className="empty empty--plain">{t('library.trashEmpty')}</p>
          ) : (
            <EmptyLibrary busy={busy} onNew={() => void createArticle()} onSample={() => void loadSample()} />
          )
        ) : (
          <ArticleTable key={i18n.language} caption={title} articles={articles} onTrash={(a) => void onTrash(a)} onRestore={(a) => void onRestore(a)} />
        )}
      </LibrarySearch>
      <p className="sr-only" role="status">
        {announcement}
      </p>
    </div>
  );
}
