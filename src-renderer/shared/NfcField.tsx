/**
 * A text input or textarea whose text comes from outside (a Yjs replica) and whose edits leave
 * as NFC. The element is uncontrolled so the caret can be kept where the writer left it when
 * the text changes under it; while an input method is composing (Telex, VNI, IME) nothing is
 * normalised or sent, and the composed text is handled once at `compositionend`.
 */
import { useLayoutEffect, useRef, type TextareaHTMLAttributes, type InputHTMLAttributes } from 'react';
import { nfc } from '../../src-shared/text/vietnamese';
import { mapCaret } from './caret';

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
  readonly onText: (value: string) => void;
}

type InputProps = Common & { readonly multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'onInput'>;
type TextareaProps = Common & { readonly multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange' | 'onInput'>;

export function NfcField(props: InputProps | TextareaProps) {
  const ref = useRef<Editable | null>(null);
  const composing = useRef(false);
  const { value, onText } = props;

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !composing.current) replaceKeepingCaret(el, value);
  }, [value]);

  const commit = () => {
    const el = ref.current;
    if (!el || composing.current) return;
    const text = nfc(el.value);
    replaceKeepingCaret(el, text);
    onText(text);
  };
  const handlers = {
    onChange: commit,
    onCompositionStart: () => void (composing.current = true),
    onCompositionEnd: () => {
      composing.current = false;
      commit();
    },
  };

  if (props.multiline) {
    const { value: _v, onText: _o, multiline: _m, ...rest } = props;
    return <textarea {...rest} {...handlers} defaultValue={value} ref={(el) => void (ref.current = el)} />;
  }
  const { value: _v, onText: _o, multiline: _m, ...rest } = props;
  return <input type="text" {...rest} {...handlers} defaultValue={value} ref={(el) => void (ref.current = el)} />;
}
