/**
 * Logging in to the newsroom server: its address, the user name and the password, sent to
 * main with `sync:login`. The password is read from its field when the form is sent and the
 * field is emptied after the call, whatever its outcome: it is never kept in React state. A
 * refusal is shown under the form in the interface's language (`errors:<code>`); when no server
 * answered, the form says the login failed and that nothing syncs until it succeeds (the
 * general "cannot be reached" words promise a sync when the connection is back, true only for
 * a desk that is logged in).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toErrorPayload, type ErrorPayload } from '../../../src-shared/errors';
import { parseServerUrl, type SyncStatus } from '../../../src-shared/sync';
import { desk } from '../../platform/api';
import { acceptSyncStatus } from './useSyncStatus';

type Problem = { readonly kind: 'badServer' } | { readonly kind: 'refused'; readonly error: ErrorPayload; readonly server: string };

export function LoginForm({ status, again, onLoggedIn }: { readonly status: SyncStatus; readonly again: boolean; readonly onLoggedIn: () => void }) {
  const { t } = useTranslation(['sync', 'errors']);
  const id = useId();
  const [server, setServer] = useState(status.server ?? '');
  const [user, setUser] = useState(status.user ?? '');
  const password = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const url = parseServerUrl(server);
    if (url === null) {
      setProblem({ kind: 'badServer' });
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const name = user.trim().normalize('NFC');
      const next = await desk.sync.login({ server: url, user: name, password: password.current?.value ?? '' });
      acceptSyncStatus(next);
      // The form goes away with the login: the page's heading takes the keyboard.
      onLoggedIn();
    } catch (err) {
      setProblem({ kind: 'refused', error: toErrorPayload(err), server: url });
    } finally {
      if (password.current) password.current.value = '';
      setBusy(false);
    }
  };

  const message =
    problem === null
      ? ''
      : problem.kind === 'badServer'
        ? t('sync:login.badServer')
        : problem.error.code === 'syncUnreachable'
          ? t('sync:login.unreachable', { server: problem.server })
          : t(`errors:${problem.error.code}`, { ...problem.error.params });
  return (
    <form className="server-section login-form" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 className="side-title" id={`${id}-title`}>
        {again ? t('sync:login.again') : t('sync:login.title')}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-server`}>
          {t('sync:login.server')}
        </label>
        <input
          id={`${id}-server`}
          className="input"
          required
          value={server}
          onChange={(e) => setServer(e.target.value)}
          autoComplete="url"
          spellCheck={false}
          aria-describedby={`${id}-server-hint`}
          aria-invalid={problem?.kind === 'badServer' ? true : undefined}
        />
        <p className="field__hint" id={`${id}-server-hint`}>
          {t('sync:login.serverHint')}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-user`}>
          {t('sync:login.user')}
        </label>
        <input id={`${id}-user`} className="input" required maxLength={64} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" spellCheck={false} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-password`}>
          {t('sync:login.password')}
        </label>
        <input id={`${id}-password`} ref={password} className="input" type="password" required maxLength={1024} autoComplete="current-password" aria-invalid={problem?.kind === 'refused' && problem.error.code === 'syncBadCredentials' ? true : undefined} />
      </div>
      <p className="login-form__problem" role="alert">
        {message}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('sync:login.busy') : t('sync:login.submit')}
        </button>
      </div>
    </form>
  );
}
