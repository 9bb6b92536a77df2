/**
 * The article page's fields, bound to the replica: headline, lead (sa-pô), body (one paragraph
 * per line until the rich editor arrives) and byline, with the save status and the facts.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../src-shared/models';
import { countWords } from '../../../src-shared/text/vietnamese';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { hrefFor } from '../../app/route';
import { formatDateTime, formatNumber } from '../../shared/format';
import { NfcField } from '../../shared/NfcField';
import type { ArticleReplica } from './replica';
import { SaveStatus } from './SaveStatus';
import { useReplicaSnapshot } from './useArticleReplica';
import { writeField, type FieldName } from './yjs-binding';

export function ArticleEditor({ replica, summary }: { readonly replica: ArticleReplica; readonly summary: ArticleSummary }) {
  const { t } = useTranslation();
  const { fields, facts, save } = useReplicaSnapshot(replica);
  const ids = { headline: useId(), sapo: useId(), body: useId(), bodyHint: useId(), byline: useId() };
  const write = (field: FieldName) => (value: string) => writeField(replica.doc, field, value);
  const words = countWords(fields.headline) + countWords(fields.sapo) + countWords(fields.body);
  const language = isLanguage(facts.language) ? facts.language : summary.language;

  return (
    <div className="page page--article">
      <div className="article-bar">
        <a className="back-link" href={hrefFor({ name: 'library', trashed: false })}>
          <span aria-hidden="true">← </span>
          {t('article.back')}
        </a>
        <SaveStatus save={save} />
      </div>
      {summary.trashedAt !== null && <p className="banner banner--info">{t('article.inTrash')}</p>}
      <div className="article-layout">
        <section className="article-main" aria-labelledby={`${ids.headline}-title`}>
          <h1 className="eyebrow" id={`${ids.headline}-title`}>
            {t('article.title')}
          </h1>
          <div className="field">
            <label className="field__label" htmlFor={ids.headline}>
              {t('article.headline')}
            </label>
            <NfcField id={ids.headline} className="input input--headline" value={fields.headline} onText={write('headline')} lang={language} spellCheck autoComplete="off" />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.sapo}>
              {t('article.sapo')}
            </label>
            <NfcField multiline id={ids.sapo} className="input input--sapo" rows={3} value={fields.sapo} onText={write('sapo')} lang={language} spellCheck />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.body}>
              {t('article.body')}
            </label>
            <p className="field__hint" id={ids.bodyHint}>
              {t('article.bodyHint')}
            </p>
            <NfcField multiline id={ids.body} className="input input--body" rows={14} value={fields.body} onText={write('body')} lang={language} spellCheck aria-describedby={ids.bodyHint} />
          </div>
        </section>
        <aside className="article-side" aria-labelledby={`${ids.byline}-details`}>
          <h2 className="side-title" id={`${ids.byline}-details`}>
            {t('article.details')}
          </h2>
          <div className="field">
            <label className="field__label" htmlFor={ids.byline}>
              {t('article.byline')}
            </label>
            <NfcField id={ids.byline} className="input" value={fields.byline} onText={write('byline')} autoComplete="off" />
          </div>
          <dl className="facts">
            <div>
              <dt>{t('article.status')}</dt>
              <dd>
                <span className={`badge badge--${summary.status}`}>{t(`status.${summary.status}`)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('article.language')}</dt>
              <dd>{t(`articleLanguage.${language}`)}</dd>
            </div>
            <div>
              <dt>{t('article.created')}</dt>
              <dd>
                <time dateTime={facts.createdAt}>{formatDateTime(facts.createdAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('article.words')}</dt>
              <dd data-testid="word-count">{formatNumber(words, currentLanguage())}</dd>
            </div>
          </dl>
        </aside>
      </div>
    </div>
  );
}
