/**
 * The article bar's translation action: "Translate into English" (or Vietnamese) makes the
 * linked translation and opens it beside its source; an article already in a pair links to the
 * side-by-side view instead, and a translation lists its blocks out of date with the source
 * (StaleList.tsx).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Language } from '../../../src-shared/models';
import { otherLanguage, translationOf, translationsOf } from '../../../src-shared/translation/links';
import { hrefFor, navigate } from '../../app/route';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';
import { StaleList } from './StaleList';
import { useMetaVersion } from './useDocVersion';
import './translation.css';

export function TranslationAction({ id, doc, language }: { readonly id: string; readonly doc: Y.Doc; readonly language: Language }) {
  const { t } = useTranslation('translate');
  const act = useAction();
  const [making, setMaking] = useState(false);
  useMetaVersion(doc);
  const of = translationOf(doc);
  const to = otherLanguage(language);
  const translated = translationsOf(doc)[to];
  if (of) {
    return (
      <>
        <a className="button button--small translation-action" href={hrefFor({ name: 'translation', id })}>
          {t('action.sideBySideSource', { language: t(`language.${of.language}`) })}
        </a>
        <StaleList doc={doc} sourceId={of.id} />
      </>
    );
  }
  if (translated) {
    return (
      <a className="button button--small translation-action" href={hrefFor({ name: 'translation', id: translated })}>
        {t('action.sideBySide', { language: t(`language.${to}`) })}
      </a>
    );
  }
  const make = async (): Promise<void> => {
    setMaking(true);
    const made = await act(() => desk.translation.create({ id, to }));
    setMaking(false);
    if (made) navigate({ name: 'translation', id: made.id });
  };
  return (
    <button type="button" className="button button--small translation-action" onClick={() => void make()} disabled={making}>
      {making ? t('action.making') : t('action.translateInto', { language: t(`language.${to}`) })}
    </button>
  );
}
