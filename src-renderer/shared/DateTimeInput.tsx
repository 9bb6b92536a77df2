/**
 * A date (and time) typed the newsroom's way, in both interface languages: "13/01/2022 17:53",
 * day first, 24-hour clock (the desk's English is British, see src-shared/format.ts), with the
 * time zone shown beside it. The browser's own date inputs follow the browser's locale — an
 * American Chromium shows mm/dd/yyyy and AM/PM to a Vietnamese reporter and reads 13/01 as
 * nonsense — so this is a text field read by src-shared/text/date-input.ts.
 *
 * The text is read when the field is left or Enter pressed: a date it can read is committed
 * (and shown back in the standard form); one it cannot — 31/02, 25:61, the year 0800 — stays in
 * the field, marked invalid with the reason in the interface language, and nothing is stored.
 * Escape puts back the stored value.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, parseDateInput, zoneLabel, type DateInputError, type DateInputMode } from '../../src-shared/text/date-input';
import './date-input.css';

export interface DateTimeInputProps {
  readonly label: string;
  /** The stored value: "", "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm". */
  readonly value: string;
  /** Called with a new value read from the text (never with text that could not be read). */
  readonly onCommit: (value: string) => void;
  /** 'date' for a day alone (the library's filters); 'datetime' takes a date with or without a time. */
  readonly mode?: DateInputMode;
  /** The zone the value is in, shown as "GMT+7"; none shown when omitted. */
  readonly timeZone?: string;
  /** 'hidden' keeps the format hint for screen readers only, for compact rows of filters. */
  readonly hint?: 'visible' | 'hidden';
  /** A problem found outside (an end before the start): the field is marked invalid. */
  readonly invalid?: boolean;
  /** More descriptions of the field (the id of that problem's message). */
  readonly describedBy?: string;
  readonly className?: string;
}

interface Refusal {
  readonly error: DateInputError;
  readonly params: Readonly<Record<string, string>>;
}

export function DateTimeInput({ label, value, onCommit, mode = 'datetime', timeZone, hint = 'visible', invalid = false, describedBy, className }: DateTimeInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const shown = formatDateInput(value, mode);
  // What the person is typing, until it is read; null shows the stored value.
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const example = mode === 'date' ? '13/01/2022' : '13/01/2022 17:53';

  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === shown) {
      setDraft(null);
      setRefusal(null);
      return;
    }
    const read = parseDateInput(draft, mode);
    if (!read.ok) {
      setRefusal({ error: read.error, params: read.params });
      return;
    }
    setRefusal(null);
    setDraft(null);
    if (read.value !== value) onCommit(read.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && (draft !== null || refusal)) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      setRefusal(null);
    }
  };

  const ids = { input: `${id}-input`, hint: `${id}-hint`, zone: `${id}-zone`, error: `${id}-error` };
  const described = [refusal ? ids.error : null, ids.hint, timeZone ? ids.zone : null, describedBy].filter(Boolean).join(' ');
  const zone = timeZone ? zoneLabel(timeZone, value) : '';

  return (
    <div className={['field', 'date-input', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.input}>
        {label}
      </label>
      <div className="date-input__row">
        <input
          id={ids.input}
          className="input date-input__text"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={t(mode === 'date' ? 'dateInput.placeholderDate' : 'dateInput.placeholder')}
          value={draft ?? shown}
          aria-invalid={refusal !== null || invalid}
          aria-describedby={described}
          onChange={(e) => {
            setDraft(e.target.value);
            if (refusal) setRefusal(null);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {timeZone && (
          <span className="date-input__zone" id={ids.zone} title={t('dateInput.zone', { name: timeZone, zone })}>
            <span aria-hidden="true">{zone}</span>
            <span className="sr-only">{t('dateInput.zone', { name: timeZone, zone })}</span>
          </span>
        )}
      </div>
      <p className={hint === 'visible' ? 'field__hint date-input__hint' : 'sr-only'} id={ids.hint}>
        {t(mode === 'date' ? 'dateInput.hintDate' : 'dateInput.hint')}
      </p>
      {refusal && (
        <p className="date-input__error" id={ids.error} role="alert">
          {t(`dateInput.errors.${refusal.error}`, { ...refusal.params, example })} {t('dateInput.errors.notSaved')}
        </p>
      )}
    </div>
  );
}
