/**
 * Where the page is, kept in the location hash so a reload (or the browser's back button)
 * lands on the same screen: `#/` the library, `#/trash` its trash, `#/article/<id>` an article,
 * `#/glossary` the glossary of people and organisations, `#/outbox` packages being sent,
 * `#/translation/<id>` a translation beside its source, `#/server` the newsroom server (login, sync status), `#/queue` the editors' queue, `#/settings` the desk's settings
 * (`#/settings/<section>` at one of its sections), `#/accounts` the server's accounts (admins).
 */
import { useEffect, useState } from 'react';
import { ArticleId } from '../../src-shared/models';

/** The settings page's sections, in the order it shows them; an error that points to a setting links to its section. */
export const SETTINGS_SECTIONS = ['language', 'reading', 'photos', 'upload', 'server', 'sections', 'spelling', 'data'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export type Route =
  | { readonly name: 'library'; readonly trashed: boolean }
  | { readonly name: 'article'; readonly id: string }
  | { readonly name: 'translation'; readonly id: string }
  | { readonly name: 'glossary' }
  | { readonly name: 'outbox' }
  | { readonly name: 'server' }
  | { readonly name: 'queue' }
  | { readonly name: 'accounts' }
  | { readonly name: 'settings'; readonly section?: SettingsSection };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/trash') return { name: 'library', trashed: true };
  if (path === '/glossary') return { name: 'glossary' };
  if (path === '/outbox') return { name: 'outbox' };
  if (path === '/server') return { name: 'server' };
  if (path === '/queue') return { name: 'queue' };
  if (path === '/accounts') return { name: 'accounts' };
  if (path === '/settings') return { name: 'settings' };
  const settings = /^\/settings\/([a-z]+)$/.exec(path);
  if (settings && (SETTINGS_SECTIONS as readonly string[]).includes(settings[1]!)) return { name: 'settings', section: settings[1] as SettingsSection };
  const m = /^\/article\/([^/]+)$/.exec(path);
  if (m && ArticleId.safeParse(m[1]).success) return { name: 'article', id: m[1]! };
  const tr = /^\/translation\/([^/]+)$/.exec(path);
  if (tr && ArticleId.safeParse(tr[1]).success) return { name: 'translation', id: tr[1]! };
  return { name: 'library', trashed: false };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'library':
      return route.trashed ? '#/trash' : '#/';
    case 'article':
      return `#/article/${route.id}`;
    case 'translation':
      return `#/translation/${route.id}`;
    case 'glossary':
      return '#/glossary';
    case 'outbox':
      return '#/outbox';
    case 'server':
      return '#/server';
    case 'queue':
      return '#/queue';
    case 'accounts':
      return '#/accounts';
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route).slice(1);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
