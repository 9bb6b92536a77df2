/** The on-air reading rate for the article's language (syllables or words a minute), saved in settings. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadingRate, type Language, type ReadingRates } from '../../../src-shared/models';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';

export function ReadingRateControl({ language, rates }: { readonly language: Language; readonly rates: ReadingRates }) {
  const { t } = useTranslation('editor');
  const id = useId();
  const act = useAction();
  const saved = rates[language].onAir;
  const [value, setValue] = useState(String(saved));
  useEffect(() => setValue(String(saved)), [saved]);

  const commit = async () => {
    const onAir = Number(value);
    const next = { ...rates[language], onAir };
    if (!ReadingRate.safeParse(next).success) {
      setValue(String(saved));
      return;
    }
    if (onAir === saved) return;
    const done = await act(() => desk.settings.update({ readingRates: { ...rates, [language]: next } }));
    if (!done) setValue(String(saved));
  };

  return (
    <div className="field rate-field">
      <label className="field__label" htmlFor={id}>
        {t('rates.onAir')}
      </label>
      <div className="rate-field__row">
        <input
          id={id}
          className="input rate-field__input"
          type="number"
          inputMode="numeric"
          min={40}
          max={600}
          step={5}
          value={value}
          aria-describedby={`${id}-unit`}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => e.key === 'Enter' && void commit()}
        />
        <span id={`${id}-unit`} className="rate-field__unit">
          {t(`rates.unit_${language}`)}
        </span>
      </div>
    </div>
  );
}
