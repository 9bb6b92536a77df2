/**
 * Spellcheck marks for a plain field (headline, lead, captions: an <input> or <textarea>),
 * which cannot hold decorations: an overlay above the field (src-renderer/shared/field-overlay.ts)
 * that draws only the underlines of the misspelt words. It follows the field's place, size and
 * scrolling, and takes no pointer events. The text is checked when it changes (answered from the cache
 * when it was seen before). Ctrl+. (Cmd+.) at a marked word, or a right click on it, opens the
 * same menu as in the body; a suggestion is typed in as the writer would (execCommand), so the
 * field's own input handling and undo take it.
 */
import { useEffect, type RefObject } from 'react';
import type { Misspelling } from '../../../src-shared/spell/checker';
import type { Language } from '../../../src-shared/models';
import { fieldOverlay, spanAt } from '../../shared/field-overlay';
import { addToDictionary } from './dictionary';
import { openSpellMenu } from './menu';
import { spellService } from './service';

type Editable = HTMLInputElement | HTMLTextAreaElement;

export function useSpellField(ref: RefObject<Editable | null>, language: Language | null): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !language) return undefined;
    const box = fieldOverlay(el, 'spell-overlay');
    const overlay = box.element;
    let found: readonly Misspelling[] = [];
    let shown = '';
    /** The text last looked at. */
    let drawn = '';
    const place = box.place;

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
      // Nothing new to draw (an answer for another field, the same text again): the overlay is
      // where it was — placing it measures the page, which every answer would otherwise pay.
      if (key === shown) return;
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
      const index = spanAt([...overlay.querySelectorAll('.spell-miss')], p.clientX, p.clientY);
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
      box.remove();
    };
  }, [ref, language]);
}
