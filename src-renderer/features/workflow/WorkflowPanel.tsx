/**
 * The article's workflow in the inspector: its status, the moves this user may make now (named
 * by what they do), a return's required note, the move waiting to reach the server ("chờ gửi")
 * with a way to take it back, a move the server refused and why, the note of the last return,
 * whether it was changed since approved (and what changed), and every recorded move.
 *
 * A move is queued by main durably and sent when the newsroom server answers; until then the
 * other moves wait (one move at a time, so the server never gets two from one desk at once).
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../src-shared/models';
import { nfc } from '../../../src-shared/text/vietnamese';
import { NOTE_MAX, NOTE_REQUIRED, type Transition } from '../../../src-shared/workflow';
import { hrefFor } from '../../app/route';
import { formatDateTime } from '../../shared/format';
import { useSyncStatus } from '../sync/useSyncStatus';
import { useChecklist } from '../checklist/ChecklistPanel';
import { ChangesSince } from './ChangesSince';
import { AssignControl } from './AssignControl';
import { moveLabel } from './move-label';
import { openReviewBefore, type OpenReview } from './open-review';
import { refusalText } from './refusal-text';
import type { Workflow } from './useWorkflow';
import './workflow.css';

/** Forward moves stand out; a step back is a plain button; spiking reads as the danger it is. */
function moveClass(to: Status): string {
  if (to === 'spiked') return 'button button--danger';
  return to === 'returned' || to === 'draft' ? 'button' : 'button button--primary';
}

export interface WorkflowPanelProps {
  readonly workflow: Workflow;
  /** The article: approving while suggestions or comments are open asks first. */
  readonly doc: Y.Doc;
  /** Brings the Checklist tab forward (from an incomplete submission's refusal). */
  readonly onShowChecklist?: () => void;
}

export function WorkflowPanel({ workflow, doc, onShowChecklist }: WorkflowPanelProps) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const { t: tk } = useTranslation('checklist');
  const ids = { heading: useId(), note: useId(), noteHint: useId(), noteError: useId(), confirm: useId() };
  const [noting, setNoting] = useState<Status | null>(null);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [confirming, setConfirming] = useState<{ to: Status; open: OpenReview } | null>(null);
  // The move buttons, for the caret to go back to the one asked about when its question is cancelled.
  const moveButtons = useRef(new Map<Status, HTMLButtonElement>());
  const list = useChecklist(doc);
  const { state, move, cancel } = workflow;
  const sync = useSyncStatus();
  const statusName = (s: Status) => tc(`status.${s}`);

  if (!state)
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );

  const pending = state.pending;
  const choose = (to: Status, confirmed = false) => {
    setConfirming(null);
    const open = confirmed ? null : openReviewBefore(to, list);
    if (open) {
      setConfirming({ to, open });
      return;
    }
    if (NOTE_REQUIRED.has(to)) {
      setNoting(to);
      setNoteMissing(false);
      return;
    }
    void move(to);
  };
  const cancelConfirm = () => {
    const to = confirming?.to;
    setConfirming(null);
    if (to) moveButtons.current.get(to)?.focus();
  };
  const onConfirmKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    cancelConfirm();
  };
  const sendWithNote = async (e: FormEvent) => {
    e.preventDefault();
    if (!noting) return;
    const text = nfc(note).trim();
    if (!text) {
      setNoteMissing(true);
      document.getElementById(ids.note)?.focus();
      return;
    }
    if (await move(noting, text)) {
      setNoting(null);
      setNote('');
    }
  };

  return (
    <section className="workflow" aria-labelledby={ids.heading}>
      <h2 className="side-title" id={ids.heading}>
        {t('title')}
      </h2>
      <p className="workflow__status">
        {t('statusLabel')}: <span className={`badge badge--${state.status}`}>{statusName(state.status)}</span>
      </p>
      {state.changedSinceApproved && (
        <div className="workflow__changed" data-testid="changed-since-approved">
          <p className="workflow__pending-title">{t('changedSinceApproved')}</p>
          <p className="workflow__meta">{t('changedSinceApprovedHint')}</p>
        </div>
      )}

      {state.lastNote && (
        <div className={state.status === 'returned' ? 'workflow__note workflow__note--current' : 'workflow__note'}>
          <h3 className="workflow__subtitle">{t('lastNote')}</h3>
          <blockquote className="workflow__note-text">{state.lastNote.note}</blockquote>
          <p className="workflow__meta">{t('lastNoteBy', { by: state.lastNote.by, at: formatDateTime(state.lastNote.at) })}</p>
        </div>
      )}

      {pending && !pending.refused && (
        <div className="workflow__pending" role="status">
          <p className="workflow__pending-title">{t('pending', { move: moveLabel(t, state.status, pending.to) })}</p>
          <p className="workflow__meta">{t('pendingHint', { at: formatDateTime(pending.queuedAt) })}</p>
          <button type="button" className="button button--small" onClick={() => void cancel()}>
            {t('cancelPending')}
          </button>
        </div>
      )}
      {pending?.refused && (
        <div className="workflow__refused" role="alert">
          <p className="workflow__pending-title">{t('refusedTitle', { move: moveLabel(t, state.status, pending.to) })}</p>
          <p>{refusalText(pending.refused, t, tk, statusName)}</p>
          <div className="workflow__moves">
            {pending.refused.code === 'incomplete' && onShowChecklist && (
              <button type="button" className="button button--small" onClick={onShowChecklist}>
                {t('showChecklist')}
              </button>
            )}
            <button type="button" className="button button--small" onClick={() => void cancel()}>
              {t('dismissRefused')}
            </button>
          </div>
        </div>
      )}

      {(state.moves.length > 0 || !pending) && <h3 className="workflow__subtitle">{t('movesLabel')}</h3>}
      {state.moves.length === 0 && !pending ? (
        sync && sync.server === null ? (
          <p className="field__hint">
            {t('needsServer')} <a href={hrefFor({ name: 'server' })}>{t('needsServerLink')}</a>
          </p>
        ) : (
          <p className="field__hint">{t('noMoves')}</p>
        )
      ) : state.moves.length === 0 ? null : (
        <div className="workflow__moves">
          {state.moves.map((to) => (
            <button
              key={to}
              ref={(el) => void (el ? moveButtons.current.set(to, el) : moveButtons.current.delete(to))}
              type="button"
              className={moveClass(to)}
              disabled={pending !== null && pending.refused === null}
              aria-expanded={NOTE_REQUIRED.has(to) ? noting === to : undefined}
              onClick={() => choose(to)}
            >
              {moveLabel(t, state.status, to)}
            </button>
          ))}
        </div>
      )}
      {confirming && (
        // Escape, or Cancel, leaves the status as it was; what is open is listed as the Checklist counts it.
        <div className="workflow__confirm" role="alertdialog" aria-labelledby={ids.confirm} aria-describedby={`${ids.confirm}-list`} onKeyDown={onConfirmKey}>
          <p id={ids.confirm}>{t('openReview.title')}</p>
          <ul className="workflow__confirm-list" id={`${ids.confirm}-list`}>
            {confirming.open.suggestions > 0 && <li>{t('openReview.suggestions', { count: confirming.open.suggestions })}</li>}
            {confirming.open.comments > 0 && <li>{t('openReview.comments', { count: confirming.open.comments })}</li>}
          </ul>
          <div className="workflow__moves">
            <button type="button" className="button button--primary" autoFocus onClick={() => choose(confirming.to, true)}>
              {t('openReview.anyway', { move: moveLabel(t, state.status, confirming.to) })}
            </button>
            <button type="button" className="button" onClick={cancelConfirm}>
              {t('openReview.cancel')}
            </button>
          </div>
        </div>
      )}
      {noting && (
        <form className="workflow__note-form" onSubmit={(e) => void sendWithNote(e)} noValidate>
          <label className="field__label" htmlFor={ids.note}>
            {t('returnNote')}
          </label>
          <textarea
            id={ids.note}
            className="input"
            rows={4}
            maxLength={NOTE_MAX}
            required
            aria-invalid={noteMissing || undefined}
            aria-describedby={noteMissing ? `${ids.noteError} ${ids.noteHint}` : ids.noteHint}
            value={note}
            onChange={(e) => {
              // Normalised when sent: an input method (Telex, VNI) may still be composing here.
              setNote(e.target.value);
              if (noteMissing) setNoteMissing(false);
            }}
          />
          <p className="field__hint" id={ids.noteHint}>
            {t('returnNoteHint')}
          </p>
          {noteMissing && (
            <p className="workflow__error" id={ids.noteError} role="alert">
              {t('noteRequired')}
            </p>
          )}
          <div className="workflow__moves">
            <button type="submit" className="button button--primary">
              {t('returnConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setNoting(null)}>
              {t('returnCancel')}
            </button>
          </div>
        </form>
      )}

      <ChangesSince history={state.history} changedSinceApproved={state.changedSinceApproved} online={state.online} />
      <AssignControl id={workflow.id} online={state.online} />
      <h3 className="workflow__subtitle">{t('history')}</h3>
      <TransitionList history={state.history} online={state.online} statusName={statusName} />
    </section>
  );
}

/** The recorded moves, newest first. */
function TransitionList({ history, online, statusName }: { readonly history: readonly Transition[]; readonly online: boolean; readonly statusName: (s: Status) => string }) {
  const { t } = useTranslation('workflow');
  if (history.length === 0) return <p className="field__hint">{online ? t('historyEmpty') : t('historyOffline')}</p>;
  return (
    <ol className="workflow__history">
      {[...history].reverse().map((m) => (
        <li key={m.id} className="workflow__move">
          <span className="workflow__move-title">{t('historyMove', { from: statusName(m.from), to: statusName(m.to) })}</span>
          <span className="workflow__meta">
            <time dateTime={m.at}>{t('historyBy', { at: formatDateTime(m.at), by: m.by })}</time>
          </span>
          {m.note && <span className="workflow__move-note">{m.note}</span>}
        </li>
      ))}
    </ol>
  );
}
