/**
 * `article.txt` and `script.txt`: the article as plain text (UTF-8, NFC, CRLF-free), and the
 * script a presenter reads on air — headline, lead and body in reading order, the photos'
 * captions kept apart (they are not read), and the on-air time at the article language's rate.
 * Both carry the story's own date and a line for the event (title, when, where, organisers).
 */
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../src-shared/format';
import { datelineName } from '../../../src-shared/places';
import { countText, splitDuration } from '../../../src-shared/text/counts';
import { eventParts } from './event-line';
import type { ExportSource } from './source';

export function articleText(src: ExportSource, t: TFunction): string {
  const { view, event, language: lng } = src;
  const place = datelineName(event.place, event.start);
  const lines = [
    view.headline,
    '',
    [view.byline ? t('export:byline', { lng, name: view.byline }) : '', view.storyDate ? formatDateTime(view.storyDate) : '', place].filter(Boolean).join(' · '),
    eventParts(src, t).join(' · '),
    '',
    view.sapo,
    '',
    src.bodyLines.join('\n\n'),
  ];
  const photos = src.photos.map((p, i) => t('export:photo', { lng, n: i + 1, caption: [p.entry.captions[lng], p.entry.credit ? `(${t('export:credit', { lng, credit: p.entry.credit })})` : ''].filter(Boolean).join(' ') }));
  if (photos.length) lines.push('', ...photos);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** The seconds the script takes on air: headline, lead and body, at the on-air rate of the article's language. */
export function scriptSeconds(src: ExportSource): { seconds: number; words: number; rate: number } {
  const counts = countText([src.view.headline, src.view.sapo, ...src.bodyLines].join('\n'), src.language, src.readingRates);
  return { seconds: counts.onAirSeconds, words: counts.words, rate: src.readingRates[src.language].onAir };
}

export function scriptText(src: ExportSource, t: TFunction): string {
  const { view, language: lng } = src;
  const { seconds, words, rate } = scriptSeconds(src);
  const { minutes, seconds: s } = splitDuration(seconds);
  const lines = [
    t('export:scriptTitle', { lng }),
    t('export:onAirTime', { lng, minutes, seconds: s, words, rate }),
    view.byline ? t('export:byline', { lng, name: view.byline }) : '',
    view.storyDate ? t('export:created', { lng, date: formatDateTime(view.storyDate) }) : '',
    eventParts(src, t).join(' · '),
    t('export:exported', { lng, date: formatDateTime(src.exportedAt) }),
    '',
    view.headline.toLocaleUpperCase(lng),
    '',
    t('export:leadLabel', { lng }),
    view.sapo,
    '',
    t('export:bodyLabel', { lng }),
    src.bodyLines.filter((l) => l.trim()).join('\n\n'),
  ];
  const photos = src.photos.map((p, i) => t('export:photo', { lng, n: i + 1, caption: p.entry.captions[lng] }));
  if (photos.length) lines.push('', t('export:photosLabel', { lng }), ...photos);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
