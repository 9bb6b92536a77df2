/**
 * Spellcheck marks for a plain field (headline, lead, captions: an <input> or <textarea>),
 * which cannot hold decorations: an overlay above the field, in the page's body, that repeats
 * the field's text in transparent letters with the same font, padding and wrapping, and draws
 * only the underlines of the misspelt words. It follows the field's place, size and scrolling,
 * and takes no pointer events. The text is checked when it changes (answered from the cache
 * when it was seen before). Ctrl+. (Cmd+.) at a marked word, or a right click on it, opens the
 * same menu as in the body; a suggestion is typed in as the writer would (execCommand), so the
 * field's own input handling and undo take it.
 */
import { useEffect, type RefObject } from 'react';
import type { Misspelling } from '../../../src-shared/spell/checker';
import type { Language } from '../../../src-shared/models';
import { addToDictionary } from './dictionary';
import { openSpellMenu } from './menu';
import { spellService } from './service';

type Editable = HTMLInputElement | HTMLTextAreaElement;

/** The computed styles the overlay copies so its letters fall where the field's do. */
const COPIED = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform', 'textIndent',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'boxSizing', 'textAlign', 'direction', 'tabSize',
] as const;

export function useSpellField(ref: RefObject<Editable | null>, language: Language | null): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !language) return undefined;
    const overlay = document.createElement('div');
    overlay.className = 'spell-overlay';
    overlay.setAttribute('aria-hidden', 'true');
    document.body.append(overlay);
    let found: readonly Misspelling[] = [];
    let shown = '';
    /** The text last looked at. */
    let drawn = '';

    const place = () => {
      if (!el.isConnected) return;
      const rect = el.getBoundingClientRect();
      const css = getComputedStyle(el);
      for (const p of COPIED) overlay.style[p] = css[p];
      overlay.style.whiteSpace = el instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
      overlay.style.left = `${rect.left + window.scrollX}px`;
      overlay.style.top = `${rect.top + window.scrollY}px`;
      overlay.style.width = `${rect.width}px`;
      overlay.style.height = `${rect.height}px`;
      overlay.style.display = rect.width === 0 ? 'none' : '';
      overlay.scrollTop = el.scrollTop;
      overlay.scrollLeft = el.scrollLeft;
    };

    const draw = () => {
      const text = el.value;
      drawn = text;
      const item = { text, language };
      const answer = spellService.cached(item);
      if (answer === undefined) {
        spellService.request([item]);
        return;
      }
      const key = `${text}\u0000${answer.map((m) => `${m.from}:${m.to}`).join(',')}`;
      if (key === shown) return place();
      shown = key;
      found = answer;
      overlay.replaceChildren();
      let at = 0;
      for (const m of answer) {
        overlay.append(text.slice(at, m.from));
        const mark = document.createElement('span');
        mark.className = 'spell-miss';
        mark.textContent = text.slice(m.from, m.to);
        overlay.append(mark);
        at = m.to;
      }
      // A trailing line break needs a character after it to take its line in the overlay too.
      overlay.append(text.slice(at) + '\u200b');
      place();
    };

    const menuFor = (m: Misspelling, index: number) => {
      const span = overlay.querySelectorAll('.spell-miss')[index];
      const rect = span?.getBoundingClientRect() ?? el.getBoundingClientRect();
      openSpellMenu({
        word: m.word,
        suggestions: m.suggestions,
        at: { left: rect.left, bottom: rect.bottom },
        onPick: (s) => {
          el.focus();
          if (el.value.slice(m.from, m.to) !== m.word) return;
          el.setSelectionRange(m.from, m.to);
          document.execCommand('insertText', false, s);
        },
        onIgnore: () => spellService.ignore(m.word),
        onAdd: () => addToDictionary(m.word),
        onClose: () => el.focus(),
      });
    };

    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (k.key !== '.' || !(k.ctrlKey || k.metaKey) || k.altKey || k.shiftKey) return;
      const caret = el.selectionStart ?? 0;
      const index = found.findIndex((m) => m.from <= caret && caret <= m.to);
      if (index < 0) return;
      k.preventDefault();
      menuFor(found[index]!, index);
    };
    const onContext = (e: Event) => {
      const p = e as MouseEvent;
      const spans = [...overlay.querySelectorAll('.spell-miss')];
      const index = spans.findIndex((s) => [...s.getClientRects()].some((r) => p.clientX >= r.left && p.clientX <= r.right && p.clientY >= r.top && p.clientY <= r.bottom));
      if (index < 0 || !found[index]) return;
      p.preventDefault();
      menuFor(found[index], index);
    };

    const unsubscribe = spellService.subscribe(draw);
    const resize = new ResizeObserver(place);
    resize.observe(el);
    el.addEventListener('input', draw);
    el.addEventListener('scroll', place);
    el.addEventListener('keydown', onKey);
    el.addEventListener('contextmenu', onContext);
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    // The field's text is also set from the document (another window, undo): looked at again now and then.
    const poll = setInterval(() => (el.value !== drawn ? draw() : place()), 500);
    draw();
    return () => {
      unsubscribe();
      resize.disconnect();
      clearInterval(poll);
      el.removeEventListener('input', draw);
      el.removeEventListener('scroll', place);
      el.removeEventListener('keydown', onKey);
      el.removeEventListener('contextmenu', onContext);
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
      overlay.remove();
    };
  }, [ref, language]);
}
