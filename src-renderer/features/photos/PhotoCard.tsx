/**
 * One photo of the article: its thumbnail and what the file said (date taken, camera, size,
 * GPS), and what the writer gives it — captions in Vietnamese and English, credit, creator,
 * persons shown, place — with the featured choice, its place in the order and in the body.
 * Every change goes to the replica as the writer's own, so it can be undone. Captions, credit,
 * creator and place are registers: each field's edit session runs from its first write to
 * leaving it (article/registers.ts), and a field two desks wrote at once shows their values to
 * choose from (FieldConflict).
 */
import { useEffect, useId, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { LANGUAGES, type Language } from '../../../src-shared/models';
import { captionsOf, entryAt, removePhoto, setCaption, setFeatured, setPersons, setPhotoText, type PhotoEntry, type PhotoTextField } from '../../../src-shared/article-photos';
import { readRegister, resolveRegister, type RegisterState } from '../../../src-shared/register';
import { NfcField } from '../../shared/NfcField';
import { thumbUrl } from '../../shared/photo-thumbs';
import { FieldConflict } from '../article/FieldConflict';
import { USER_ORIGIN } from '../article/origins';
import { useEditSessions } from '../article/edit-sessions';
import { rememberEntry, shownValue } from '../article/registers';
import { insertPhotoInBody } from '../editor/photo-node';
import { useCaptionComments } from '../comments/useCaptionComments';
import { routeUndoKeys } from '../editor/undo';
import { takenAtLabel } from './taken-at';
import { ArrowDownIcon, ArrowUpIcon } from '../../shared/icons';

export const DRAG_TYPE = 'application/x-bantin-photo';

const NO_VALUE: RegisterState = { value: '', since: '', candidates: [], conflict: false };

export interface PhotoCardProps {
  readonly doc: Y.Doc;
  readonly entry: PhotoEntry;
  readonly index: number;
  readonly count: number;
  readonly language: Language;
  readonly radioGroup: string;
  readonly onMove: (from: number, to: number) => void;
  readonly onAttach: (index: number) => void;
  /** The article's one undo history: Ctrl+Z in a photo's field takes back the writer's last change in the article. */
  readonly undoManager?: Y.UndoManager;
}

function Thumb({ id, label }: { readonly id: string; readonly label: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void thumbUrl(id).then((u) => live && setUrl(u));
    return () => void (live = false);
  }, [id]);
  return url ? <img className="photo-card__img" src={url} alt={label} /> : <div className="photo-card__img photo-card__img--loading" role="img" aria-label={label} />;
}

export function PhotoCard({ doc, entry, index, count, language, radioGroup, onMove, onAttach, undoManager }: PhotoCardProps) {
  const { t } = useTranslation('photos');
  const ids = { vi: useId(), en: useId(), credit: useId(), creator: useId(), persons: useId(), place: useId() };
  const [persons, setPersonsText] = useState(entry.persons.join(', '));
  useCaptionComments(doc, entry.id, ids);
  useEffect(() => setPersonsText(entry.persons.join(', ')), [entry.persons]);
  const mine = (fn: () => void) => doc.transact(fn, USER_ORIGIN);
  const sessions = useEditSessions();
  // Read at each render: the panel renders again on every change of the photos.
  const map = entryAt(doc, index);
  const caps = captionsOf(map);
  /** One typed field: the register `field` of `holder`, its session named `key`, what it shows and its conflict notice. */
  const typed = (holder: Y.Map<unknown> | null, field: string, key: string, write: (value: string) => void) => {
    const state = holder ? readRegister(holder, field) : NO_VALUE;
    return {
      value: shownValue(state, field, sessions.active(key)),
      onText: (value: string) => mine(() => write(value)),
      onBlur: () => sessions.end(key),
      conflict: (label: string, lang?: string) => (
        <FieldConflict
          state={state}
          label={label}
          lang={lang}
          onResolve={(value) => {
            sessions.end(key);
            if (holder) mine(() => rememberEntry(resolveRegister(holder, field, value, sessions.by)));
          }}
        />
      ),
    };
  };
  const text = (field: PhotoTextField) => typed(map, field, field, (value) => setPhotoText(doc, index, field, value, sessions.of(field)));
  const captionField = (lang: Language) => typed(caps, lang, `caption-${lang}`, (value) => setCaption(doc, index, lang, value, sessions.of(`caption-${lang}`)));
  const fields = { credit: text('credit'), creator: text('creator'), place: text('place') };
  const number = index + 1;
  const caption = entry.captions[language];

  const onKeyDown = (e: KeyboardEvent) => {
    if (routeUndoKeys(e, undoManager)) return;
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
    if (to >= 0 && to < count) onMove(index, to);
  };
  const onDrop = (e: DragEvent) => {
    const from = Number(e.dataTransfer.getData(DRAG_TYPE));
    if (!e.dataTransfer.types.includes(DRAG_TYPE) || !Number.isInteger(from)) return;
    e.preventDefault();
    e.stopPropagation();
    onMove(from, index);
  };

  return (
    <li
      className="photo-card"
      data-photo={entry.id ?? ''}
      aria-label={t('card.label', { number, caption: caption || t('card.noCaption') })}
      onKeyDown={onKeyDown}
      onDragOver={(e) => e.dataTransfer.types.includes(DRAG_TYPE) && e.preventDefault()}
      onDrop={onDrop}
    >
      <div className="photo-card__media" draggable onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, String(index))} title={t('card.dragHint')}>
        {entry.id ? (
          <Thumb id={entry.id} label={caption || t('card.thumb', { number })} />
        ) : (
          <div className="photo-card__planned">
            <p>{t('card.planned')}</p>
            <button type="button" className="button button--small" onClick={() => onAttach(index)}>
              {t('card.attach')}
            </button>
          </div>
        )}
        <p className="photo-card__facts">
          {[entry.takenAt ? takenAtLabel(entry.takenAt) : null, entry.camera, entry.width ? `${entry.width}×${entry.height}` : null, entry.gps ? t('card.gps') : null].filter(Boolean).join(' · ')}
        </p>
      </div>
      <div className="photo-card__fields">
        {LANGUAGES.map((lang) => {
          const cap = captionField(lang);
          return (
            <div className="field" key={lang}>
              <label className="field__label" htmlFor={ids[lang]}>
                {t(`card.caption.${lang}`)}
                {lang === language && <span className="field__required"> {t('card.required')}</span>}
              </label>
              <NfcField multiline rows={2} id={ids[lang]} className="input" lang={lang} value={cap.value} onText={cap.onText} onBlur={cap.onBlur} aria-required={lang === language} spellCheck />
              {cap.conflict(t(`card.caption.${lang}`), lang)}
            </div>
          );
        })}
        <div className="photo-card__row">
          <div className="field">
            <label className="field__label" htmlFor={ids.credit}>
              {t('card.credit')}
            </label>
            <NfcField id={ids.credit} className="input" value={fields.credit.value} onText={fields.credit.onText} onBlur={fields.credit.onBlur} autoComplete="off" />
            {fields.credit.conflict(t('card.credit'))}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.creator}>
              {t('card.creator')}
            </label>
            <NfcField id={ids.creator} className="input" value={fields.creator.value} onText={fields.creator.onText} onBlur={fields.creator.onBlur} autoComplete="off" />
            {fields.creator.conflict(t('card.creator'))}
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.persons}>
            {t('card.persons')}
          </label>
          <NfcField
            id={ids.persons}
            className="input"
            value={persons}
            onText={setPersonsText}
            onBlur={() => mine(() => setPersons(doc, index, persons.split(/[,;]/)))}
            placeholder={t('card.personsHint')}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.place}>
            {t('card.place')}
          </label>
          <NfcField id={ids.place} className="input" value={fields.place.value} onText={fields.place.onText} onBlur={fields.place.onBlur} autoComplete="off" />
          {fields.place.conflict(t('card.place'))}
        </div>
        <div className="photo-card__actions">
          <label className="photo-card__featured">
            <input type="radio" name={radioGroup} checked={entry.featured} onChange={() => mine(() => setFeatured(doc, index))} />
            {t('card.featured')}
          </label>
          <button type="button" className="button button--small" aria-label={t('card.upLabel', { number })} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            <ArrowUpIcon />
          </button>
          <button type="button" className="button button--small" aria-label={t('card.downLabel', { number })} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
            <ArrowDownIcon />
          </button>
          {entry.id && (
            <button type="button" className="button button--small" onClick={() => entry.id && insertPhotoInBody(entry.id)}>
              {t('card.inline')}
            </button>
          )}
          <button type="button" className="button button--small button--quiet" onClick={() => mine(() => removePhoto(doc, index))}>
            {t('card.remove')}
          </button>
        </div>
      </div>
    </li>
  );
}
