/**
 * The article's event, in the side column: what it was, when (with its time zone), where
 * (venue, and the place from the gazetteer), who organised it and who took part (completed
 * from the glossary, which learns what is entered here), its IPTC topics and keywords.
 *
 * Every edit is a transaction on the article's replica with the page's origin, so it is sent
 * to main and Ctrl+Z takes it back like any other change in the article.
 */
import { useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addOrganiser,
  addParticipant,
  DEFAULT_TIME_ZONE,
  EVENT_TYPES,
  isLocalDateTime,
  parseKeywords,
  removeOrganiser,
  removeParticipant,
  setEventText,
  setEventTimes,
  setEventType,
  setKeywords,
  setOrganiser,
  setTopic,
  updateParticipant,
  type EventType,
  type Participant,
} from '../../../src-shared/article-event';
import type { Language } from '../../../src-shared/models';
import { MEDIA_TOPICS } from '../../../src-shared/media-topics';
import { currentLanguage } from '../../app/i18n';
import { NfcField } from '../../shared/NfcField';
import { routeUndoKeys } from '../editor/undo';
import { GlossaryField } from './GlossaryField';
import { PlacePicker } from './PlacePicker';
import { editEvent, useEvent } from './useEvent';
import { learn } from './useGlossary';
import './event.css';

/** Zones offered besides the event's own: Vietnam's first, then where Vietnamese newsrooms often report from. */
export const TIME_ZONES = [
  DEFAULT_TIME_ZONE,
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
] as const;

/** What a datetime-local input can show: "2025-06-20T08:00" (a date alone shows as nothing). */
const inputValue = (v: string): string => (/T\d\d:\d\d/.test(v) ? v.slice(0, 16) : '');

function leftGroup(e: FocusEvent<HTMLElement>): boolean {
  const next = e.relatedTarget as Node | null;
  return !next || !e.currentTarget.contains(next);
}

export interface EventPanelProps {
  readonly doc: Y.Doc;
  readonly articleId: string;
  readonly language: Language;
  /**
   * The article page's undo history: given, Ctrl+Z / Ctrl+Y in the panel's fields go to it (as
   * in the headline and lead) instead of the browser's own undo of one input.
   */
  readonly undoManager?: Y.UndoManager;
}

export function EventPanel({ doc, articleId, language, undoManager }: EventPanelProps) {
  const { t } = useTranslation('event');
  const event = useEvent(doc);
  const base = useId();
  const ids = { title: `${base}-title`, heading: `${base}-heading`, type: `${base}-type`, start: `${base}-start`, end: `${base}-end`, zone: `${base}-zone`, venue: `${base}-venue`, topics: `${base}-topics`, keywords: `${base}-keywords`, keywordsHint: `${base}-kwhint` };
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const uiLanguage = currentLanguage();
  // What the glossary was last told of each organiser and participant (what the page opened
  // with counts as told): leaving an unchanged row teaches nothing, so uses count real entries.
  const told = useRef<Map<string, string> | null>(null);
  told.current ??= new Map([...event.organisers.map((o) => [o.id, o.name] as const), ...event.participants.map((p) => [p.id, JSON.stringify(p)] as const)]);
  const tell = (id: string, value: string, teach: () => void) => {
    if (told.current?.get(id) === value) return;
    told.current?.set(id, value);
    teach();
  };

  useEffect(() => {
    if (!focusNext) return;
    panel.current?.querySelector<HTMLInputElement>(`#${CSS.escape(focusNext)}`)?.focus();
    setFocusNext(null);
  }, [focusNext, event]);

  const times = (patch: { start?: string; end?: string; timeZone?: string }) => {
    const ok = Object.entries(patch).every(([k, v]) => (k === 'timeZone' ? true : v === '' || isLocalDateTime(v)));
    if (ok) editEvent(doc, (d) => setEventTimes(d, patch));
  };
  const zones = (TIME_ZONES as readonly string[]).includes(event.timeZone) ? TIME_ZONES : [event.timeZone, ...TIME_ZONES];
  const endBeforeStart = !!event.start && !!event.end && event.end < event.start;
  const personId = (p: Participant) => `${base}-person-${p.id}`;

  return (
    <section
      className="event"
      aria-labelledby={ids.heading}
      ref={panel}
      data-article={articleId}
      onKeyDown={(e) => void routeUndoKeys(e, undoManager)}
    >
      <h2 className="side-title" id={ids.heading}>
        {t('title')}
      </h2>
      <p className="field__hint">{t('hint')}</p>

      <div className="field">
        <label className="field__label" htmlFor={ids.title}>
          {t('eventTitle')}
        </label>
        <NfcField id={ids.title} className="input" value={event.title} lang={language} onText={(v) => editEvent(doc, (d) => setEventText(d, 'title', v))} onBlur={() => editEvent(doc, (d) => setEventText(d, 'title', event.title.trim()))} autoComplete="off" />
      </div>

      <div className="field">
        <label className="field__label" htmlFor={ids.type}>
          {t('type')}
        </label>
        <select id={ids.type} className="input" value={event.type ?? ''} onChange={(e) => editEvent(doc, (d) => setEventType(d, (e.target.value || null) as EventType | null))}>
          <option value="">{t('typeNone')}</option>
          {EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="event__times">
        <div className="field">
          <label className="field__label" htmlFor={ids.start}>
            {t('start')}
          </label>
          <input id={ids.start} className="input" type="datetime-local" value={inputValue(event.start)} onChange={(e) => times({ start: e.target.value })} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.end}>
            {t('end')}
          </label>
          <input id={ids.end} className="input" type="datetime-local" value={inputValue(event.end)} min={inputValue(event.start) || undefined} onChange={(e) => times({ end: e.target.value })} aria-invalid={endBeforeStart} />
        </div>
      </div>
      {endBeforeStart && (
        <p className="field__hint event__warning" role="alert">
          {t('endBeforeStart')}
        </p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={ids.zone}>
          {t('timeZone')}
        </label>
        <select id={ids.zone} className="input" value={event.timeZone} onChange={(e) => times({ timeZone: e.target.value })}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label className="field__label" htmlFor={ids.venue}>
          {t('venue')}
        </label>
        <NfcField id={ids.venue} className="input" value={event.venue} lang={language} placeholder={t('venueHint')} onText={(v) => editEvent(doc, (d) => setEventText(d, 'venue', v))} onBlur={() => editEvent(doc, (d) => setEventText(d, 'venue', event.venue.trim()))} autoComplete="off" />
      </div>

      <PlacePicker doc={doc} place={event.place} start={event.start} />

      <fieldset className="event__group">
        <legend className="field__label">{t('organisers')}</legend>
        {event.organisers.map((o, i) => (
          <div className="event__row" key={o.id}>
            <GlossaryField
              id={`${base}-org-${o.id}`}
              kind="organisation"
              value={o.name}
              lang={language}
              aria-label={t('organiserName', { n: i + 1 })}
              onText={(v) => editEvent(doc, (d) => setOrganiser(d, o.id, v))}
              onPickEntry={(entry) => editEvent(doc, (d) => setOrganiser(d, o.id, entry.name))}
              onBlur={(e) => {
                if (leftGroup(e)) tell(o.id, o.name, () => learn([], [o.name]));
              }}
            />
            <button type="button" className="button button--small button--quiet" aria-label={t('removeNamed', { name: o.name || t('organiserName', { n: i + 1 }) })} onClick={() => editEvent(doc, (d) => removeOrganiser(d, o.id))}>
              {t('remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            let id = '';
            editEvent(doc, (d) => void (id = addOrganiser(d, '')));
            setFocusNext(`${base}-org-${id}`);
          }}
        >
          {t('organiserAdd')}
        </button>
      </fieldset>

      <fieldset className="event__group">
        <legend className="field__label">{t('participants')}</legend>
        {event.participants.map((p, i) => (
          <fieldset
            className="event__participant"
            key={p.id}
            onBlur={(e) => {
              if (leftGroup(e)) tell(p.id, JSON.stringify(p), () => learn([{ name: p.person, title: p.title, organisation: p.organisation }], []));
            }}
          >
            <legend className="sr-only">{t('participantLabel', { n: i + 1 })}</legend>
            <GlossaryField
              id={personId(p)}
              kind="person"
              value={p.person}
              lang={language}
              aria-label={`${t('person')} (${t('participantLabel', { n: i + 1 })})`}
              placeholder={t('person')}
              onText={(v) => editEvent(doc, (d) => updateParticipant(d, p.id, { person: v }))}
              onPickEntry={(entry) =>
                editEvent(doc, (d) =>
                  updateParticipant(d, p.id, { person: entry.name, ...(entry.title ? { title: entry.title } : {}), ...(entry.organisation ? { organisation: entry.organisation } : {}) }),
                )
              }
            />
            <NfcField
              className="input"
              value={p.title}
              lang={language}
              aria-label={`${t('personTitle')} (${t('participantLabel', { n: i + 1 })})`}
              placeholder={t('personTitle')}
              onText={(v) => editEvent(doc, (d) => updateParticipant(d, p.id, { title: v }))}
              autoComplete="off"
            />
            <GlossaryField
              id={`${base}-porg-${p.id}`}
              kind="organisation"
              value={p.organisation}
              lang={language}
              aria-label={`${t('organisation')} (${t('participantLabel', { n: i + 1 })})`}
              placeholder={t('organisation')}
              onText={(v) => editEvent(doc, (d) => updateParticipant(d, p.id, { organisation: v }))}
              onPickEntry={(entry) => editEvent(doc, (d) => updateParticipant(d, p.id, { organisation: entry.name }))}
            />
            <button type="button" className="button button--small button--quiet" aria-label={t('removeNamed', { name: p.person || t('participantLabel', { n: i + 1 }) })} onClick={() => editEvent(doc, (d) => removeParticipant(d, p.id))}>
              {t('remove')}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            let id = '';
            editEvent(doc, (d) => void (id = addParticipant(d)));
            setFocusNext(`${base}-person-${id}`);
          }}
        >
          {t('participantAdd')}
        </button>
      </fieldset>

      <details className="event__topics">
        <summary className="field__label" id={ids.topics}>
          {t('topics')}
          {event.topics.length > 0 && ` (${event.topics.length})`}
        </summary>
        <p className="field__hint">{t('topicsHint')}</p>
        <ul className="event__topic-list" aria-labelledby={ids.topics}>
          {MEDIA_TOPICS.map((topic) => (
            <li key={topic.code} className={topic.code === topic.parent ? 'event__topic event__topic--top' : 'event__topic'}>
              <label>
                <input type="checkbox" checked={event.topics.includes(topic.code)} onChange={(e) => editEvent(doc, (d) => setTopic(d, topic.code, e.target.checked))} /> {topic[uiLanguage]}
              </label>
            </li>
          ))}
        </ul>
      </details>

      <KeywordsField doc={doc} keywords={event.keywords} language={language} id={ids.keywords} hintId={ids.keywordsHint} />
    </section>
  );
}

/** Keywords as one line, "a, b, c": edited freely, written to the document when the field is left or Enter pressed. */
function KeywordsField({ doc, keywords, language, id, hintId }: { readonly doc: Y.Doc; readonly keywords: readonly string[]; readonly language: Language; readonly id: string; readonly hintId: string }) {
  const { t } = useTranslation('event');
  const joined = keywords.join(', ');
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    editEvent(doc, (d) => setKeywords(d, parseKeywords(draft)));
    setDraft(null);
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('keywords')}
      </label>
      <NfcField
        id={id}
        className="input"
        value={draft ?? joined}
        lang={language}
        aria-describedby={hintId}
        onText={setDraft}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
        autoComplete="off"
      />
      <p className="field__hint" id={hintId}>
        {t('keywordsHint')}
      </p>
    </div>
  );
}
