/**
 * The glossary: people (with title and organisation) and organisations the desk learnt from
 * events, in Vietnamese order; the writer filters, corrects, removes, and merges duplicates
 * ("Sở GD&ĐT" and "Sở Giáo dục và Đào tạo" become one, keeping the name they choose).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { glossaryKey, type GlossaryEntry, type GlossaryKind } from '../../../src-shared/glossary';
import { useAction } from '../../app/errors';
import { currentLanguage } from '../../app/i18n';
import { hrefFor } from '../../app/route';
import { desk } from '../../platform/api';
import { formatNumber } from '../../shared/format';
import { NfcField } from '../../shared/NfcField';
import './glossary.css';
import { ArrowLeftIcon } from '../../shared/icons';

type Draft = { readonly id: string; readonly name: string; readonly title: string; readonly organisation: string };

export function GlossaryPage() {
  const { t } = useTranslation('glossary');
  const run = useAction();
  const ids = { heading: useId(), filter: useId(), keep: useId() };
  const [entries, setEntries] = useState<readonly GlossaryEntry[] | null>(null);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [keep, setKeep] = useState<string>('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(async () => {
    const list = await run(() => desk.glossary.list({}));
    if (list) setEntries(list);
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const q = glossaryKey(filter);
  const shown = (entries ?? []).filter((e) => !q || glossaryKey(e.name).includes(q) || glossaryKey(e.organisation).includes(q) || glossaryKey(e.title).includes(q));
  const chosen = (entries ?? []).filter((e) => selected.has(e.id));
  const sameKind = chosen.length >= 2 && chosen.every((e) => e.kind === chosen[0]!.kind);
  const keepId = chosen.some((e) => e.id === keep) ? keep : (chosen[0]?.id ?? '');

  const toggle = (id: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const save = async () => {
    if (!draft) return;
    const entry = entries?.find((e) => e.id === draft.id);
    const patch = entry?.kind === 'person' ? { name: draft.name, title: draft.title, organisation: draft.organisation } : { name: draft.name };
    const saved = await run(() => desk.glossary.update({ id: draft.id, ...patch }));
    if (!saved) return;
    setDraft(null);
    setMessage(t('saved', { name: saved.name }));
    await reload();
  };
  const remove = async (entry: GlossaryEntry) => {
    if ((await run(() => desk.glossary.remove({ id: entry.id }))) === undefined) return;
    toggle(entry.id, false);
    setMessage(t('removed', { name: entry.name }));
    heading.current?.focus();
    await reload();
  };
  const merge = async () => {
    const merged = await run(() => desk.glossary.merge({ into: keepId, from: chosen.map((e) => e.id).filter((id) => id !== keepId) }));
    if (!merged) return;
    setSelected(new Set());
    setMessage(t('merged', { name: merged.name }));
    await reload();
  };

  const table = (kind: GlossaryKind) => {
    const rows = shown.filter((e) => e.kind === kind);
    if (rows.length === 0) return null;
    return (
      <section className="glossary__section" aria-labelledby={`${ids.heading}-${kind}`}>
        <h2 className="glossary__kind" id={`${ids.heading}-${kind}`}>
          {kind === 'person' ? t('people') : t('organisations')}
        </h2>
        <ul className="glossary__list">
          {rows.map((e) =>
            draft?.id === e.id ? (
              <li key={e.id} className="glossary__entry glossary__entry--editing">
                <form
                  className="glossary__form"
                  onSubmit={(ev) => {
                    ev.preventDefault();
                    void save();
                  }}
                >
                  <label>
                    <span className="field__label">{t('name')}</span>
                    <NfcField className="input" value={draft.name} onText={(name) => setDraft({ ...draft, name })} autoFocus autoComplete="off" />
                  </label>
                  {kind === 'person' && (
                    <>
                      <label>
                        <span className="field__label">{t('personTitle')}</span>
                        <NfcField className="input" value={draft.title} onText={(title) => setDraft({ ...draft, title })} autoComplete="off" />
                      </label>
                      <label>
                        <span className="field__label">{t('organisation')}</span>
                        <NfcField className="input" value={draft.organisation} onText={(organisation) => setDraft({ ...draft, organisation })} autoComplete="off" />
                      </label>
                    </>
                  )}
                  <div className="glossary__actions">
                    <button type="submit" className="button button--primary button--small">
                      {t('save')}
                    </button>
                    <button type="button" className="button button--small" onClick={() => setDraft(null)}>
                      {t('cancel')}
                    </button>
                  </div>
                </form>
              </li>
            ) : (
              <li key={e.id} className="glossary__entry">
                <input type="checkbox" checked={selected.has(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} aria-label={t('select', { name: e.name })} />
                <span className="glossary__text">
                  <span className="glossary__name">{e.name}</span>
                  {kind === 'person' && (e.title || e.organisation) && <span className="glossary__detail">{[e.title, e.organisation].filter(Boolean).join(', ')}</span>}
                  <span className="glossary__uses">{t('uses', { n: formatNumber(e.uses, currentLanguage()) })}</span>
                </span>
                <button type="button" className="button button--small" aria-label={t('editNamed', { name: e.name })} onClick={() => setDraft({ id: e.id, name: e.name, title: e.title, organisation: e.organisation })}>
                  {t('edit')}
                </button>
                <button type="button" className="button button--small button--quiet" aria-label={t('removeNamed', { name: e.name })} onClick={() => void remove(e)}>
                  {t('remove')}
                </button>
              </li>
            ),
          )}
        </ul>
      </section>
    );
  };

  return (
    <div className="page page--glossary">
      <a className="back-link" href={hrefFor({ name: 'library', trashed: false })}>
        <ArrowLeftIcon className="back-link__icon" />
        {t('back')}
      </a>
      <h1 className="glossary__title" id={ids.heading} ref={heading} tabIndex={-1}>
        {t('title')}
      </h1>
      <p className="field__hint">{t('hint')}</p>
      <p className="sr-only" role="status">
        {message}
      </p>
      {entries !== null && entries.length === 0 ? (
        <p className="empty empty--plain">{t('empty')}</p>
      ) : (
        <>
          <div className="field glossary__filter">
            <label className="field__label" htmlFor={ids.filter}>
              {t('search')}
            </label>
            <NfcField id={ids.filter} className="input" value={filter} onText={setFilter} type="search" autoComplete="off" />
          </div>
          <div className="glossary__merge">
            <p className="field__hint">{t('mergeHint')}</p>
            {sameKind && (
              <div className="glossary__merge-row">
                <label htmlFor={ids.keep}>{t('mergeInto')}</label>
                <select id={ids.keep} className="input" value={keepId} onChange={(e) => setKeep(e.target.value)}>
                  {chosen.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
                <button type="button" className="button button--primary" onClick={() => void merge()}>
                  {t('merge', { count: chosen.length, n: formatNumber(chosen.length, currentLanguage()) })}
                </button>
              </div>
            )}
          </div>
          {table('person')}
          {table('organisation')}
        </>
      )}
    </div>
  );
}
