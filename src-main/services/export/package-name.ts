/**
 * The name a package is saved and downloaded under: `<slug>-<date>.zip`, the article's slug
 * (folded ASCII, see src-shared/text/slug.ts) and the story's day in the newsroom's time zone,
 * e.g. `hoi-nghi-truc-tuyen-toan-tinh-2026-01-09.zip`. Plain ASCII letters, digits and dashes, so
 * it is the same file name on every system and needs no encoding in a download's header.
 */
import type * as Y from 'yjs';
import { meta, readArticle } from '../../../src-shared/article-doc';
import { NEWSROOM_TIME_ZONE } from '../../../src-shared/format';
import { slugify } from '../../../src-shared/text/slug';

const day = new Intl.DateTimeFormat('en-CA', { timeZone: NEWSROOM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD of an instant in Asia/Ho_Chi_Minh, or '' for a date that is not one. */
export function newsroomDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(day.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** `<slug>-<date>` for the article in `doc` (no extension); the article's id stands in for an empty slug. */
export function packageBaseName(doc: Y.Doc): string {
  const view = readArticle(doc);
  // The story's own date when the article has one, else its creation.
  const own = meta(doc).get('storyDate');
  const date = newsroomDay(typeof own === 'string' && newsroomDay(own) ? own : view.createdAt);
  // Cleaned again: a slug typed or synced is meant to be clean, but the name must be whatever it holds.
  const slug = slugify(view.slug) || view.id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || 'article';
  return date ? `${slug}-${date}` : slug;
}
