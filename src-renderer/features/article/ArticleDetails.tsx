/**
 * The inspector's Details tab: who wrote the article and how it is filed — byline, slug,
 * language, section, tags — then its status and creation time, the counters and the on-air
 * rate. Byline, slug and section are registers (src-shared/register.ts) with their conflict
 * notices; language and tags are plain values (meta-writes.ts).
 */
import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { MetaTextField, TextEdit } from '../../../src-shared/article-doc';
import { LANGUAGES, type ArticleSummary, type Language, type ReadingRates } from '../../../src-shared/models';
import type { RegisterState } from '../../../src-shared/register';
import { formatDateTime } from '../../shared/format';
import { NfcField } from '../../shared/NfcField';
import { Counts } from './Counts';
import { FieldConflict } from './FieldConflict';
import { addTag, removeTag, setLanguage } from './meta-writes';
import { ReadingRateControl } from './ReadingRateControl';
import { SectionField } from './SectionField';
import { TagsField } from './TagsField';
import { useLibraryVocabulary } from './useLibraryVocabulary';

export interface ArticleDetailsProps {
  readonly doc: Y.Doc;
  readonly summary: ArticleSummary;
  readonly language: Language;
  readonly createdAt: string;
  readonly headline: string;
  readonly sapo: string;
  readonly tags: readonly string[];
  readonly rates: ReadingRates;
  readonly showRate: boolean;
  readonly byline: { readonly state: RegisterState; readonly shown: string; readonly onText: (v: string, edit?: TextEdit) => void; readonly onBlur: () => void };
  readonly slug: { readonly shown: string; readonly state: RegisterState; readonly edited: boolean; readonly onText: (v: string, edit?: TextEdit) => void; readonly onBlur: () => void; readonly describe: (v: string) => string };
  readonly section: { readonly state: RegisterState; readonly onChoose: (v: string) => void };
  readonly onResolve: (field: MetaTextField) => (value: string) => void;
  readonly onUndoKeys: (e: KeyboardEvent) => void;
  /** More fields the details hold (the story's date), after the article's filing. */
  readonly children?: ReactNode;
}

export function ArticleDetails(props: ArticleDetailsProps) {
  const { doc, summary, language, byline, slug, section, onResolve, onUndoKeys } = props;
  const { t } = useTranslation();
  const { t: te } = useTranslation('editor');
  const { t: tw } = useTranslation('workspace');
  const ids = { byline: useId(), slug: useId(), slugHint: useId(), language: useId(), languageHint: useId() };
  const vocabulary = useLibraryVocabulary();

  return (
    <div className="details">
      <div className="field">
        <label className="field__label" htmlFor={ids.byline}>
          {t('article.byline')}
        </label>
        <NfcField id={ids.byline} className="input" value={byline.shown} onText={byline.onText} onBlur={byline.onBlur} onKeyDown={onUndoKeys} autoComplete="off" />
        <FieldConflict state={byline.state} label={t('article.byline')} onResolve={onResolve('byline')} />
      </div>
      <div className="field field--slug">
        <label className="field__label" htmlFor={ids.slug}>
          {te('slug.label')}
        </label>
        <NfcField id={ids.slug} className="input input--slug" value={slug.shown} onText={slug.onText} onBlur={slug.onBlur} onKeyDown={onUndoKeys} aria-describedby={ids.slugHint} data-edited={slug.edited} spellCheck={false} autoComplete="off" />
        <p className="field__hint" id={ids.slugHint}>
          {te('slug.hint')}
        </p>
        <FieldConflict state={slug.state} label={te('slug.label')} describe={slug.describe} onResolve={onResolve('slug')} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.language}>
          {tw('meta.language')}
        </label>
        <select id={ids.language} className="input" value={language} aria-describedby={ids.languageHint} onChange={(e) => setLanguage(doc, e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`articleLanguage.${l}`)}
            </option>
          ))}
        </select>
        <p className="field__hint" id={ids.languageHint}>
          {tw('meta.languageHint')}
        </p>
      </div>
      <SectionField state={section.state} known={vocabulary.sections} onChoose={section.onChoose} onResolve={onResolve('section')} />
      <TagsField tags={props.tags} known={vocabulary.tags} onAdd={(tag) => addTag(doc, tag)} onRemove={(tag) => removeTag(doc, tag)} lang={language} />
      {props.children}
      <dl className="facts">
        <div>
          <dt>{t('article.status')}</dt>
          <dd>
            <span className={`badge badge--${summary.status}`}>{t(`status.${summary.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('article.created')}</dt>
          <dd>
            <time dateTime={props.createdAt}>{formatDateTime(props.createdAt)}</time>
          </dd>
        </div>
      </dl>
      <Counts headline={props.headline} sapo={props.sapo} doc={doc} language={language} rates={props.rates} />
      {props.showRate && <ReadingRateControl language={language} rates={props.rates} />}
    </div>
  );
}
