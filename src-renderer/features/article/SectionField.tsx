/**
 * The article's section, chosen from the sections the desk knows (for now the ones its
 * articles use) or written new. The section is a register (src-shared/register.ts), like the
 * byline: each choice is one session's value, and two desks choosing differently at once get
 * the conflict notice under the field.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVi, fold } from '../../../src-shared/text/vietnamese';
import type { RegisterState } from '../../../src-shared/register';
import { NfcField } from '../../shared/NfcField';
import { FieldConflict } from './FieldConflict';

export interface SectionFieldProps {
  readonly state: RegisterState;
  readonly known: readonly string[];
  readonly onChoose: (section: string) => void;
  readonly onResolve: (section: string) => void;
}

const OTHER = '\u0000other';

export function SectionField({ state, known, onChoose, onResolve }: SectionFieldProps) {
  const { t } = useTranslation('workspace');
  const ids = { select: useId(), other: useId() };
  const [writing, setWriting] = useState<string | null>(null);
  const current = state.value;
  const options = current && !known.some((s) => fold(s) === fold(current)) ? [...known, current].sort(compareVi) : known;
  const shown = options.find((s) => fold(s) === fold(current)) ?? '';
  const commit = () => {
    const value = (writing ?? '').trim();
    setWriting(null);
    if (value) onChoose(value);
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={ids.select}>
        {t('meta.section')}
      </label>
      <select
        id={ids.select}
        className="input"
        value={writing !== null ? OTHER : shown}
        onChange={(e) => {
          if (e.target.value === OTHER) setWriting('');
          else {
            setWriting(null);
            onChoose(e.target.value);
          }
        }}
      >
        <option value="">{t('meta.sectionNone')}</option>
        {options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
        <option value={OTHER}>{t('meta.sectionOther')}</option>
      </select>
      {writing !== null && (
        <div className="section-field__new">
          <label className="field__label" htmlFor={ids.other}>
            {t('meta.sectionNew')}
          </label>
          <div className="section-field__row">
            <NfcField
              id={ids.other}
              className="input"
              value={writing}
              onText={setWriting}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  commit();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setWriting(null);
                }
              }}
              autoFocus
              autoComplete="off"
            />
            <button type="button" className="button button--small" onClick={commit} disabled={!writing.trim()}>
              {t('meta.sectionAdd')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setWriting(null)}>
              {t('meta.sectionCancel')}
            </button>
          </div>
        </div>
      )}
      <FieldConflict state={state} label={t('meta.section')} onResolve={onResolve} />
    </div>
  );
}
