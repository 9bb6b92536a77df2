/**
 * The sections the desk offers for an article (kept in settings, offered by the article's
 * section field): added at the end, moved up, removed; each change saved at once. A name the
 * list already has (whatever its case) is refused with a message, as main would refuse it.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';
import { ArrowUpIcon, CrossIcon } from '../../shared/icons';

const same = (a: string, b: string) => a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');

export function SectionsEditor({ sections }: { readonly sections: readonly string[] }) {
  const { t } = useTranslation('settings');
  const act = useAction();
  const id = useId();
  const [name, setName] = useState('');
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const save = (next: readonly string[]) => act(() => desk.settings.update({ sections: [...next] }));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!clean) return;
    if (sections.some((s) => same(s, clean))) {
      setDuplicate(clean);
      return;
    }
    if (await save([...sections, clean])) setName('');
  };
  const moveUp = (i: number) => void save([...sections.slice(0, i - 1), sections[i]!, sections[i - 1]!, ...sections.slice(i + 1)]);

  return (
    <>
      <p className="field__hint settings-intro">{t('sections.intro')}</p>
      {sections.length === 0 ? (
        <p className="muted">{t('sections.empty')}</p>
      ) : (
        <ul className="settings-sections" aria-label={t('sections.list')}>
          {sections.map((s, i) => (
            <li key={s} className="settings-sections__item">
              <span className="settings-sections__name">{s}</span>
              {i > 0 && (
                <button type="button" className="button button--small button--quiet" aria-label={t('sections.up', { name: s })} title={t('sections.up', { name: s })} onClick={() => moveUp(i)}>
                  <ArrowUpIcon aria-hidden="true" />
                </button>
              )}
              <button type="button" className="button button--small button--quiet" aria-label={t('sections.remove', { name: s })} title={t('sections.remove', { name: s })} onClick={() => void save(sections.filter((x) => x !== s))}>
                <CrossIcon aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="settings-sections__add" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-new`}>
            {t('sections.add')}
          </label>
          <div className="settings-row">
            <input
              id={`${id}-new`}
              className="input"
              value={name}
              maxLength={100}
              autoComplete="off"
              aria-invalid={duplicate !== null}
              aria-describedby={duplicate ? `${id}-dup` : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setDuplicate(null);
              }}
            />
            <button type="submit" className="button">
              {t('sections.addButton')}
            </button>
          </div>
          {duplicate && (
            <p className="settings-error" id={`${id}-dup`} role="alert">
              {t('sections.duplicate', { name: duplicate })}
            </p>
          )}
        </div>
      </form>
    </>
  );
}
