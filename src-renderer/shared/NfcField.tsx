/**
 * A text input or textarea whose text comes from outside (a Yjs replica) and whose edits leave
 * as NFC. The element is uncontrolled so the caret can be kept where the writer left it when
 * the text changes under it; while an input method is composing (Telex, VNI, IME) nothing is
 * normalised or sent, and the composed text is handled once at `compositionend`.
 *
 * Each edit leaves with where the writer made it (`TextEdit`: the text and selection just
 * before the input, the caret after), so the document records it there and not at the first
 * difference between old and new text — which a merge with another desk's edit would get wrong
 * (see src-shared/text/changed-range.ts).
 */
import { useLayoutEffect, useRef, type TextareaHTMLAttributes, type InputHTMLAttributes } from 'react';
import type { TextEdit } from '../../src-shared/article-doc';
import { nfc } from '../../src-shared/text/vietnamese';
import { mapCaret } from './caret';
import { useSpellField } from '../features/spell/field';

type Editable = HTMLInputElement | HTMLTextAreaElement;

/** Replaces the element's text, keeping the selection in place when it has focus. */
export function replaceKeepingCaret(el: Editable, next: string): void {
  const prev = el.value;
  if (prev === next) return;
  if (el.ownerDocument.activeElement !== el) {
    el.value = next;
    return;
  }
  const start = mapCaret(prev, next, el.selectionStart ?? prev.length);
  const end = mapCaret(prev, next, el.selectionEnd ?? prev.length);
  const direction = el.selectionDirection ?? 'none';
  el.value = next;
  el.setSelectionRange(start, Math.max(start, end), direction);
}

interface Common {
  readonly value: string;
  /** The new text (NFC), and where the writer made the edit when the field knows it. */
  readonly onText: (value: string, edit?: TextEdit) => void;
}

interface Before {
  readonly value: string;
  readonly selStart: number;
  readonly selEnd: number;
}

function snapshot(el: Editable): Before {
  return { value: el.value, selStart: el.selectionStart ?? el.value.length, selEnd: el.selectionEnd ?? el.value.length };
}

/** The edit from `before` to the element's raw text, in the offsets of the NFC texts. */
function editOf(before: Before, el: Editable): TextEdit {
  const raw = el.value;
  const caret = el.selectionStart ?? raw.length;
  const inNfc = (text: string, pos: number) => nfc(text.slice(0, pos)).length;
  return { before: nfc(before.value), selStart: inNfc(before.value, before.selStart), selEnd: inNfc(before.value, before.selEnd), caretAfter: inNfc(raw, caret) };
}

type InputProps = Common & { readonly multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'onInput'>;
type TextareaProps = Common & { readonly multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange' | 'onInput'>;

export function NfcField(props: InputProps | TextareaProps) {
  const ref = useRef<Editable | null>(null);
  const composing = useRef(false);
  /** The text and selection just before the input being handled (or the composition). */
  const before = useRef<Before | null>(null);
  const { value, onText } = props;
  // A field that asks for spelling in Vietnamese or English is checked by the desk's own checker, not the browser's.
  const spellLanguage = props.spellCheck && (props.lang === 'vi' || props.lang === 'en') ? props.lang : null;
  useSpellField(ref, spellLanguage);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !composing.current) replaceKeepingCaret(el, value);
  }, [value]);

  // React's onBeforeInput is built from other events and misses deletions: listen natively.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const note = () => {
      if (!composing.current) before.current = snapshot(el);
    };
    el.addEventListener('beforeinput', note);
    return () => el.removeEventListener('beforeinput', note);
  }, []);

  const commit = () => {
    const el = ref.current;
    if (!el || composing.current) return;
    const edit = before.current ? editOf(before.current, el) : undefined;
    before.current = null;
    const text = nfc(el.value);
    replaceKeepingCaret(el, text);
    onText(text, edit);
  };
  const handlers = {
    onChange: commit,
    onCompositionStart: () => {
      const el = ref.current;
      if (el && !composing.current) before.current = snapshot(el);
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
      commit();
    },
  };

  if (props.multiline) {
    const { value: _v, onText: _o, multiline: _m, ...rest } = props;
    return <textarea {...rest} {...(spellLanguage ? { spellCheck: false } : {})} {...handlers} defaultValue={value} ref={(el) => void (ref.current = el)} />;
  }
  const { value: _v, onText: _o, multiline: _m, ...rest } = props;
  return <input type="text" {...rest} {...(spellLanguage ? { spellCheck: false } : {})} {...handlers} defaultValue={value} ref={(el) => void (ref.current = el)} />;
}
