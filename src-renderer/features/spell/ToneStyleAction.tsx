/**
 * The article bar's style command: with a tone-mark style chosen in the settings, a Vietnamese
 * article can be put in it whole (src-shared/spell/restyle-article.ts) — the headline, the
 * lead, the body and the photos' Vietnamese captions, in NFC. Written as the writer's own
 * change between two closed steps of the page's undo history, so Ctrl+Z takes it back at
 * once and never merges it with typing.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Language } from '../../../src-shared/models';
import { restyleArticle } from '../../../src-shared/spell/restyle-article';
import type { ToneStyle } from '../../../src-shared/spell/tones';
import { useSettings } from '../../shared/useSettings';
import { USER_ORIGIN } from '../article/origins';
import './tone-style.css';

const EXAMPLE: Record<ToneStyle, string> = { modern: 'hoà', classic: 'hòa' };
/** How long the result stays beside the button. */
const SHOWN_MS = 8000;

export function ToneStyleAction({ doc, language, undoManager }: { readonly doc: Y.Doc; readonly language: Language; readonly undoManager: Y.UndoManager }) {
  const { t } = useTranslation('spell');
  const settings = useSettings();
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [said]);
  const style = settings?.toneStyle;
  if (language !== 'vi' || !style || style === 'off') return null;
  const example = EXAMPLE[style];
  const apply = () => {
    let changed = 0;
    undoManager.stopCapturing();
    doc.transact(() => (changed = restyleArticle(doc, style)), USER_ORIGIN);
    undoManager.stopCapturing();
    setSaid(changed ? t('toneStyle.done', { count: changed, example }) : t('toneStyle.none', { example }));
  };
  return (
    <span className="tone-style-action">
      <button type="button" className="button button--small" onClick={apply}>
        {t('toneStyle.apply', { example })}
      </button>
      <span className="tone-style-action__said" role="status">
        {said}
      </span>
    </span>
  );
}
