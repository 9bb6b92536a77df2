/** A password made for a user, shown once: copy it, hand it over, it is not shown again. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ShownOnce({ name, password, onDone }: { readonly name: string; readonly password: string; readonly onDone: () => void }) {
  const { t } = useTranslation('sync');
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const copy = () => {
    navigator.clipboard.writeText(password).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="banner banner--warning accounts__once" role="alert" tabIndex={-1} ref={box} aria-labelledby="accounts-once-title">
      <p className="banner__text" id="accounts-once-title">
        <strong>{t('accounts.once.title', { name })}</strong>
      </p>
      <p className="accounts__password">
        <code data-testid="shown-password">{password}</code>
        <button type="button" className="button button--small" onClick={copy}>
          {copied ? t('accounts.once.copied') : t('accounts.once.copy')}
        </button>
      </p>
      <p className="banner__text">{t('accounts.once.warning')}</p>
      <button type="button" className="button button--small" onClick={onDone}>
        {t('accounts.once.done')}
      </button>
    </div>
  );
}
