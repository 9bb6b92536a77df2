/**
 * The article's counters, live as the writer types: words, characters with and without spaces,
 * silent reading time and on-air time at the rates set for the article's language.
 */
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, ReadingRates } from '../../../src-shared/models';
import { countText, splitDuration } from '../../../src-shared/text/counts';
import { currentLanguage } from '../../app/i18n';
import { formatNumber } from '../../shared/format';

export function Counts({ text, language, rates }: { readonly text: string; readonly language: Language; readonly rates: ReadingRates }) {
  const { t } = useTranslation('editor');
  const deferred = useDeferredValue(text);
  const counts = useMemo(() => countText(deferred, language, rates), [deferred, language, rates]);
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
}
