/**
 * The article's counters, live as the writer types: words, characters with and without spaces,
 * silent reading time and on-air time at the rates set for the article's language.
 *
 * The counters read the body themselves (useBodyLines), so only they re-render as it changes,
 * not the page; they are memoised against the page's own re-renders; and they count line by
 * line with a cache (useBodyText.ts), so only the lines that changed are counted again.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Language, ReadingRates } from '../../../src-shared/models';
import { splitDuration } from '../../../src-shared/text/counts';
import { currentLanguage } from '../../app/i18n';
import { formatNumber } from '../../shared/format';
import { CountCache, useBodyLines } from './useBodyText';

export interface CountsProps {
  readonly headline: string;
  readonly sapo: string;
  /** The article's document, for its body. */
  readonly doc: Y.Doc;
  readonly language: Language;
  readonly rates: ReadingRates;
}

export const Counts = memo(function Counts({ headline, sapo, doc, language, rates }: CountsProps) {
  const { t } = useTranslation('editor');
  const bodyLines = useBodyLines(doc);
  const [cache] = useState(() => new CountCache());
  const counts = useMemo(() => cache.count([headline, sapo, ...bodyLines], language, rates), [cache, headline, sapo, bodyLines, language, rates]);
  const ui = currentLanguage();
  const duration = (total: number) => {
    const { minutes, seconds } = splitDuration(total);
    return minutes > 0 ? t('counts.duration', { minutes: formatNumber(minutes, ui), seconds: formatNumber(seconds, ui) }) : t('counts.durationSeconds', { seconds: formatNumber(seconds, ui) });
  };
  const rows: ReadonlyArray<readonly [string, string, string]> = [
    ['words', t('counts.words'), formatNumber(counts.words, ui)],
    ['characters', t('counts.characters'), formatNumber(counts.characters, ui)],
    ['characters-no-spaces', t('counts.charactersNoSpaces'), formatNumber(counts.charactersNoSpaces, ui)],
    ['reading', t('counts.reading'), duration(counts.readingSeconds)],
    ['on-air', t('counts.onAir'), duration(counts.onAirSeconds)],
  ];
  return (
    <dl className="facts counts" aria-label={t('counts.title')}>
      {rows.map(([id, label, value]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={`count-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
});
