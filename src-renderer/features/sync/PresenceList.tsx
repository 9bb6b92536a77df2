/**
 * "Who is here": the others who have this article open (another window, or a colleague over the
 * newsroom server), each with the colour of their caret in the body. Our own name follows the
 * login (the logged-in user, else "this desk").
 */
import { useEffect, useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { presenceColor, type ArticlePresence, type PresentPerson } from './presence';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

/** Gives the presence our name (the logged-in user, else "this desk") and keeps it current. */
export function usePresenceUser(presence: ArticlePresence): void {
  const { t } = useTranslation('sync');
  const status = useSyncStatus();
  const name = status?.user ?? t('presence.thisDesk');
  useEffect(() => presence.setUser({ name, color: presenceColor(name) }), [presence, name]);
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/u);
  const first = [...(words[0] ?? '')][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return (first + last).toLocaleUpperCase('vi');
}

/** One entry per name: two windows of the same person are one person here. */
function distinct(people: readonly PresentPerson[]): PresentPerson[] {
  const seen = new Map<string, PresentPerson>();
  for (const p of people) if (!seen.has(p.name)) seen.set(p.name, p);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export function PresenceList({ presence }: { readonly presence: ArticlePresence }) {
  const { t } = useTranslation('sync');
  const id = useId();
  usePresenceUser(presence);
  const people = distinct(useSyncExternalStore(presence.subscribe, presence.others));
  if (people.length === 0) return null;
  return (
    <div className="presence" data-testid="presence">
      <span id={id}>{t('presence.here')}</span>
      <ul className="presence__list" aria-labelledby={id}>
        {people.map((p) => (
          <li key={p.name} className="presence__person">
            <span className="presence__avatar" aria-hidden="true" ref={(el) => el?.style.setProperty('--presence-color', p.color)}>
              {initials(p.name)}
            </span>
            <span className="presence__name">{p.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
