/** What the side-by-side view and the translation's article page show of a pair: the source's word diff, and the pairs' names. */
import { useTranslation } from 'react-i18next';
import type { DiffSegment } from '../../../src-shared/text/diff';
import type { Pair } from '../../../src-shared/translation/pairs';
import '../history/history.css';
import './translation.css';

export function Diff({ segments }: { readonly segments: readonly DiffSegment[] }) {
  const { t } = useTranslation('history');
  return (
    <>
      {segments.map((s, i) =>
        s.op === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.op === 'added' ? (
          <ins key={i} className="diff__added">
            <span className="sr-only">{t('addedLabel')} </span>
            {s.text}
          </ins>
        ) : (
          <del key={i} className="diff__removed">
            <span className="sr-only">{t('removedLabel')} </span>
            {s.text}
          </del>
        ),
      )}
    </>
  );
}

/** What a pair is called on screen: Headline, Lead, Paragraph 3… (numbered among the body's blocks). */
export function useNames(pairs: readonly Pair[]): string[] {
  const { t } = useTranslation('translate');
  let n = 0;
  return pairs.map((p) => {
    const kind = p.source?.kind ?? p.targets[0]?.kind ?? 'paragraph';
    if (kind === 'headline' || kind === 'sapo') return t(`kind.${kind}`);
    n++;
    return t(`kind.${kind}`, { n });
  });
}
