/**
 * The article's version history, in the inspector's History tab: save a version now, the list
 * of versions, and for the chosen one its restore button (the confirmation opens in its place)
 * above what changed between it and now; restoring is a change that Ctrl+Z undoes. Versions
 * are listed while the tab is shown.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';
import { formatTime } from '../../shared/format';
import { DiffView } from './DiffView';
import { restoreVersion } from './restore-version';
import { useVersionDiff } from './useVersionDiff';
import { onShowVersion } from './version-request';
import { useVersions } from './useVersions';
import { VersionList } from './VersionList';
import { versionTimes } from './version-times';
import './history.css';

type Message = { readonly key: 'saved' | 'restored'; readonly time: string } | null;

export function HistoryPanel({ articleId, doc, undoManager, shown }: { readonly articleId: string; readonly doc: Y.Doc; readonly undoManager?: Y.UndoManager; readonly shown: boolean }) {
  const { t } = useTranslation('history');
  const run = useAction();
  const ids = { title: useId(), confirmTitle: useId(), confirmText: useId() };
  const open = shown;
  const { items, refresh } = useVersions(articleId, open);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const diff = useVersionDiff(articleId, doc, open ? selected : null);
  const chosen = items?.find((i) => i.version === selected) ?? null;
  // The chosen version's time as the list reads it (with seconds when it shares its minute).
  const chosenTime = items && chosen ? (versionTimes(items.map((i) => i.createdAt))[items.indexOf(chosen)] ?? '') : '';
  const confirmButton = useRef<HTMLButtonElement>(null);
  const chosenView = useRef<HTMLDivElement>(null);
  /** A version asked for from elsewhere on the page (the merge notice), to bring into view once shown. */
  const [asked, setAsked] = useState<string | null>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  useEffect(
    () =>
      onShowVersion(articleId, (version) => {
        setSelected(version);
        setConfirming(false);
        setAsked(version);
      }),
    [articleId],
  );

  useEffect(() => {
    if (!asked || chosen?.version !== asked) return;
    chosenView.current?.scrollIntoView({ block: 'start' });
    chosenView.current?.focus();
    setAsked(null);
  }, [asked, chosen]);

  const saveNow = async () => {
    setBusy(true);
    const item = await run(() => desk.history.snapshot({ id: articleId, reason: 'manual' }));
    setBusy(false);
    if (!item) return;
    setMessage({ key: 'saved', time: formatTime(item.createdAt) });
    refresh();
  };

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    const done = await run(async () => {
      await restoreVersion(articleId, doc, chosen.version, undoManager);
      return true;
    });
    setBusy(false);
    setConfirming(false);
    if (!done) return;
    setMessage({ key: 'restored', time: chosenTime });
    refresh();
  };

  return (
    <section className="history" aria-labelledby={ids.title}>
      <h2 className="side-title history__title" id={ids.title}>
        {t('title')}
      </h2>
      {open && (
        <>
          <p className="field__hint">{t('hint')}</p>
          <button type="button" className="button" onClick={() => void saveNow()} disabled={busy}>
            {busy && !confirming ? t('savingNow') : t('saveNow')}
          </button>
          <p className="history__message" role="status">
            {message ? t(message.key, { time: message.time }) : ''}
          </p>
          {items === null ? (
            <p className="muted">{t('loading')}</p>
          ) : items.length === 0 ? (
            <p className="muted">{t('empty')}</p>
          ) : (
            <VersionList
              items={items}
              selected={selected}
              onSelect={(version) => {
                setSelected(version);
                setConfirming(false);
              }}
            />
          )}
          {chosen && (
            <div className="history__chosen" ref={chosenView} tabIndex={-1}>
              <h3 className="history__diff-title">{t('diffTitle', { time: chosenTime })}</h3>
              {confirming ? (
                <div className="history__confirm" role="group" aria-labelledby={ids.confirmTitle} aria-describedby={ids.confirmText}>
                  <p className="history__confirm-title" id={ids.confirmTitle}>
                    {t('confirmTitle', { time: chosenTime })}
                  </p>
                  <p id={ids.confirmText}>{t('confirmText')}</p>
                  <div className="history__actions">
                    <button type="button" className="button button--primary" ref={confirmButton} onClick={() => void restore()} disabled={busy}>
                      {t('confirm')}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy}>
                      {t('cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" className="button" onClick={() => setConfirming(true)}>
                  {t('restore')}
                </button>
              )}
              {diff ? <DiffView diff={diff} /> : <p className="muted">{t('diffLoading')}</p>}
            </div>
          )}
        </>
      )}
    </section>
  );
}
