/**
 * Where packages are sent: the newsroom's upload address, the form field for the ZIP, extra
 * fields, and the login (Basic) or token (Bearer). The password or token is sent to main and
 * never shown again; leaving it empty keeps the stored one.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadAuthKind, UploadConfig } from '../../../src-shared/outbox';
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

export function UploadSettings() {
  const { t } = useTranslation('outbox');
  const act = useAction();
  const id = useId();
  const [config, setConfig] = useState<UploadConfig | null | undefined>(undefined);
  const [form, setForm] = useState({ url: '', fileField: 'file', fields: '', auth: 'none' as UploadAuthKind, username: '', secret: '' });
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void desk.outbox.config({}).then((c) => {
      setConfig(c);
      if (c) setForm({ url: c.url, fileField: c.fileField, fields: fieldsText(c.fields), auth: c.auth, username: c.username, secret: '' });
    });
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next = await act(() =>
      desk.outbox.setConfig({
        config: { url: form.url.trim(), fileField: form.fileField.trim() || 'file', fields: parseFields(form.fields), auth: form.auth, username: form.username, ...(form.secret ? { secret: form.secret } : {}) },
      }),
    );
    if (next !== undefined) {
      setConfig(next);
      setForm((f) => ({ ...f, secret: '' }));
      setSaved(true);
    }
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };

  if (config === undefined) return null;
  return (
    <form className="upload-settings" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-title`}>
      <h2 className="side-title" id={`${id}-title`}>
        {t('settings.title')}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-url`}>
          {t('settings.url')}
        </label>
        <input id={`${id}-url`} className="input" type="url" required placeholder="https://cms.example/upload" value={form.url} onChange={set('url')} autoComplete="off" />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-field`}>
          {t('settings.fileField')}
        </label>
        <input id={`${id}-field`} className="input" value={form.fileField} onChange={set('fileField')} autoComplete="off" />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-fields`}>
          {t('settings.fields')}
        </label>
        <textarea id={`${id}-fields`} className="input" rows={3} value={form.fields} onChange={set('fields')} aria-describedby={`${id}-fields-hint`} />
        <p className="field__hint" id={`${id}-fields-hint`}>
          {t('settings.fieldsHint')}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-auth`}>
          {t('settings.auth')}
        </label>
        <select id={`${id}-auth`} className="input" value={form.auth} onChange={set('auth')}>
          <option value="none">{t('settings.authNone')}</option>
          <option value="basic">{t('settings.authBasic')}</option>
          <option value="bearer">{t('settings.authBearer')}</option>
        </select>
      </div>
      {form.auth === 'basic' && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-user`}>
            {t('settings.username')}
          </label>
          <input id={`${id}-user`} className="input" value={form.username} onChange={set('username')} autoComplete="username" />
        </div>
      )}
      {form.auth !== 'none' && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-secret`}>
            {form.auth === 'basic' ? t('settings.password') : t('settings.token')}
          </label>
          <input id={`${id}-secret`} className="input" type="password" value={form.secret} onChange={set('secret')} autoComplete="new-password" placeholder={config?.hasSecret ? t('settings.secretKept') : ''} />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('settings.save')}
        </button>
        <span role="status">{saved ? t('settings.saved') : ''}</span>
      </div>
    </form>
  );
}
