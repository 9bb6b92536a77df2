/**
 * The window's own origin. The renderer is served from `bantin://app/` (a privileged, standard,
 * secure scheme) rather than `file://`, so it has a real origin the IPC door and the navigation
 * guard can compare against, and no access to the rest of the disk.
 */
import path from 'node:path';

export const APP_SCHEME = 'bantin';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of the app's own origin, and only for that (no user, no port, no other host). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/**
 * The file inside `root` that an app URL names, or null when the URL is not the app's or would
 * leave `root` (`..`, encoded separators, backslashes, NUL). `/` is the entry page.
 */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const u = new URL(url);
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const normalized = path.posix.normalize('/' + rel);
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + (normalized.endsWith('/') ? normalized + 'index.html' : normalized));
  return file.startsWith(base + path.sep) ? file : null;
}

/**
 * The renderer's page of an article. The renderer routes on the location hash
 * (`src-renderer/app/route.ts`: `#/article/<id>`), so loading this on the open page is an
 * in-page navigation, not a reload.
 */
export function articleUrl(id: string): string {
  return `${APP_ENTRY_URL}#/article/${encodeURIComponent(id)}`;
}
