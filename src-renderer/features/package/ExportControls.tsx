/**
 * "Export package" and "Send" on an article: the package is streamed by main into the desk's
 * exports folder with a progress bar and a cancel button; in a browser it then downloads by
 * itself under the name main gave it (in the desktop app main has asked where to save it). Send
 * puts a fresh package in the outbox, which delivers it now or when the connection is back.
 * An article not approved is exported all the same, with a warning (the package says so too);
 * so is one with suggestions still open (the package holds only the accepted text, and its
 * manifest counts them): the count is read from the page's replica as the package is asked for.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { toErrorPayload, type ErrorPayload } from '../../../src-shared/errors';
import type { Status } from '../../../src-shared/models';
import { openSuggestions } from '../../../src-shared/suggestions';
import { APPROVED } from '../../../src-shared/workflow';
import { hrefFor } from '../../app/route';
import { SettingLink } from '../../app/SettingLink';
import { desk, platformMode } from '../../platform/api';
import './package.css';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'exporting'; readonly job: string; readonly done: number; readonly total: number }
  | { readonly kind: 'exported'; readonly file: string; readonly name: string; readonly size: number }
  | { readonly kind: 'sending' }
  | { readonly kind: 'queued' }
  | { readonly kind: 'failed'; readonly error: ErrorPayload };

const MiB = 1024 * 1024;

/** Has the browser download a package of the exports folder (web mode's download route), as a click on a link would. */
function download(name: string): void {
  const link = document.createElement('a');
  link.href = `/api/exports/${encodeURIComponent(name)}`;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

export function ExportControls({ articleId, status, doc }: { readonly articleId: string; readonly status?: Status; readonly doc?: Y.Doc }) {
  const { t } = useTranslation('package');
  const { t: te } = useTranslation('errors');
  const { t: tw } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  // Suggestions open when the last package was asked for (walks the document: read once per request, not per render).
  const [openAtRequest, setOpenAtRequest] = useState(0);
  const countOpen = () => setOpenAtRequest(doc ? openSuggestions(doc).size : 0);
  const job = state.kind === 'exporting' ? state.job : null;

  useEffect(() => {
    if (!job) return;
    return desk.on['export:progress']((p) => {
      if (p.job === job) setState((s) => (s.kind === 'exporting' && s.job === job ? { ...s, done: p.done, total: p.total } : s));
    });
  }, [job]);

  const exportNow = async () => {
    const id = crypto.randomUUID();
    countOpen();
    setState({ kind: 'exporting', job: id, done: 0, total: 0 });
    try {
      const result = await desk.export.package({ id: articleId, job: id });
      setState({ kind: 'exported', file: result.file, name: result.name, size: result.size });
      if (platformMode === 'web') download(result.name);
    } catch (err) {
      const error = toErrorPayload(err);
      setState(error.code === 'exportCancelled' ? { kind: 'idle' } : { kind: 'failed', error });
    }
  };
  const send = async () => {
    countOpen();
    setState({ kind: 'sending' });
    try {
      await desk.outbox.send({ id: articleId });
      setState({ kind: 'queued' });
    } catch (err) {
      setState({ kind: 'failed', error: toErrorPayload(err) });
    }
  };
  const busy = state.kind === 'exporting' || state.kind === 'sending';
  const notApproved = status !== undefined && !APPROVED.has(status);

  return (
    <div className="export-controls">
      <button type="button" className="button button--small" onClick={() => void exportNow()} disabled={busy}>
        {t('export')}
      </button>
      <button type="button" className="button button--small button--primary" onClick={() => void send()} disabled={busy}>
        {t('send')}
      </button>
      <div className="export-controls__status" role="status">
        {state.kind === 'exporting' && (
          <>
            <progress max={state.total || 1} value={state.done} aria-label={t('progress')} />
            <span>{state.total ? `${Math.floor((100 * state.done) / state.total)}%` : t('starting')}</span>
            <button type="button" className="button button--small button--quiet" onClick={() => void desk.export.cancel({ job: state.job })}>
              {t('cancel')}
            </button>
          </>
        )}
        {state.kind === 'sending' && t('preparing')}
        {state.kind === 'exported' && (
          // A narrow article bar cuts the message with an ellipsis: its whole text on hover.
          <span title={`${t('exported', { file: state.name, size: (state.size / MiB).toFixed(1) })} ${platformMode === 'web' ? t('downloaded') : t('savedAt', { file: state.file })}`}>
            {t('exported', { file: state.name, size: (state.size / MiB).toFixed(1) })}{' '}
            <span className="muted">{platformMode === 'web' ? t('downloaded') : t('savedAt', { file: state.file })}</span>
          </span>
        )}
        {state.kind === 'queued' && (
          <span>
            {t('queued')} <a href={hrefFor({ name: 'outbox' })}>{t('openOutbox')}</a>
          </span>
        )}
      </div>
      {/* Allowed, and the package says so (pubStatus): the desk says it too, once the package is asked for. */}
      {notApproved && state.kind !== 'idle' && state.kind !== 'failed' && (
        <p className="banner banner--warning export-controls__warning" data-testid="export-not-approved">
          {tw('exportNotApproved', { status: tc(`status.${status}`) })}
        </p>
      )}
      {openAtRequest > 0 && state.kind !== 'idle' && state.kind !== 'failed' && (
        <p className="banner banner--warning export-controls__warning" data-testid="export-open-suggestions">
          {t('openSuggestions', { count: openAtRequest })}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="banner banner--error export-controls__error" role="alert">
          {te(state.error.code, { ...state.error.params })} <SettingLink code={state.error.code} />
        </p>
      )}
    </div>
  );
}
