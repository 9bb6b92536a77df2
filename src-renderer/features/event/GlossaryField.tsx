/** A name field completed from the glossary: a person (with title and organisation) or an organisation. */
import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryEntry, GlossaryKind } from '../../../src-shared/glossary';
import { Combobox } from './Combobox';
import { useGlossarySuggestions } from './useGlossary';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'onInput' | 'role'>;

export interface GlossaryFieldProps extends FieldProps {
  readonly id: string;
  readonly kind: GlossaryKind;
  readonly value: string;
  readonly onText: (text: string) => void;
  readonly onPickEntry: (entry: GlossaryEntry) => void;
}

export function GlossaryField({ kind, value, onText, onPickEntry, onFocus, onBlur, ...rest }: GlossaryFieldProps) {
  const { t } = useTranslation('event');
  const [typing, setTyping] = useState(false);
  const suggestions = useGlossarySuggestions(value, kind, typing);
  return (
    <Combobox
      {...rest}
      value={value}
      onText={(text) => {
        setTyping(true);
        onText(text);
      }}
      onFocus={onFocus}
      onBlur={(e) => {
        setTyping(false);
        onBlur?.(e);
      }}
      options={suggestions.map((s) => ({
        key: s.id,
        label: (
          <>
            <span className="combo__name">{s.name}</span>
            {kind === 'person' && (s.title || s.organisation) && <span className="combo__detail">{[s.title, s.organisation].filter(Boolean).join(', ')}</span>}
          </>
        ),
      }))}
      onPick={(i) => {
        const entry = suggestions[i];
        setTyping(false);
        if (entry) onPickEntry(entry);
      }}
      listLabel={t('suggestions')}
    />
  );
}
