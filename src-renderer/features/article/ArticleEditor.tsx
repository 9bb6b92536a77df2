/**
 * The article page's fields, bound to the replica: headline, slug, lead (sa-pô), the rich body
 * and the byline, with the save status, the facts, the counters and the on-air rate.
 *
 * One undo manager serves the whole page (see editor/undo.ts): Ctrl+Z in the headline, the
 * lead or the body takes back the writer's last change in this article, never another
 * window's.
 *
 * Byline and slug are registers (src-shared/register.ts): when two desks wrote one at once, a
 * notice under the field lists both values to choose from (FieldConflict); while the writer
 * types, the field shows what their own session wrote.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { meta, metaRegister, resolveMeta, rewriteState, type MetaTextField, type RewriteField, type TextEdit } from '../../../src-shared/article-doc';
import { resolveRewrite } from '../../../src-shared/rewrites';
import { DEFAULT_READING_RATES, type ArticleSummary } from '../../../src-shared/models';
import { candidateKey } from '../../../src-shared/register';
import { isLanguage } from '../../app/i18n';
import { hrefFor } from '../../app/route';
import { formatDateTime } from '../../shared/format';
import { NfcField } from '../../shared/NfcField';
import { useSettings } from '../../shared/useSettings';
import { BodyEditor } from '../editor/BodyEditor';
import { createUndoManager, routeUndoKeys } from '../editor/undo';
import { ChecklistPanel } from '../checklist/ChecklistPanel';
import { EventPanel } from '../event/EventPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { MergeNotice } from '../history/MergeNotice';
import { ExportControls } from '../package/ExportControls';
import { PhotosPanel } from '../photos/PhotosPanel';
import { ArticleSyncBadge } from '../sync/ArticleSyncBadge';
import type { ArticlePresence } from '../sync/presence';
import { PresenceList } from '../sync/PresenceList';
import { Counts } from './Counts';
import { useEditSessions } from './edit-sessions';
import { FieldConflict } from './FieldConflict';
import { USER_ORIGIN } from './origins';
import { rememberEntry, shownValue, useRegisterState } from './registers';
import type { ArticleReplica } from './replica';
import { ReadingRateControl } from './ReadingRateControl';
import { SaveStatus } from './SaveStatus';
import { useReplicaSnapshot } from './useArticleReplica';
import { settleSlug, writeField, type FieldName } from './yjs-binding';

export function ArticleEditor({ replica, summary, presence }: { readonly replica: ArticleReplica; readonly summary: ArticleSummary; readonly presence?: ArticlePresence }) {
  const { t } = useTranslation();
  const { t: te } = useTranslation('editor');
  const { fields, facts } = useReplicaSnapshot(replica);
  const settings = useSettings();
  const [undoManager] = useState(() => createUndoManager(replica.doc));
  useEffect(() => () => undoManager.destroy(), [undoManager]);
  const ids = { headline: useId(), slug: useId(), slugHint: useId(), sapo: useId(), body: useId(), byline: useId() };
  const sessions = useEditSessions();
  const write = (field: FieldName) => (value: string, edit?: TextEdit) => writeField(replica.doc, field, value, edit, sessions.of(field));
  const language = isLanguage(facts.language) ? facts.language : summary.language;
  const rates = settings?.readingRates ?? DEFAULT_READING_RATES;
  const doc = replica.doc;
  const byline = useRegisterState(meta(doc), () => metaRegister(doc, 'byline'));
  const slug = useRegisterState(meta(doc), () => metaRegister(doc, 'slug'));
  // Headline and lead rewritten wholly on two desks apart (src-shared/rewrites.ts).
  const headlineRewrites = useRegisterState(meta(doc), () => rewriteState(doc, 'headline'));
  const sapoRewrites = useRegisterState(meta(doc), () => rewriteState(doc, 'sapo'));
  const settleText = (field: RewriteField) => (value: string) => {
    sessions.end(field);
    doc.transact(() => resolveRewrite(doc, field, value, sessions.by), USER_ORIGIN);
  };
  const resolve = (field: MetaTextField) => (value: string) => {
    sessions.end(field);
    doc.transact(() => rememberEntry(resolveMeta(doc, field, value, sessions.by)), USER_ORIGIN);
  };
  // While the writer types in the slug it shows what they typed (even emptied), else the slug in effect.
  const slugSession = sessions.active('slug');
  const typedSlug = slugSession ? slug.candidates.find((c) => c.key === candidateKey('slug', slugSession.id)) : undefined;
  /** An empty slug in a conflict is one given back to the headline. */
  const slugReads = (v: string) => v || te('conflict.followsHeadline');

  /** Ctrl+Z / Ctrl+Y in a plain field go to the article's undo history, not the browser's. */
  const onUndoKeys = (e: KeyboardEvent) => void routeUndoKeys(e, undoManager);

  return (
    <div className="page page--article">
      <div className="article-bar">
        <a className="back-link" href={hrefFor({ name: 'library', trashed: false })}>
          <span aria-hidden="true">← </span>
          {t('article.back')}
        </a>
        {presence && <PresenceList presence={presence} />}
        <ExportControls articleId={replica.id} />
        <ArticleSyncBadge id={replica.id} />
        <SaveStatus replica={replica} />
      </div>
      {summary.trashedAt !== null && <p className="banner banner--info">{t('article.inTrash')}</p>}
      <MergeNotice articleId={replica.id} />
      <div className="article-layout">
        <section className="article-main" aria-labelledby={`${ids.headline}-title`}>
          <h1 className="eyebrow" id={`${ids.headline}-title`}>
            {t('article.title')}
          </h1>
          <div className="field">
            <label className="field__label" htmlFor={ids.headline}>
              {t('article.headline')}
            </label>
            <NfcField id={ids.headline} className="input input--headline" value={fields.headline} onText={write('headline')} onBlur={() => sessions.end('headline')} onKeyDown={onUndoKeys} lang={language} spellCheck autoComplete="off" />
            <FieldConflict state={headlineRewrites} label={t('article.headline')} onResolve={settleText('headline')} lang={language} />
          </div>
          <div className="field field--slug">
            <label className="field__label" htmlFor={ids.slug}>
              {te('slug.label')}
            </label>
            <NfcField
              id={ids.slug}
              className="input input--slug"
              value={typedSlug ? typedSlug.value : fields.slug}
              onText={write('slug')}
              onBlur={() => {
                settleSlug(doc, sessions.active('slug'));
                sessions.end('slug');
              }}
              onKeyDown={onUndoKeys}
              aria-describedby={ids.slugHint}
              data-edited={facts.slugEdited}
              spellCheck={false}
              autoComplete="off"
            />
            <p className="field__hint" id={ids.slugHint}>
              {te('slug.hint')}
            </p>
            <FieldConflict state={slug} label={te('slug.label')} describe={slugReads} onResolve={resolve('slug')} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.sapo}>
              {t('article.sapo')}
            </label>
            <NfcField multiline id={ids.sapo} className="input input--sapo" rows={3} value={fields.sapo} onText={write('sapo')} onBlur={() => sessions.end('sapo')} onKeyDown={onUndoKeys} lang={language} spellCheck />
            <FieldConflict state={sapoRewrites} label={t('article.sapo')} onResolve={settleText('sapo')} lang={language} />
          </div>
          <div className="field">
            <p className="field__label" id={ids.body}>
              {t('article.body')}
            </p>
            <BodyEditor doc={replica.doc} undoManager={undoManager} language={language} labelledBy={ids.body} awareness={presence?.awareness ?? null} />
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
            <NfcField id={ids.byline} className="input" value={shownValue(byline, 'byline', sessions.active('byline'))} onText={write('byline')} onBlur={() => sessions.end('byline')} onKeyDown={onUndoKeys} autoComplete="off" />
            <FieldConflict state={byline} label={t('article.byline')} onResolve={resolve('byline')} />
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
          </dl>
          <Counts headline={fields.headline} sapo={fields.sapo} doc={replica.doc} language={language} rates={rates} />
          {settings && <ReadingRateControl language={language} rates={rates} />}
          <ChecklistPanel doc={replica.doc} language={language} />
          <EventPanel doc={replica.doc} articleId={replica.id} language={language} undoManager={undoManager} />
          <PhotosPanel doc={replica.doc} articleId={replica.id} language={language} undoManager={undoManager} />
          <HistoryPanel articleId={replica.id} doc={replica.doc} undoManager={undoManager} />
        </aside>
      </div>
    </div>
  );
}
