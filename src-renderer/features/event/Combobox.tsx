/**
 * A text field with a list of completions under it (the ARIA combobox pattern): typing asks
 * for options, ↓/↑ move through them, Enter picks, Escape closes; a click picks too. The field
 * keeps the writer's text NFC (NfcField), also while an input method composes.
 */
import { useId, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { NfcField } from '../../shared/NfcField';

export interface ComboOption {
  readonly key: string;
  readonly label: ReactNode;
}

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'onInput' | 'role'>;

export interface ComboboxProps extends FieldProps {
  readonly id: string;
  readonly value: string;
  readonly onText: (text: string) => void;
  readonly options: readonly ComboOption[];
  readonly onPick: (index: number) => void;
  /** Names the list for screen readers ("Suggestions from the glossary"). */
  readonly listLabel: string;
}

export function Combobox({ id, value, onText, options, onPick, listLabel, onKeyDown, onFocus, onBlur, className, ...rest }: ComboboxProps) {
  const listId = useId();
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const open = focused && !closed && options.length > 0;
  const current = open && active >= 0 && active < options.length ? active : -1;

  const pick = (i: number) => {
    onPick(i);
    setActive(-1);
    setClosed(true);
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && options.length > 0) {
      e.preventDefault();
      setClosed(false);
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === 'ArrowUp' && options.length > 0) {
      e.preventDefault();
      setClosed(false);
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === 'Enter' && current >= 0) {
      e.preventDefault();
      pick(current);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setClosed(true);
    }
    onKeyDown?.(e);
  };

  return (
    <div className="combo">
      <NfcField
        {...rest}
        id={id}
        className={className ?? 'input'}
        value={value}
        onText={(text) => {
          setClosed(false);
          setActive(-1);
          onText(text);
        }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={current >= 0 ? `${listId}-${current}` : undefined}
        autoComplete="off"
        onKeyDown={keys}
        onFocus={(e) => {
          setFocused(true);
          onFocus?.(e);
        }}
        onBlur={(e) => {
          setFocused(false);
          setActive(-1);
          onBlur?.(e);
        }}
      />
      <ul className="combo__list" id={listId} role="listbox" aria-label={listLabel} hidden={!open}>
        {open &&
          options.map((o, i) => (
            <li
              key={o.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'combo__option combo__option--active' : 'combo__option'}
              // Picking with the mouse must not blur the field first (the list would close under the pointer).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
            >
              {o.label}
            </li>
          ))}
      </ul>
    </div>
  );
}
