/**
 * The menu of a misspelt word: its suggestions, Ignore, Add to the newsroom dictionary. Opened
 * by a right click on the word or by Ctrl+. (Cmd+. on a Mac) with the caret in it, in the body
 * and in plain fields alike. Keyboard-operable as a WAI-ARIA menu: the first item takes focus,
 * arrows, Home and End move, Enter or Space picks, Escape or Tab closes and gives focus back.
 *
 * Plain DOM rather than React: it is opened from a ProseMirror plugin and from plain fields,
 * and lives above both.
 */
import i18next from 'i18next';
import './spell.css';

export interface SpellMenuChoice {
  readonly word: string;
  readonly suggestions: readonly string[];
  /** Where to put the menu (viewport coordinates of the word's bottom left). */
  readonly at: { readonly left: number; readonly bottom: number };
  readonly onPick: (suggestion: string) => void;
  readonly onIgnore: () => void;
  readonly onAdd: () => void;
  /** Called once the menu closed, picked or not: give focus back. */
  readonly onClose: (picked: boolean) => void;
}

let open: { readonly el: HTMLElement; readonly close: (picked: boolean) => void } | null = null;

export function closeSpellMenu(): void {
  open?.close(false);
}

export function openSpellMenu(choice: SpellMenuChoice): void {
  closeSpellMenu();
  const t = (key: 'menu' | 'noSuggestions' | 'ignore' | 'add', params?: Record<string, unknown>) => i18next.t(`spell:${key}`, params ?? {});
  const menu = document.createElement('div');
  menu.className = 'spell-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', t('menu', { word: choice.word }));
  const items: HTMLButtonElement[] = [];
  const item = (label: string, action: () => void, className = '') => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `spell-menu__item ${className}`.trim();
    b.setAttribute('role', 'menuitem');
    b.tabIndex = -1;
    b.textContent = label;
    b.addEventListener('click', () => {
      close(true);
      action();
    });
    menu.append(b);
    items.push(b);
  };
  for (const s of choice.suggestions) item(s, () => choice.onPick(s), 'spell-menu__suggestion');
  if (choice.suggestions.length === 0) {
    const none = document.createElement('div');
    none.className = 'spell-menu__none';
    none.textContent = t('noSuggestions');
    menu.append(none);
  }
  const rule = document.createElement('div');
  rule.className = 'spell-menu__rule';
  rule.setAttribute('role', 'separator');
  menu.append(rule);
  item(t('ignore'), choice.onIgnore);
  item(t('add'), choice.onAdd);

  const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
  menu.addEventListener('keydown', (e) => {
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') focusAt(i + 1);
    else if (e.key === 'ArrowUp') focusAt(i - 1);
    else if (e.key === 'Home') focusAt(0);
    else if (e.key === 'End') focusAt(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') close(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  const outside = (e: MouseEvent) => {
    if (!menu.contains(e.target as Node)) close(false);
  };
  function close(picked: boolean) {
    if (open?.el !== menu) return;
    open = null;
    document.removeEventListener('mousedown', outside, true);
    menu.remove();
    choice.onClose(picked);
  }
  document.body.append(menu);
  // Placed below the word, kept inside the window (CSSOM: the CSP forbids style attributes).
  const rect = menu.getBoundingClientRect();
  menu.style.left = `${Math.max(4, Math.min(choice.at.left, window.innerWidth - rect.width - 4))}px`;
  menu.style.top = `${choice.at.bottom + rect.height + 4 > window.innerHeight ? Math.max(4, choice.at.bottom - rect.height - 24) : choice.at.bottom + 4}px`;
  document.addEventListener('mousedown', outside, true);
  open = { el: menu, close };
  focusAt(0);
}
