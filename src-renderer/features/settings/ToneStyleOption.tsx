/**
 * The Vietnamese style check: where tone marks go (src-shared/spell/tones.ts) — off, the modern
 * placement ("hoà", "thuỷ") or the classic one ("hòa", "thủy"). Off by default: both are
 * correct, and a newsroom chooses. With a style chosen, the article bar offers to put an
 * article in it.
 */
import { useTranslation } from 'react-i18next';
import { ToneStyleSetting } from '../../../src-shared/models';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';

export function ToneStyleOption({ value }: { readonly value: ToneStyleSetting }) {
  const { t } = useTranslation('settings');
  const act = useAction();
  return (
    <fieldset className="settings-choice">
      <legend className="field__label">{t('toneStyle.legend')}</legend>
      {ToneStyleSetting.options.map((style) => (
        <label key={style} className="settings-choice__option" lang={style === 'off' ? undefined : 'vi'}>
          <input type="radio" name="tone-style" value={style} checked={value === style} onChange={() => void act(() => desk.settings.update({ toneStyle: style }))} /> {t(`toneStyle.${style}`)}
        </label>
      ))}
      <p className="field__hint settings-after">{t('toneStyle.hint')}</p>
    </fieldset>
  );
}
