/**
 * The article's assignees in its Workflow tab: its writer (the owner, who always has it) and who
 * is assigned, for everyone, as the newsroom server has them; and for editors and admins, the
 * reporters other than the writer with a checkbox each (a fieldset:
 * Tab and Space choose them) and a button that saves the list on the server at once. An
 * assignment is not queued offline: the server decides who may write an article when it happens.
 * The list is read again on the article's `workflow:changed`, when sync is back online and when
 * the window gets the focus back.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-shared/assignment';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';
import { useSyncStatus } from '../sync/useSyncStatus';

export function AssignControl({ id, online }: { readonly id: string; readonly online: boolean }) {
  const { t } = useTranslation('workflow');
  const act = useAction();
  const sync = useSyncStatus();
  const ids = { heading: useId(), saved: useId() };
  const editor = sync?.role === 'editor' || sync?.role === 'admin';
  /** Null: not known (the server did not answer). */
  const [current, setCurrent] = useState<readonly string[] | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [people, setPeople] = useState<readonly Person[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [saved, setSaved] = useState(false);

  /** The editor changed the boxes and has not saved: a fresh answer does not undo their choice. */
  const touched = useRef(false);

  const accept = useCallback((names: readonly string[], saving = false) => {
    setCurrent(names);
    if (saving || !touched.current) setChosen(new Set(names));
    if (saving) touched.current = false;
  }, []);

  useEffect(() => {
    let live = true;
    /** Grows with every question: an answer to an older one is stale. */
    let asked = 0;
    const ask = () => {
      const mine = ++asked;
      desk.workflow.assignees({ id }).then(
        (a) => {
          if (!live || mine !== asked) return;
          setOwner(a.owner);
          accept(a.assignees);
        },
        // Not known now (offline): what is shown stays, or "unknown" before any answer.
        () => undefined,
      );
    };
    // Asked again when the article's workflow changes (an assignment from another window, a
    // status arriving through sync), when the server answers again after a silence, and when
    // the window gets the focus back.
    let wasOnline = online;
    const offs = [
      desk.on['workflow:changed']((e) => e.id === id && ask()),
      desk.on['sync:status']((status) => {
        const now = status.state === 'syncing' || status.state === 'synced';
        if (now && !wasOnline) ask();
        wasOnline = now;
      }),
    ];
    // Back to the window (an editor elsewhere may have assigned it meanwhile): read again.
    window.addEventListener('focus', ask);
    offs.push(() => window.removeEventListener('focus', ask));
    ask();
    if (editor)
      desk.workflow.people({}).then(
        (p) => live && setPeople(p.people),
        () => undefined,
      );
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [id, online, editor, accept]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const answer = await act(() => desk.workflow.assign({ id, users: [...chosen] }));
    if (answer) {
      setOwner(answer.owner);
      accept(answer.assignees, true);
      setSaved(true);
    }
  };

  // Reporters to choose from, and whoever is assigned already even if not a reporter; never the
  // writer, who has the article without being assigned.
  const names = [...new Set([...people.filter((p) => p.role === 'reporter').map((p) => p.name), ...(current ?? [])])].filter((name) => name !== owner);
  return (
    <div className="workflow__assign">
      <h3 className="workflow__subtitle" id={ids.heading}>
        {t('assignment.title')}
      </h3>
      {owner && (
        <p className="workflow__meta" data-testid="writer">
          {t('assignment.writer', { name: owner })}
        </p>
      )}
      <p className="workflow__meta" data-testid="assignees">
        {current === null ? t('assignment.unknown') : current.length === 0 ? t('assignment.nobody') : t('assignment.current', { names: current.join(', ') })}
      </p>
      {editor && names.length > 0 && (
        <form onSubmit={(e) => void save(e)}>
          <fieldset className="workflow__assign-list" aria-labelledby={ids.heading}>
            {names.map((name) => (
              <label key={name} className="workflow__assign-person">
                <input
                  type="checkbox"
                  checked={chosen.has(name)}
                  onChange={(e) => {
                    setSaved(false);
                    touched.current = true;
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(name);
                    else next.delete(name);
                    setChosen(next);
                  }}
                />{' '}
                {name}
              </label>
            ))}
          </fieldset>
          <div className="workflow__moves">
            <button type="submit" className="button button--small" disabled={!online}>
              {t('assignment.save')}
            </button>
          </div>
          {!online && <p className="field__hint">{t('assignment.needsServer')}</p>}
          <p className="workflow__meta" role="status" id={ids.saved}>
            {saved ? t('assignment.saved') : ''}
          </p>
        </form>
      )}
    </div>
  );
}
