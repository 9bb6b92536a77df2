/**
 * Where "Send" delivers packages, in plain words: the newsroom's upload address, how to log in
 * there (user name and password, or an access token), and — folded away, for when the technical
 * team asks — the form field that carries the package and the information sent with it. The
 * password or token goes to main and is never shown again; left empty, the stored one is kept.
 * "Test the connection" tries the address as typed (outbox:test) without sending or saving.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UploadConfigInput, type UploadAuthKind, type UploadConfig, type UploadProbe } from '../../../src-shared/outbox';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';

function fieldsText(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

function parseFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

type Form = { url: string; fileField: string; fields: string; auth: UploadAuthKind; username: string; secret: string };

function inputOf(form: Form): UploadConfigInput {
  return { url: form.url.trim(), fileField: form.fileField.trim() || 'file', fields: parseFields(form.fields), auth: form.auth, username: form.username, ...(form.secret ? { secret: form.secret } : {}) };
}

export function UploadSettings() {
  const { t } = useTranslation('settings');
  const act = useAction();
  const id = useId();
  const [config, setConfig] = useState<UploadConfig | null | undefined>(undefined);
  const [form, setForm] = useState<Form>({ url: '', fileField: 'file', fields: '', auth: 'none', username: '', secret: '' });
  const [saved, setSaved] = useState(false);
  const [badUrl, setBadUrl] = useState(false);
  const [probe, setProbe] = useState<UploadProbe | 'testing' | null>(null);

  useEffect(() => {
    void desk.outbox.config({}).then((c) => {
      setConfig(c);
      if (c) setForm({ url: c.url, fileField: c.fileField, fields: fieldsText(c.fields), auth: c.auth, username: c.username, secret: '' });
    });
  }, []);

  /** The form as main takes it, or null (and the address marked) when the address is not one. */
  const checked = (): UploadConfigInput | null => {
    const input = inputOf(form);
    const ok = UploadConfigInput.safeParse(input).success;
    setBadUrl(!ok);
    return ok ? input : null;
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const input = checked();
    if (!input) return;
    const next = await act(() => desk.outbox.setConfig({ config: input }));
    if (next !== undefined) {
      setConfig(next);
      setForm((f) => ({ ...f, secret: '' }));
      setSaved(true);
    }
  };
  const onTest = async () => {
    const input = checked();
    if (!input) return;
    setProbe('testing');
    const result = await act(() => desk.outbox.test({ config: input }));
    setProbe(result ?? null);
  };
  const set = (key: keyof Form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setProbe(null);
    if (key === 'url') setBadUrl(false);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };

  if (config === undefined) return null;
  const ids = { url: `${id}-url`, urlHint: `${id}-url-hint`, urlError: `${id}-url-error`, auth: `${id}-auth`, user: `${id}-user`, secret: `${id}-secret`, field: `${id}-field`, fieldHint: `${id}-field-hint`, fields: `${id}-fields`, fieldsHint: `${id}-fields-hint` };
  return (
    <form className="upload-settings" onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className="field__hint settings-intro">{t('upload.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor={ids.url}>
          {t('upload.url')}
        </label>
        <input
          id={ids.url}
          className="input"
          type="url"
          inputMode="url"
          spellCheck={false}
          value={form.url}
          onChange={set('url')}
          autoComplete="off"
          aria-invalid={badUrl}
          aria-describedby={badUrl ? `${ids.urlError} ${ids.urlHint}` : ids.urlHint}
        />
        <p className="field__hint settings-after" id={ids.urlHint}>
          {t('upload.urlHint')}
        </p>
        {badUrl && (
          <p className="settings-error" id={ids.urlError} role="alert">
            {t('upload.invalidUrl')}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.auth}>
          {t('upload.auth')}
        </label>
        <select id={ids.auth} className="input" value={form.auth} onChange={set('auth')}>
          <option value="none">{t('upload.authNone')}</option>
          <option value="basic">{t('upload.authBasic')}</option>
          <option value="bearer">{t('upload.authBearer')}</option>
        </select>
      </div>
      {form.auth === 'basic' && (
        <div className="field">
          <label className="field__label" htmlFor={ids.user}>
            {t('upload.username')}
          </label>
          <input id={ids.user} className="input" value={form.username} onChange={set('username')} autoComplete="username" />
        </div>
      )}
      {form.auth !== 'none' && (
        <div className="field">
          <label className="field__label" htmlFor={ids.secret}>
            {form.auth === 'basic' ? t('upload.password') : t('upload.token')}
          </label>
          <input id={ids.secret} className="input" type="password" value={form.secret} onChange={set('secret')} autoComplete="new-password" placeholder={config?.hasSecret ? t('upload.secretKept') : ''} />
        </div>
      )}
      <details className="settings-advanced">
        <summary>{t('upload.advanced')}</summary>
        <div className="field">
          <label className="field__label" htmlFor={ids.field}>
            {t('upload.fileField')}
          </label>
          <input id={ids.field} className="input" value={form.fileField} onChange={set('fileField')} autoComplete="off" spellCheck={false} aria-describedby={ids.fieldHint} />
          <p className="field__hint settings-after" id={ids.fieldHint}>
            {t('upload.fileFieldHint')}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.fields}>
            {t('upload.fields')}
          </label>
          <textarea id={ids.fields} className="input" rows={3} value={form.fields} onChange={set('fields')} aria-describedby={ids.fieldsHint} spellCheck={false} />
          <p className="field__hint settings-after" id={ids.fieldsHint}>
            {t('upload.fieldsHint')}
          </p>
        </div>
      </details>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('upload.save')}
        </button>
        <button type="button" className="button" onClick={() => void onTest()} disabled={probe === 'testing'}>
          {t('upload.test')}
        </button>
        <span role="status">{saved ? t('upload.saved') : probe === 'testing' ? t('upload.testing') : ''}</span>
      </div>
      {probe && probe !== 'testing' && (
        <p className={probe.result === 'reachable' ? 'settings-ok' : 'settings-error'} role="status" data-probe={probe.result}>
          {t(`upload.result.${probe.result}`, { status: probe.status ?? '' })}
        </p>
      )}
    </form>
  );
}
