/**
 * What the desk had to repair and the user should know (a damaged file set aside and
 * recovered, an index rebuilt): the notices present at start (`app:info`) and those that
 * arrive later (`desk:notice`), each translated from `notices:<code>` and dismissible.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever, type Notice, type NoticeCode } from '../../src-shared/errors';
import { desk } from '../platform/api';

type Severity = 'info' | 'warning';

export function severityOf(code: NoticeCode): Severity {
  switch (code) {
    case 'restoredFromBackup':
    case 'restoredMissing':
    case 'indexRebuilt':
    case 'articleRestoredFromBackup':
      return 'info';
    case 'resetNoBackup':
    case 'articleUnreadable':
    case 'openedReadOnly':
    case 'openedReadOnlyDiskFull':
      return 'warning';
    default:
      return assertNever(code);
  }
}

/** Notice parameters as i18next interpolation values. */
function values(n: Notice): Record<string, string | number> {
  return { ...n.params };
}

function keyOf(n: Notice): string {
  return `${n.code}|${n.at}|${JSON.stringify(n.params)}`;
}

export function Notices({ initial }: { readonly initial: readonly Notice[] }) {
  const { t } = useTranslation(['common', 'notices']);
  const [notices, setNotices] = useState<readonly Notice[]>(initial);
  useEffect(
    () =>
      desk.on['desk:notice']((n) =>
        setNotices((list) => (list.some((x) => keyOf(x) === keyOf(n)) ? list : [...list, n])),
      ),
    [],
  );
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.region')}>
      {notices.map((n) => {
        const severity = severityOf(n.code);
        return (
          <div key={keyOf(n)} className={`banner banner--${severity}`} role={severity === 'warning' ? 'alert' : 'status'}>
            <p className="banner__text">{t(`notices:${n.code}`, values(n))}</p>
            <button type="button" className="button button--quiet" onClick={() => setNotices((list) => list.filter((x) => keyOf(x) !== keyOf(n)))}>
              {t('notices.dismiss')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
