/**
 * The article's photos: drop photos from the camera card anywhere on the panel or choose them
 * with the dialog; each is checked and stored by main (thumbnail, EXIF) and appears as a card
 * to caption. Imports run one file at a time in the background — typing goes on meanwhile —
 * and each refused file says why, in the interface language, without touching the others.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { movePhoto } from '../../../src-shared/article-photos';
import { toErrorPayload, type ErrorPayload } from '../../../src-shared/errors';
import type { Language } from '../../../src-shared/models';
import { USER_ORIGIN } from '../article/origins';
import { importPhotos, PHOTO_ACCEPT } from './import-photos';
import { DRAG_TYPE, PhotoCard } from './PhotoCard';
import { StripGpsOption } from './StripGpsOption';
import { usePhotos } from './usePhotos';
import './photos.css';

interface Failure {
  readonly key: number;
  readonly error: ErrorPayload;
}

export function PhotosPanel({ doc, articleId, language, undoManager }: { readonly doc: Y.Doc; readonly articleId: string; readonly language: Language; readonly undoManager?: Y.UndoManager }) {
  const { t } = useTranslation('photos');
  const { t: te } = useTranslation('errors');
  const list = usePhotos(doc);
  const titleId = useId();
  const radioGroup = useId();
  const input = useRef<HTMLInputElement>(null);
  const attachTo = useRef<number | undefined>(undefined);
  const [queue, setQueue] = useState<{ done: number; total: number; current: string | null }>({ done: 0, total: 0, current: null });
  const [failures, setFailures] = useState<readonly Failure[]>([]);
  const [dragging, setDragging] = useState(false);
  const running = useRef<Promise<void>>(Promise.resolve());

  const start = (files: readonly File[], into?: number) => {
    if (files.length === 0) return;
    setQueue((q) => ({ ...q, total: q.total + files.length }));
    // Batches dropped while another runs wait their turn: one photo at a time.
    running.current = running.current.then(() =>
      importPhotos(
        articleId,
        files,
        {
          onStart: (name) => setQueue((q) => ({ ...q, current: name })),
          onDone: () => setQueue((q) => ({ ...q, done: q.done + 1 })),
          onError: (_name, err) => {
            setQueue((q) => ({ ...q, done: q.done + 1 }));
            setFailures((f) => [...f, { key: Date.now() + Math.random(), error: toErrorPayload(err) }]);
          },
        },
        into,
      ).finally(() => setQueue((q) => (q.done >= q.total ? { done: 0, total: 0, current: null } : q))),
    );
  };

  const onDrop = (e: DragEvent) => {
    setDragging(false);
    if (e.dataTransfer.types.includes(DRAG_TYPE) || e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    start([...e.dataTransfer.files]);
  };
  const move = (from: number, to: number) => doc.transact(() => movePhoto(doc, from, to), USER_ORIGIN);
  const choose = (into?: number) => {
    attachTo.current = into;
    input.current?.click();
  };
  const busy = queue.total > 0;

  return (
    <section
      className={`photos-panel${dragging ? ' photos-panel--drop' : ''}`}
      aria-labelledby={titleId}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
    >
      <div className="photos-panel__head">
        <h2 className="side-title" id={titleId}>
          {t('title', { n: list.length })}
        </h2>
        <button type="button" className="button button--small" onClick={() => choose()}>
          {t('add')}
        </button>
      </div>
      <p className="field__hint">{t('dropHint')}</p>
      <input
        ref={input}
        type="file"
        accept={PHOTO_ACCEPT}
        multiple
        hidden
        aria-label={t('add')}
        data-testid="photo-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          start(files, attachTo.current);
          attachTo.current = undefined;
        }}
      />
      <p className="photos-panel__status" role="status">
        {busy ? t('importing', { current: queue.current ?? '', done: queue.done, total: queue.total }) : ''}
      </p>
      {failures.length > 0 && (
        <div className="banner banner--error photos-panel__errors" role="alert">
          <ul>
            {failures.map((f) => (
              <li key={f.key}>{te(f.error.code, { ...f.error.params })}</li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={() => setFailures([])}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {list.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ol className="photo-list">
          {list.map((entry, index) => (
            <PhotoCard key={`${entry.id ?? 'planned'}-${index}`} doc={doc} entry={entry} index={index} count={list.length} language={language} radioGroup={radioGroup} onMove={move} onAttach={choose} undoManager={undoManager} />
          ))}
        </ol>
      )}
      {list.some((p) => p.gps) && <StripGpsOption />}
    </section>
  );
}
