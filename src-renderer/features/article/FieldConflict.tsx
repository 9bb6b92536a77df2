/**
 * The notice under a typed field that holds a conflict (two desks wrote different values at
 * once, see src-shared/register.ts): each value with who wrote it and when, a button to keep
 * that one, and a field to write a value combining them. Nothing is shown while there is no
 * conflict. Everything is reachable with Tab and named for screen readers; the notice is a
 * labelled group that the field points at (`conflictNoticeId`).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterState } from '../../../src-shared/register';
import { formatDateTime } from '../../shared/format';
import { NfcField } from '../../shared/NfcField';
import { isOwnEntry } from './registers';
import './field-conflict.css';

export interface FieldConflictProps {
  readonly state: RegisterState;
  /** The field's label, as its own label shows it. */
  readonly label: string;
  /** The person settled on `value` (a candidate, or a combination). */
  readonly onResolve: (value: string) => void;
  /** How a value reads (an empty slug is the headline's); by default '' reads "(empty)". */
  readonly describe?: (value: string) => string;
  /** The id for the notice's title, so the field can name it in `aria-describedby`. */
  readonly id?: string;
  readonly lang?: string;
}

/** Distinct values, in the order the candidates list them. */
function values(state: RegisterState): string[] {
  return [...new Set(state.candidates.map((c) => c.value))];
}

export function FieldConflict({ state, label, onResolve, describe, id, lang }: FieldConflictProps) {
  const { t } = useTranslation('editor');
  const own = useId();
  const titleId = id ?? `${own}-title`;
  const ids = { hint: `${own}-hint`, combined: `${own}-combined` };
  const [draft, setDraft] = useState<string | null>(null);
  if (!state.conflict) return null;
  const read = describe ?? ((v: string) => v || t('conflict.empty'));
  const combined = draft ?? values(state).filter(Boolean).join(', ');
  const resolve = (value: string) => {
    setDraft(null);
    onResolve(value);
  };
  return (
    <div className="field-conflict" role="group" aria-labelledby={titleId} aria-describedby={ids.hint}>
      <p className="field-conflict__title" id={titleId}>
        {t('conflict.title', { field: label })}
      </p>
      <p className="field-conflict__hint" id={ids.hint}>
        {t('conflict.hint', { value: read(state.value) })}
      </p>
      <ul className="field-conflict__list" aria-label={t('conflict.candidates')}>
        {state.candidates.map((c) => {
          const who = c.by || (isOwnEntry(c.key) ? t('conflict.thisDesk') : t('conflict.anotherDesk'));
          const when = c.at ? formatDateTime(c.at) : '';
          return (
            <li key={c.key} className="field-conflict__candidate">
              <span className="field-conflict__value" lang={lang}>
                {read(c.value)}
              </span>
              <span className="field-conflict__by">{when ? t('conflict.by', { who, at: when }) : who}</span>
              <button type="button" className="button button--small" aria-label={t('conflict.useLabel', { value: read(c.value), who })} onClick={() => resolve(c.value)}>
                {t('conflict.use')}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="field-conflict__combine">
        <label className="field__label" htmlFor={ids.combined}>
          {t('conflict.combined')}
        </label>
        <NfcField
          id={ids.combined}
          className="input"
          value={combined}
          lang={lang}
          onText={setDraft}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            resolve(combined);
          }}
          autoComplete="off"
        />
        <button type="button" className="button button--small" onClick={() => resolve(combined)}>
          {t('conflict.useCombined')}
        </button>
      </div>
    </div>
  );
}
