/** The library's search box and its filters, every control labelled; Ctrl+F or "/" puts the caret in the box. */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, STATUSES, type Language, type Status } from '../../../../src-shared/models';
import { DateTimeInput } from '../../../shared/DateTimeInput';
import type { LibrarySearchState } from './useSearch';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function SearchBar({ search }: { readonly search: LibrarySearchState }) {
  const { t } = useTranslation('search');
  const { t: tc } = useTranslation();
  const box = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const find = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target);
      if (!find && !slash) return;
      e.preventDefault();
      box.current?.focus();
      box.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div role="search" className="search-bar" aria-label={t('region')}>
      <div className="search-bar__query">
        <label htmlFor={`${id}-q`} className="search-bar__label">
          {t('label')}
        </label>
        <input
          id={`${id}-q`}
          ref={box}
          className="input search-bar__input"
          type="search"
          value={search.query}
          placeholder={t('placeholder')}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search.active) {
              e.preventDefault();
              search.clear();
            }
          }}
        />
        <span id={`${id}-hint`} className="search-bar__hint muted">
          {t('hint')}
        </span>
      </div>
      <div className="search-bar__filters">
        <div className="search-bar__filter">
          <label htmlFor={`${id}-status`}>{t('status')}</label>
          <select id={`${id}-status`} className="input" value={search.filters.status} onChange={(e) => search.setFilter('status', e.target.value as Status | '')}>
            <option value="">{t('anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tc(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="search-bar__filter">
          <label htmlFor={`${id}-language`}>{t('language')}</label>
          <select id={`${id}-language`} className="input" value={search.filters.language} onChange={(e) => search.setFilter('language', e.target.value as Language | '')}>
            <option value="">{t('anyLanguage')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {tc(`articleLanguage.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <DateTimeInput className="search-bar__filter search-bar__date" label={t('from')} mode="date" hint="hidden" value={search.filters.from} onCommit={(v) => search.setFilter('from', v)} />
        <DateTimeInput className="search-bar__filter search-bar__date" label={t('to')} mode="date" hint="hidden" value={search.filters.to} onCommit={(v) => search.setFilter('to', v)} />
        {search.active && (
          <button type="button" className="button button--small" onClick={() => search.clear()}>
            {t('clear')}
          </button>
        )}
      </div>
    </div>
  );
}
