/**
 * The keyboard shortcuts overview: opened by "?" (when not typing) or F1 anywhere, or by its
 * button in the header; a modal <dialog> (Escape closes it, focus returns where it was) listing
 * the shortcuts the desk has, grouped by where they work.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDITOR_SHORTCUTS, type EditorCommand } from '../features/editor/shortcuts';
import { KeyboardIcon } from '../shared/icons';

type Item = 'help' | 'search' | EditorCommand | 'toolbar' | 'tabs' | 'splitter' | 'photoMove' | 'versions' | 'comment' | 'commentMove';
type Group = 'everywhere' | 'library' | 'editor' | 'article';

/** Each shortcut with its keys; alternatives are listed apart ("F1" or "?"). */
const GROUPS: ReadonlyArray<{ readonly group: Group; readonly items: ReadonlyArray<readonly [Item, ...string[]]> }> = [
  { group: 'everywhere', items: [['help', '?', 'F1']] },
  { group: 'library', items: [['search', 'Ctrl+F', '/']] },
  { group: 'editor', items: [...(Object.entries(EDITOR_SHORTCUTS) as Array<[EditorCommand, string]>), ['toolbar', '← → Home End']] },
  {
    group: 'article',
    items: [
      ['tabs', '← → Home End'],
      ['splitter', '← → Home End'],
      ['photoMove', 'Alt+↑', 'Alt+↓'],
      ['versions', '↑ ↓ Home End'],
      ['comment', 'Ctrl+Alt+M'],
      ['commentMove', '↑ ↓'],
    ],
  },
];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function ShortcutsDialog() {
  const { t } = useTranslation('workspace');
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  // Shown at once, not only through the state: a key pressed just after Escape closed the
  // dialog comes before React has heard of the close, and setting `open` again changes nothing.
  const show = (): void => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    setOpen(true);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const help = e.key === 'F1' || (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target));
      if (!help) return;
      e.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <>
      <button type="button" className="app-header__icon-button" aria-label={t('shortcuts.open')} title={t('shortcuts.openHint')} onClick={show}>
        <KeyboardIcon />
      </button>
      {/* The close event is queued: when a key reopened the dialog before it arrived, the dialog
          is open again and must stay so — the state follows the element, not the event. */}
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={() => setOpen(dialog.current?.open ?? false)}>
        <div className="shortcuts__head">
          <h2 id="shortcuts-title" className="shortcuts__title">
            {t('shortcuts.title')}
          </h2>
          <button type="button" className="button button--small" onClick={() => dialog.current?.close()}>
            {t('shortcuts.close')}
          </button>
        </div>
        {open &&
          GROUPS.map(({ group, items }) => (
            <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group}`}>
              <h3 id={`shortcuts-${group}`} className="shortcuts__group-title">
                {t(`shortcuts.groups.${group}`)}
              </h3>
              <table className="shortcuts__table">
                <thead className="sr-only">
                  <tr>
                    <th scope="col">{t('shortcuts.keys')}</th>
                    <th scope="col">{t('shortcuts.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map(([item, ...keys]) => (
                    <tr key={item}>
                      <td className="shortcuts__keys">
                        {keys.map((k) => (
                          <kbd key={k}>{k}</kbd>
                        ))}
                      </td>
                      <td>{t(`shortcuts.items.${item}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
      </dialog>
    </>
  );
}
