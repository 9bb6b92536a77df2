/**
 * `article.html`: the article as one standalone page — no script, no external resource (the
 * Content-Security-Policy meta forbids any), every text escaped, photos as captioned figures
 * showing their file in the package by a relative address (html-photos.ts).
 */
import type { TFunction } from 'i18next';
import { escapeHtml } from '../../../src-shared/article-doc';
import { formatDateTime } from '../../../src-shared/format';
import { eventParts } from './event-line';
import { HTML_CSP, photoImg, withBodyPhotos } from './html-photos';
import type { ExportSource } from './source';

const STYLE = [
  'body{font-family:"Be Vietnam Pro","Segoe UI",Roboto,Arial,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}',
  'h1{font-size:1.8rem;line-height:1.25}',
  '.sapo{font-weight:600}',
  '.meta{color:#555;font-size:.9rem}',
  'figure{margin:1.5rem 0;padding:.5rem 0;border-top:1px solid #ddd}',
  'figcaption{font-size:.9rem;color:#333}',
].join('');

export function articleHtml(src: ExportSource, t: TFunction): string {
  const { view, language: lng } = src;
  const meta = [
    view.byline ? t('export:byline', { lng, name: view.byline }) : '',
    view.section ? t('export:section', { lng, name: view.section }) : '',
    view.storyDate ? t('export:created', { lng, date: formatDateTime(view.storyDate) }) : '',
  ].filter(Boolean);
  const eventLine = eventParts(src, t);
  // Photos that are not placed in the body are shown after it, each with both captions.
  const placed = new Set([...src.bodyHtml.matchAll(/data-photo="([0-9a-f]{64})"/g)].map((m) => m[1]));
  const figures = src.photos
    .filter((p) => !placed.has(p.entry.id))
    .map((p) => {
      const caps = [p.entry.captions[lng], p.entry.captions[src.other]].filter(Boolean).map((c, i) => `<span lang="${i === 0 ? lng : src.other}">${escapeHtml(c)}</span>`);
      const credit = p.entry.credit ? ` <small>${escapeHtml(t('export:credit', { lng, credit: p.entry.credit }))}</small>` : '';
      return `<figure data-file="${escapeHtml(p.entry.file)}">${photoImg(p, lng)}<figcaption>${caps.join('<br>')}${credit}</figcaption></figure>`;
    });
  return [
    '<!doctype html>',
    `<html lang="${lng}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.headline)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<article>',
    `<h1>${escapeHtml(view.headline)}</h1>`,
    meta.length ? `<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>` : '',
    eventLine.length ? `<p class="meta event">${eventLine.map(escapeHtml).join(' · ')}</p>` : '',
    view.sapo ? `<p class="sapo">${escapeHtml(view.sapo)}</p>` : '',
    withBodyPhotos(src.bodyHtml, src.photos, lng),
    ...figures,
    '</article>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
