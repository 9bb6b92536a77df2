/**
 * The reading rates for each article language: on air (what the broadcast script's timing uses)
 * and silently (the reading time). Each number is saved when its field is left or Enter pressed;
 * one outside what the desk accepts is refused with the range, and the saved value stays.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, ReadingRate, type Language, type ReadingRates as Rates } from '../../../src-shared/models';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';

const MIN = 40;
const MAX = 600;
type Kind = keyof ReadingRate;

function RateField({ rates, language, kind }: { readonly rates: Rates; readonly language: Language; readonly kind: Kind }) {
  const { t } = useTranslation('settings');
  const act = useAction();
  const id = useId();
  const saved = rates[language][kind];
  const [value, setValue] = useState(String(saved));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setValue(String(saved)), [saved]);

  const commit = async () => {
    const next = { ...rates[language], [kind]: Number(value) };
    if (value.trim() === '' || !ReadingRate.safeParse(next).success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (next[kind] === saved) return;
    if (!(await act(() => desk.settings.update({ readingRates: { ...rates, [language]: next } })))) setValue(String(saved));
  };
  return (
    <div className="field settings-rate">
      <label className="field__label" htmlFor={id}>
        {t(`reading.${kind}`)}
      </label>
      <div className="settings-rate__row">
        <input
          id={id}
          className="input settings-rate__input"
          type="number"
          inputMode="numeric"
          min={MIN}
          max={MAX}
          step={5}
          value={value}
          aria-label={t('reading.fieldLabel', { kind: t(`reading.${kind}`), language: t(`reading.${language}`) })}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error ${id}-unit` : `${id}-unit`}
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
          onBlur={() => void commit()}
          onKeyDown={(e) => e.key === 'Enter' && void commit()}
        />
        <span id={`${id}-unit`} className="settings-rate__unit">
          {t(`reading.unit_${language}`)}
        </span>
      </div>
      {invalid && (
        <p className="settings-error" id={`${id}-error`} role="alert">
          {t('reading.invalid', { min: MIN, max: MAX })}
        </p>
      )}
    </div>
  );
}

export function ReadingRates({ rates }: { readonly rates: Rates }) {
  const { t } = useTranslation('settings');
  return (
    <>
      <p className="field__hint settings-intro">{t('reading.intro')}</p>
      <div className="settings-rates">
        {LANGUAGES.map((language) => (
          <fieldset key={language} className="settings-rates__language">
            <legend className="field__label">{t(`reading.${language}`)}</legend>
            <RateField rates={rates} language={language} kind="onAir" />
            <RateField rates={rates} language={language} kind="reading" />
          </fieldset>
        ))}
      </div>
    </>
  );
}
