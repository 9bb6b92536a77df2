/**
 * The newsroom server's accounts (`#/accounts`, linked in the header for admins): every user
 * with role, state and creation time; a form to add one; per row a role to change, disable or
 * enable and a password reset (each of the last two confirmed first); a password made for a
 * user is shown once (ShownOnce) and kept nowhere; below, who is connected now.
 * Everything is a native control (inputs, selects, buttons), reached with Tab.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../src-shared/admin';
import { ROLES, type Role } from '../../../src-shared/server-api';
import { nfc } from '../../../src-shared/text/vietnamese';
import { useAction } from '../../app/errors';
import { currentLanguage } from '../../app/i18n';
import { hrefFor } from '../../app/route';
import { formatDateTime, formatNumber } from '../../shared/format';
import { desk } from '../../platform/api';
import { useSyncStatus } from '../sync/useSyncStatus';
import { ShownOnce } from './ShownOnce';
import { useAccounts } from './useAccounts';
import './accounts.css';

type Confirming = { readonly name: string; readonly action: 'disable' | 'enable' | 'reset' };

export function AccountsPage() {
  const { t } = useTranslation('sync');
  const act = useAction();
  const { users, connections, reload } = useAccounts();
  const me = useSyncStatus()?.user ?? null;
  const [once, setOnce] = useState<{ name: string; password: string } | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [roles, setRoles] = useState<Readonly<Record<string, Role>>>({});
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const language = currentLanguage();

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const made = await act(() => desk.admin.createUser({ name: nfc(name), role, ...(password ? { password: nfc(password) } : {}) }));
    setBusy(false);
    if (!made) return;
    setName('');
    setPassword('');
    if (made.password) setOnce({ name: made.user.name, password: made.password });
    reload();
  };
  const changeRole = async (user: AdminUser) => {
    const wanted = roles[user.name];
    if (!wanted || wanted === user.role) return;
    if (await act(() => desk.admin.updateUser({ name: user.name, role: wanted }))) reload();
  };
  const confirm = async ({ name: who, action }: Confirming) => {
    setConfirming(null);
    const changed = await act(() => desk.admin.updateUser(action === 'reset' ? { name: who, resetPassword: true } : { name: who, disabled: action === 'disable' }));
    if (!changed) return;
    if (changed.password) setOnce({ name: changed.user.name, password: changed.password });
    reload();
  };

  return (
    <div className="page accounts">
      <h1 className="page-title">{t('accounts.title')}</h1>
      {once && <ShownOnce name={once.name} password={once.password} onDone={() => setOnce(null)} />}

      <section aria-labelledby="accounts-add">
        <h2 id="accounts-add">{t('accounts.add.title')}</h2>
        <form className="accounts__form" onSubmit={(e) => void add(e)}>
          <label className="field">
            <span className="field__label">{t('accounts.add.name')}</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} autoComplete="off" spellCheck={false} />
          </label>
          <label className="field">
            <span className="field__label">{t('accounts.add.role')}</span>
            <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('accounts.add.password')}</span>
            <input className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" aria-describedby="accounts-password-hint" />
            <span className="field__hint" id="accounts-password-hint">
              {t('accounts.add.passwordHint')}
            </span>
          </label>
          <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
            {t('accounts.add.submit')}
          </button>
        </form>
      </section>

      <section aria-labelledby="accounts-users">
        <h2 id="accounts-users">{t('accounts.users.title')}</h2>
        {users === null ? (
          <p className="muted" role="status">
            {t('accounts.loading')}
          </p>
        ) : (
          <div className="accounts__scroll">
            <table className="articles accounts__table" aria-label={t('accounts.users.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.users.name')}</th>
                  <th scope="col">{t('accounts.users.role')}</th>
                  <th scope="col">{t('accounts.users.state')}</th>
                  <th scope="col">{t('accounts.users.created')}</th>
                  <th scope="col">{t('accounts.users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => {
                  const self = user.name === me;
                  const chosen = roles[user.name] ?? user.role;
                  const asking = confirming?.name === user.name ? confirming : null;
                  return (
                    <tr key={user.name} data-user={user.name} className={user.disabled ? 'accounts__row--disabled' : undefined}>
                      <th scope="row" className="accounts__name">
                        {user.name}
                        {self && <span className="muted"> {t('accounts.users.you')}</span>}
                      </th>
                      <td>
                        <span className="accounts__role">
                          <select
                            className="input"
                            value={chosen}
                            disabled={self}
                            aria-label={t('accounts.users.roleOf', { name: user.name })}
                            title={self ? t('accounts.users.selfHint') : undefined}
                            onChange={(e) => setRoles({ ...roles, [user.name]: e.target.value as Role })}
                          >
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t(`role.${r}`)}
                              </option>
                            ))}
                          </select>
                          {chosen !== user.role && (
                            <button type="button" className="button button--small" onClick={() => void changeRole(user)}>
                              {t('accounts.users.applyRole')}
                            </button>
                          )}
                        </span>
                      </td>
                      <td>
                        <span className={user.disabled ? 'badge accounts__state accounts__state--disabled' : 'badge accounts__state'}>{user.disabled ? t('accounts.users.disabled') : t('accounts.users.enabled')}</span>
                      </td>
                      <td className="articles__date">
                        <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
                      </td>
                      <td>
                        <span className="accounts__actions">
                        {asking ? (
                          <span className="accounts__confirm" role="group" aria-label={t(`accounts.confirm.${asking.action}`, { name: user.name })}>
                            <span>{t(`accounts.confirm.${asking.action}`, { name: user.name })}</span>
                            <button type="button" className={asking.action === 'enable' ? 'button button--small button--primary' : 'button button--small button--danger'} autoFocus onClick={() => void confirm(asking)}>
                              {t(`accounts.confirm.${asking.action}Yes`)}
                            </button>
                            <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
                              {t('accounts.confirm.no')}
                            </button>
                          </span>
                        ) : (
                          <>
                            <button
                              type="button"
                              className="button button--small"
                              disabled={self && !user.disabled}
                              title={self ? t('accounts.users.selfHint') : undefined}
                              onClick={() => setConfirming({ name: user.name, action: user.disabled ? 'enable' : 'disable' })}
                              aria-label={t(user.disabled ? 'accounts.users.enableOf' : 'accounts.users.disableOf', { name: user.name })}
                            >
                              {user.disabled ? t('accounts.users.enable') : t('accounts.users.disable')}
                            </button>
                            <button type="button" className="button button--small" onClick={() => setConfirming({ name: user.name, action: 'reset' })} aria-label={t('accounts.users.resetOf', { name: user.name })}>
                              {t('accounts.users.reset')}
                            </button>
                          </>
                        )}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="accounts-connected">
        <h2 id="accounts-connected">{t('accounts.connected.title')}</h2>
        <p className="muted">
          {connections ? t('accounts.connected.fetchedAt', { at: formatDateTime(connections.fetchedAt) }) : t('accounts.loading')}{' '}
          <button type="button" className="button button--small" onClick={reload}>
            {t('accounts.connected.refresh')}
          </button>
        </p>
        <p className="muted">{t('accounts.connected.instance')}</p>
        {connections && connections.users.length === 0 && <p className="muted">{t('accounts.connected.none')}</p>}
        {connections && connections.users.length > 0 && (
          <div className="accounts__scroll">
            <table className="articles accounts__table" aria-label={t('accounts.connected.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.users.name')}</th>
                  <th scope="col">{t('accounts.users.role')}</th>
                  <th scope="col">{t('accounts.connected.sockets')}</th>
                  <th scope="col">{t('accounts.connected.articles')}</th>
                  <th scope="col">{t('accounts.connected.since')}</th>
                </tr>
              </thead>
              <tbody>
                {connections.users.map((u) => (
                  <tr key={u.name} data-connected={u.name}>
                    <th scope="row" className="accounts__name">
                      {u.name}
                    </th>
                    <td>{t(`role.${u.role}`)}</td>
                    <td className="queue__number">{formatNumber(u.sockets, language)}</td>
                    <td className="accounts__articles">
                      {u.articles.length === 0
                        ? '—'
                        : u.articles.map((a, i) => (
                            <span key={a.id}>
                              {i > 0 && ', '}
                              <a className="article-link" href={hrefFor({ name: 'article', id: a.id })}>
                                {a.headline || a.id}
                              </a>
                            </span>
                          ))}
                    </td>
                    <td className="articles__date">
                      <time dateTime={u.since}>{formatDateTime(u.since)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
