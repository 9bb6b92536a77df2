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
  return (
    <dl className="facts counts" aria-label={t('counts.title')}>
      <CountRow id="words" label="counts.words" value={counts.words} />
      <CountRow id="characters" label="counts.characters" value={counts.characters} />
      <CountRow id="characters-no-spaces" label="counts.charactersNoSpaces" value={counts.charactersNoSpaces} />
      <CountRow id="reading" label="counts.reading" value={counts.readingSeconds} duration />
      <CountRow id="on-air" label="counts.onAir" value={counts.onAirSeconds} duration />
    </dl>
  );
});

type CountLabel = 'counts.words' | 'counts.characters' | 'counts.charactersNoSpaces' | 'counts.reading' | 'counts.onAir';

/** One counter; memoised, so a keystroke formats only the figures it changed. */
const CountRow = memo(function CountRow({ id, label, value, duration = false }: { readonly id: string; readonly label: CountLabel; readonly value: number; readonly duration?: boolean }) {
  const { t } = useTranslation('editor');
  const ui = currentLanguage();
  let text: string;
  if (!duration) text = formatNumber(value, ui);
  else {
    const { minutes, seconds } = splitDuration(value);
    text = minutes > 0 ? t('counts.duration', { minutes: formatNumber(minutes, ui), seconds: formatNumber(seconds, ui) }) : t('counts.durationSeconds', { seconds: formatNumber(seconds, ui) });
  }
  return (
    <div>
      <dt>{t(label)}</dt>
      <dd data-testid={`count-${id}`}>{text}</dd>
    </div>
  );
});
