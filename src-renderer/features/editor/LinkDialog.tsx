/**
 * Asks for a link address (Ctrl+K or the toolbar): a modal dialog with one field, accepting only
 * http, https and mailto addresses; Escape or Cancel leaves the text as it was.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nfc } from '../../../src-shared/text/vietnamese';
import { isSafeHref } from './links';

export function LinkDialog({ initial, onApply, onRemove, onClose }: { readonly initial: string; readonly onApply: (href: string) => void; readonly onRemove: () => void; readonly onClose: () => void }) {
  const { t } = useTranslation('editor');
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), field: useId(), hint: useId(), error: useId() };
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const href = nfc(value.trim());
    if (!isSafeHref(href)) {
      setInvalid(true);
      return;
    }
    onApply(href);
  };

  return (
    <dialog ref={ref} className="link-dialog" aria-labelledby={ids.title} onCancel={(e) => (e.preventDefault(), onClose())}>
      <form onSubmit={submit} noValidate>
        <h2 className="link-dialog__title" id={ids.title}>
          {t('link.title')}
        </h2>
        <label className="field__label" htmlFor={ids.field}>
          {t('link.address')}
        </label>
        <input
          id={ids.field}
          className="input"
          type="url"
          value={value}
          autoFocus
          aria-describedby={invalid ? `${ids.hint} ${ids.error}` : ids.hint}
          aria-invalid={invalid || undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
        />
        <p className="field__hint" id={ids.hint}>
          {t('link.hint')}
        </p>
        {invalid && (
          <p className="link-dialog__error" id={ids.error} role="alert">
            {t('link.invalid')}
          </p>
        )}
        <div className="link-dialog__actions">
          <button type="submit" className="button button--primary">
            {t('link.apply')}
          </button>
          {initial && (
            <button type="button" className="button" onClick={onRemove}>
              {t('link.remove')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('link.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
