/**
 * The article page: the text in a wide main column — headline, lead (sa-pô), the rich body —
 * and beside it the inspector (Inspector.tsx), whose tabs hold the details (byline, slug,
 * language, section, tags, counters), the event, the photos, the checklist, the workflow
 * (status and moves) and the history.
 * A splitter between them sets the inspector's width, remembered in this browser.
 *
 * One undo manager serves the whole page (see editor/undo.ts): Ctrl+Z in the headline, the
 * lead or the body takes back the writer's last change in this article, never another
 * window's.
 *
 * Byline, slug and section are registers (src-shared/register.ts): when two desks wrote one at
 * once, a notice under the field lists both values to choose from (FieldConflict); while the
 * writer types, the field shows what their own session wrote.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { meta, metaRegister, resolveMeta, rewriteState, writeMeta, type MetaTextField, type RewriteField, type TextEdit } from '../../../src-shared/article-doc';
import { resolveRewrite } from '../../../src-shared/rewrites';
import { DEFAULT_READING_RATES, type ArticleSummary } from '../../../src-shared/models';
import { candidateKey } from '../../../src-shared/register';
import { isLanguage } from '../../app/i18n';
import { hrefFor } from '../../app/route';
import { ArrowLeftIcon } from '../../shared/icons';
import { NfcField } from '../../shared/NfcField';
import { useSettings } from '../../shared/useSettings';
import { BodyEditor } from '../editor/BodyEditor';
import { createUndoManager, routeUndoKeys } from '../editor/undo';
import { useFieldSuggestions } from '../editor/suggest/fields';
import { ChecklistPanel } from '../checklist/ChecklistPanel';
import { CommentsPanel } from '../comments/CommentsPanel';
import { onShowPhotos } from '../comments/comment-bus';
import { usePlainFieldComments } from '../comments/usePlainFieldComments';
import { EventPanel } from '../event/EventPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { MergeNotice } from '../history/MergeNotice';
import { ImportNotice } from '../import/ImportNotice';
import { onShowVersion } from '../history/version-request';
import { ExportControls } from '../package/ExportControls';
import { PhotosPanel } from '../photos/PhotosPanel';
import { ArticleSyncBadge } from '../sync/ArticleSyncBadge';
import { useWorkflow } from '../workflow/useWorkflow';
import { WorkflowBadge } from '../workflow/WorkflowBadge';
import { WorkflowPanel } from '../workflow/WorkflowPanel';
import type { ArticlePresence } from '../sync/presence';
import { PresenceList } from '../sync/PresenceList';
import { ArticleDetails } from './ArticleDetails';
import { StoryDateField } from './StoryDateField';
import { useEditSessions } from './edit-sessions';
import { FieldConflict } from './FieldConflict';
import { USER_ORIGIN } from './origins';
import { rememberEntry, shownValue, useRegisterState } from './registers';
import type { ArticleReplica } from './replica';
import { Inspector } from './Inspector';
import { Splitter } from './Splitter';
import { useArticleTags } from './useArticleTags';
import { useInspectorWidth } from './useInspectorWidth';
import { SaveStatus } from './SaveStatus';
import { TranslationAction } from '../translation/TranslationAction';
import { ToneStyleAction } from '../spell/ToneStyleAction';
import { useReplicaSnapshot } from './useArticleReplica';
import { settleSlug, writeField, type FieldName } from './yjs-binding';

type InspectorTabId = 'details' | 'event' | 'photos' | 'checklist' | 'workflow' | 'history' | 'comments';

/** A headline is one line of text that wraps: Enter does not break it, a pasted line break reads as a space. */
const oneLine = (text: string) => text.replace(/[\r\n]/g, ' ');

export function ArticleEditor({ replica, summary, presence }: { readonly replica: ArticleReplica; readonly summary: ArticleSummary; readonly presence?: ArticlePresence }) {
  const { t } = useTranslation();
  const { t: te } = useTranslation('editor');
  const { t: tw } = useTranslation('workspace');
  const { fields, facts } = useReplicaSnapshot(replica);
  const settings = useSettings();
  const [undoManager] = useState(() => createUndoManager(replica.doc));
  useEffect(() => () => undoManager.destroy(), [undoManager]);
  const ids = { headline: useId(), sapo: useId(), body: useId(), inspector: useId() };
  const sessions = useEditSessions();
  // While suggesting, the headline and the lead are written as proposals (editor/suggest/fields.ts).
  const fieldSuggestions = useFieldSuggestions(replica.doc, ids, undoManager);
  const write = (field: FieldName) => (value: string, edit?: TextEdit) => {
    if ((field === 'headline' || field === 'sapo') && fieldSuggestions.write(field, value, edit)) return;
    writeField(replica.doc, field, value, edit, sessions.of(field));
  };
  const language = isLanguage(facts.language) ? facts.language : summary.language;
  const rates = settings?.readingRates ?? DEFAULT_READING_RATES;
  const doc = replica.doc;
  const byline = useRegisterState(meta(doc), () => metaRegister(doc, 'byline'));
  const slug = useRegisterState(meta(doc), () => metaRegister(doc, 'slug'));
  const section = useRegisterState(meta(doc), () => metaRegister(doc, 'section'));
  const tags = useArticleTags(doc);
  const workflow = useWorkflow(replica.id);
  // Headline and lead rewritten wholly on two desks apart (src-shared/rewrites.ts).
  const headlineRewrites = useRegisterState(meta(doc), () => rewriteState(doc, 'headline'));
  const sapoRewrites = useRegisterState(meta(doc), () => rewriteState(doc, 'sapo'));
  const [tab, setTab] = useState<InspectorTabId>('details');
  usePlainFieldComments(doc, ids);
  const width = useInspectorWidth();
  const side = useRef<HTMLElement | null>(null);
  // Each tab opens at its top, not where the previous one was scrolled to.
  useEffect(() => {
    if (side.current) side.current.scrollTop = 0;
  }, [tab]);
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
  /** A section is picked, not typed: each choice is a session of its own. */
  const chooseSection = (value: string) => {
    doc.transact(() => writeMeta(doc, 'section', value, sessions.of('section')), USER_ORIGIN);
    sessions.end('section');
  };

  /** Ctrl+Z / Ctrl+Y in a plain field go to the article's undo history, not the browser's. */
  const onUndoKeys = (e: KeyboardEvent) => void routeUndoKeys(e, undoManager);

  // The merge notice asks History to show a version: its tab comes forward.
  useEffect(() => onShowVersion(replica.id, () => setTab('history')), [replica.id]);
  // A caption comment's words are shown in the Photos tab.
  useEffect(() => onShowPhotos(doc, () => setTab('photos')), [doc]);

  // A new article (nothing written yet) starts with the caret in its headline.
  useEffect(() => {
    // Only on opening (the values of that moment): later the writer decides where the caret goes.
    if (!fields.headline && !fields.sapo && doc.getXmlFragment('body').length === 0) document.getElementById(ids.headline)?.focus();
  }, []);

  return (
    <div className="page page--article">
      <div className="article-bar">
        <a className="back-link" href={hrefFor({ name: 'library', trashed: false })}>
          <ArrowLeftIcon className="back-link__icon" />
          {t('article.back')}
        </a>
        {presence && <PresenceList presence={presence} />}
        <TranslationAction id={replica.id} doc={doc} language={language} />
        <ToneStyleAction doc={doc} language={language} undoManager={undoManager} />
        <ExportControls articleId={replica.id} status={workflow.state?.status ?? summary.status} doc={doc} />
        <WorkflowBadge workflow={workflow} />
        <ArticleSyncBadge id={replica.id} />
        <SaveStatus replica={replica} />
      </div>
      {summary.trashedAt !== null && <p className="banner banner--info">{t('article.inTrash')}</p>}
      <MergeNotice articleId={replica.id} doc={doc} undoManager={undoManager} />
      <ImportNotice doc={doc} />
      <div className="article-layout" ref={width.layout} style={{ ['--inspector-width' as string]: `${width.width}px` }}>
        <section className="article-main" aria-labelledby={`${ids.headline}-title`}>
          <h1 className="eyebrow" id={`${ids.headline}-title`}>
            {t('article.title')}
          </h1>
          <div className="field">
            <label className="field__label" htmlFor={ids.headline}>
              {t('article.headline')}
            </label>
            <NfcField
              multiline
              id={ids.headline}
              className="input input--headline"
              rows={1}
              // Two rewrites made apart: the field shows the text both began from (the glued text
              // is no one's) and waits for a choice or a combination in the notice under it.
              value={headlineRewrites.conflict ? headlineRewrites.value : fields.headline}
              readOnly={headlineRewrites.conflict}
              onText={(v, edit) => write('headline')(oneLine(v), edit)}
              onBlur={() => sessions.end('headline')}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.preventDefault();
                onUndoKeys(e);
              }}
              lang={language}
              spellCheck
              autoComplete="off"
            />
            <FieldConflict state={headlineRewrites} label={t('article.headline')} onResolve={settleText('headline')} lang={language} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.sapo}>
              {t('article.sapo')}
            </label>
            <NfcField multiline id={ids.sapo} className="input input--sapo" rows={3} value={sapoRewrites.conflict ? sapoRewrites.value : fields.sapo} readOnly={sapoRewrites.conflict} onText={write('sapo')} onBlur={() => sessions.end('sapo')} onKeyDown={onUndoKeys} lang={language} spellCheck />
            <FieldConflict state={sapoRewrites} label={t('article.sapo')} onResolve={settleText('sapo')} lang={language} />
          </div>
          <div className="field">
            <p className="field__label" id={ids.body}>
              {t('article.body')}
            </p>
            <BodyEditor doc={replica.doc} undoManager={undoManager} language={language} labelledBy={ids.body} awareness={presence?.awareness ?? null} />
          </div>
        </section>
        <Splitter width={width.width} total={width.total} controls={ids.inspector} onResize={width.resize} />
        <aside className="article-side" id={ids.inspector} ref={side} aria-label={tw('inspector.label')}>
          <Inspector<InspectorTabId>
            label={tw('inspector.label')}
            selected={tab}
            onSelect={setTab}
            tabs={[
              {
                id: 'details',
                label: tw('inspector.tabs.details'),
                content: (
                  <ArticleDetails
                    doc={doc}
                    summary={summary}
                    language={language}
                    createdAt={facts.createdAt}
                    headline={fields.headline}
                    sapo={fields.sapo}
                    tags={tags}
                    rates={rates}
                    showRate={settings !== null}
                    byline={{ state: byline, shown: shownValue(byline, 'byline', sessions.active('byline')), onText: write('byline'), onBlur: () => sessions.end('byline') }}
                    slug={{
                      state: slug,
                      shown: typedSlug ? typedSlug.value : fields.slug,
                      edited: facts.slugEdited,
                      onText: write('slug'),
                      onBlur: () => {
                        settleSlug(doc, sessions.active('slug'));
                        sessions.end('slug');
                      },
                      describe: slugReads,
                    }}
                    section={{ state: section, onChoose: chooseSection }}
                    onResolve={resolve}
                    onUndoKeys={onUndoKeys}
                  >
                    <StoryDateField doc={doc} />
                  </ArticleDetails>
                ),
              },
              { id: 'event', label: tw('inspector.tabs.event'), content: <EventPanel doc={replica.doc} articleId={replica.id} language={language} undoManager={undoManager} /> },
              { id: 'photos', label: tw('inspector.tabs.photos'), content: <PhotosPanel doc={replica.doc} articleId={replica.id} language={language} undoManager={undoManager} /> },
              { id: 'checklist', label: tw('inspector.tabs.checklist'), content: <ChecklistPanel doc={replica.doc} language={language} /> },
              { id: 'workflow', label: tw('inspector.tabs.workflow'), content: <WorkflowPanel workflow={workflow} doc={replica.doc} onShowChecklist={() => setTab('checklist')} /> },
              { id: 'comments', label: tw('inspector.tabs.comments'), content: <CommentsPanel doc={doc} shown={tab === 'comments'} onOpen={() => setTab('comments')} /> },
              { id: 'history', label: tw('inspector.tabs.history'), content: <HistoryPanel articleId={replica.id} doc={replica.doc} undoManager={undoManager} shown={tab === 'history'} /> },
            ]}
          />
        </aside>
      </div>
    </div>
  );
}
