/**
 * The body as plain lines of text for the counters, recomputed shortly after typing pauses
 * rather than on every keystroke: walking a long body takes time that belongs to painting the
 * keystroke, and a counter a fraction of a second behind is still live.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { body, bodyLines } from '../../../src-shared/article-doc';

export const BODY_TEXT_DELAY_MS = 150;

export function useBodyText(doc: Y.Doc): string {
  const [text, setText] = useState(() => bodyLines(doc).join('\n'));
  useEffect(() => {
    const fragment = body(doc);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setText(bodyLines(doc).join('\n'));
      }, BODY_TEXT_DELAY_MS);
    };
    fragment.observeDeep(onChange);
    onChange();
    return () => {
      fragment.unobserveDeep(onChange);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return text;
}
