/**
 * Suggestion mode in the headline and the lead (plain text fields over Y.Text; the records and
 * their merging are src-shared/text/suggested.ts). The mode is the body's (mode.ts: one per
 * person per article on this desk), so Ctrl+Shift+E in a field switches it for the whole article.
 *
 * While suggesting, what the writer types, deletes or pastes in a field is written as a
 * proposal, and the field is given back the document's text at once (struck letters stay in
 * it) with the caret where the proposal leaves it. A field cannot hold marks, so each one has
 * an overlay above it (shared/field-overlay.ts, as the spellcheck's): its text again in transparent
 * letters, proposed letters underlined and struck ones crossed out in their author's colour;
 * the field's title, and its accessible description at the caret, name the author and time.
 * Ctrl+Alt+A / Ctrl+Alt+R accept or reject the suggestion at the caret (every one the
 * selection touches), Ctrl+Alt+Shift+A / R all of the headline's and the lead's; the body's
 * toolbar Accept all / Reject all take them too (settleFieldSuggestions).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { headline, meta, sapo, type TextEdit } from '../../../../src-shared/article-doc';
import { formatDateTime } from '../../../../src-shared/format';
import { hasTextSuggestions, settleTextSuggestions, suggestionIdsAt, suggestionRuns, writeSuggested, type TextSuggestionRun } from '../../../../src-shared/text/suggested';
import { nfc } from '../../../../src-shared/text/vietnamese';
import { USER_ORIGIN } from '../../article/origins';
import { fieldOverlay, spanAt } from '../../../shared/field-overlay';
import { replaceKeepingCaret } from '../../../shared/NfcField';
import { useSyncUser } from '../../sync/useSyncStatus';
import { newSuggestionId } from './extension';
import { authorColour } from './marks';
import { loadSuggesting, saveSuggesting } from './mode';
import { useSuggesting } from './useSuggesting';
import './fields.css';

export type SuggestField = 'headline' | 'sapo';
const FIELDS: readonly SuggestField[] = ['headline', 'sapo'];
const textOf = (doc: Y.Doc, field: SuggestField): Y.Text => (field === 'headline' ? headline(doc) : sapo(doc));

type Editable = HTMLInputElement | HTMLTextAreaElement;

/**
 * Accepts or rejects every suggestion of the headline and the lead, as the writer's own change
 * (undoable); false when there were none.
 */
export function settleFieldSuggestions(doc: Y.Doc, accept: boolean): boolean {
  let settled = false;
  doc.transact(() => {
    for (const field of FIELDS) settled = settleTextSuggestions(textOf(doc, field), 'all', accept) || settled;
  }, USER_ORIGIN);
  return settled;
}

/** Whether the headline or the lead holds a suggestion, kept up to date (false without a document). */
export function useHasFieldSuggestions(doc: Y.Doc | null): boolean {
  const subscribe = (notify: () => void) => {
    if (!doc) return () => undefined;
    const texts = FIELDS.map((f) => textOf(doc, f));
    texts.forEach((t) => t.observe(notify));
    return () => texts.forEach((t) => t.unobserve(notify));
  };
  const ref = useRef({ doc, subscribe });
  if (ref.current.doc !== doc) ref.current = { doc, subscribe };
  return useSyncExternalStore(ref.current.subscribe, () => !!doc && FIELDS.some((f) => hasTextSuggestions(textOf(doc, f))));
}

/** Which keys of a field settle suggestions, or toggle the mode. */
function keyAction(e: KeyboardEvent): 'toggle' | { scope: 'here' | 'all'; accept: boolean } | null {
  if (!(e.ctrlKey || e.metaKey)) return null;
  if (e.shiftKey && !e.altKey && e.code === 'KeyE') return 'toggle';
  if (!e.altKey || (e.code !== 'KeyA' && e.code !== 'KeyR')) return null;
  return { scope: e.shiftKey ? 'all' : 'here', accept: e.code === 'KeyA' };
}

export interface FieldSuggestions {
  /**
   * Writes what the writer typed in the headline or the lead as a proposal when they are
   * suggesting; false (nothing written) otherwise, for the page to write it directly.
   */
  readonly write: (field: SuggestField, value: string, edit?: TextEdit) => boolean;
}

export function useFieldSuggestions(doc: Y.Doc, ids: Readonly<Record<SuggestField, string>>, undoManager: Y.UndoManager): FieldSuggestions {
  const { t } = useTranslation('editor');
  const articleId = String(meta(doc).get('id') ?? '');
  // Only the login: the page is not drawn again for every other change of the sync status.
  const author = useSyncUser();
  const suggesting = useSuggesting(articleId).on;
  const live = useRef({ author, name: (a: string) => a });
  live.current = { author, name: (a: string) => a || t('conflict.thisDesk') };

  // The fields show the mode as the body does.
  useEffect(() => {
    for (const field of FIELDS) document.getElementById(ids[field])?.classList.toggle('input--suggesting', suggesting);
  }, [suggesting, ids.headline, ids.sapo]);

  useEffect(() => {
    const offs: Array<() => void> = [];
    for (const field of FIELDS) {
      const el = document.getElementById(ids[field]);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) offs.push(attach(doc, field, el, undoManager, () => live.current.name, () => live.current.author));
    }
    return () => offs.forEach((off) => off());
  }, [doc, undoManager, ids.headline, ids.sapo]);

  return {
    write: (field, value, edit) => {
      if (!loadSuggesting(articleId, live.current.author)) return false;
      const text = textOf(doc, field);
      let caret: number | null = null;
      doc.transact(() => {
        caret = writeSuggested(text, nfc(value), edit, { author: live.current.author, now: Date.now(), newId: newSuggestionId })?.caret ?? null;
      }, USER_ORIGIN);
      // The field shows the document's text at once (struck letters the browser took out are back).
      const el = document.getElementById(ids[field]);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        const shown = text.toString();
        if (el.value !== shown) el.value = shown;
        if (caret !== null && el.ownerDocument.activeElement === el) el.setSelectionRange(caret, caret);
      }
      return true;
    },
  };
}

/** The overlay, the keys and the description of one field; returns what undoes them. */
function attach(doc: Y.Doc, field: SuggestField, el: Editable, undoManager: Y.UndoManager, authorName: () => (author: string) => string, user: () => string): () => void {
  const text = textOf(doc, field);
  const box = fieldOverlay(el, 'suggest-overlay');
  const overlay = box.element;
  let runs: TextSuggestionRun[] = [];
  let shown = '';

  /** Over the field again; only while there is something to draw (else the overlay stays hidden). */
  const place = () => {
    if (runs.length) box.place();
  };

  const describe = (run: TextSuggestionRun) => `${authorName()(run.author)}, ${formatDateTime(new Date(run.at))}`;

  const draw = () => {
    const value = text.toString();
    // Only over the same text: while the field differs (an input method composing) nothing is drawn.
    runs = el.value === value ? suggestionRuns(text) : [];
    const key = `${value}\u0000${runs.map((r) => `${r.kind}${r.id}:${r.start}-${r.end}`).join(',')}`;
    if (key === shown) return place();
    shown = key;
    overlay.replaceChildren();
    overlay.style.display = runs.length ? '' : 'none';
    if (!runs.length) return describeCaret();
    // Struck letters are drawn struck even where they are proposed too: a later run overrides.
    const kindAt: Array<TextSuggestionRun | undefined> = [];
    for (const r of runs) for (let i = r.start; i < r.end; i++) if (!kindAt[i] || r.kind === 'delete') kindAt[i] = r;
    let at = 0;
    while (at < value.length) {
      const run = kindAt[at];
      let end = at + 1;
      while (end < value.length && kindAt[end] === run) end++;
      if (!run) overlay.append(value.slice(at, end));
      else {
        const span = document.createElement(run.kind === 'insert' ? 'ins' : 'del');
        span.className = `suggestion suggestion--${run.kind} suggestion--c${authorColour(run.author)}`;
        span.dataset.suggestion = run.id;
        span.textContent = value.slice(at, end);
        overlay.append(span);
      }
      at = end;
    }
    // A trailing line break needs a character after it to take its line in the overlay too.
    overlay.append('\u200b');
    place();
    describeCaret();
  };

  /** The suggestion at the caret, told to screen readers and in the field's title. */
  const describeCaret = () => {
    const caret = el.selectionStart ?? 0;
    const run = runs.find((r) => r.start <= caret && caret <= r.end);
    if (run) {
      el.setAttribute('aria-description', describe(run));
      el.title = describe(run);
    } else if (el.hasAttribute('aria-description')) {
      el.removeAttribute('aria-description');
      el.removeAttribute('title');
    }
  };

  const onPointer = (e: MouseEvent) => {
    const spans = [...overlay.querySelectorAll<HTMLElement>('.suggestion')];
    const over = spans[spanAt(spans, e.clientX, e.clientY)];
    const run = over ? runs.find((r) => r.id === over.dataset.suggestion) : undefined;
    if (run) el.title = describe(run);
    else if (el.title) el.removeAttribute('title');
  };

  const onKey = (e: KeyboardEvent) => {
    const action = keyAction(e);
    if (!action) return;
    e.preventDefault();
    const articleId = String(meta(doc).get('id') ?? '');
    if (action === 'toggle') return saveSuggesting(articleId, user(), !loadSuggesting(articleId, user()));
    const from = nfc(el.value.slice(0, el.selectionStart ?? 0)).length;
    const to = nfc(el.value.slice(0, el.selectionEnd ?? 0)).length;
    // Its own step in the undo history, never merged with the typing just before or after it.
    undoManager.stopCapturing();
    if (action.scope === 'all') settleFieldSuggestions(doc, action.accept);
    else {
      const chosen = suggestionIdsAt(text, from, to);
      if (chosen.size) doc.transact(() => settleTextSuggestions(text, chosen, action.accept), USER_ORIGIN);
    }
    undoManager.stopCapturing();
    replaceKeepingCaret(el, text.toString());
  };

  // A change of the document reaches the field in the page's next render: drawn after it.
  let frame = 0;
  const onChange = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  };
  const resize = new ResizeObserver(place);
  resize.observe(el);
  text.observe(onChange);
  const events: Array<[EventTarget, string, EventListener, boolean?]> = [
    [el, 'input', draw],
    [el, 'compositionend', draw],
    [el, 'scroll', place],
    [el, 'keydown', onKey as EventListener],
    [el, 'keyup', describeCaret],
    [el, 'click', describeCaret],
    [el, 'mousemove', onPointer as EventListener],
    [window, 'scroll', place, true],
    [window, 'resize', place],
  ];
  for (const [target, type, fn, capture] of events) target.addEventListener(type, fn, capture);
  // The field's place may change without an event (a notice opening above it): looked at now and then.
  const poll = setInterval(draw, 500);
  draw();
  return () => {
    text.unobserve(onChange);
    cancelAnimationFrame(frame);
    resize.disconnect();
    clearInterval(poll);
    for (const [target, type, fn, capture] of events) target.removeEventListener(type, fn, capture);
    box.remove();
  };
}
