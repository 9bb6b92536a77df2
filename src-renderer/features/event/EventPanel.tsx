/**
 * The article's event, in the side column: what it was, when (with its time zone), where
 * (venue, and the place from the gazetteer), who organised it and who took part (completed
 * from the glossary, which learns what is entered here), its IPTC topics and keywords.
 *
 * Every edit is a transaction on the article's replica with the page's origin, so it is sent
 * to main and Ctrl+Z takes it back like any other change in the article. The texts a person
 * types (title, venue, names, a participant's title and organisation) are registers: each
 * field's edit session runs from its first write to leaving it (article/registers.ts), and a
 * field two desks wrote at once shows their values to choose from (FieldConflict).
 */
import { useEffect, useId, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addOrganiser,
  addParticipant,
  DEFAULT_TIME_ZONE,
  eventMap,
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
  organiserMap,
  participantMap,
  setTopic,
  updateParticipant,
  type EventTextField,
  type EventType,
  type Participant,
  type ParticipantField,
} from '../../../src-shared/article-event';
import type { Language } from '../../../src-shared/models';
import { MEDIA_TOPICS } from '../../../src-shared/media-topics';
import { ownCandidate, readRegister, resolveRegister, type EditSession, type RegisterState } from '../../../src-shared/register';
import { currentLanguage } from '../../app/i18n';
import { DateTimeInput } from '../../shared/DateTimeInput';
import { NfcField } from '../../shared/NfcField';
import { routeUndoKeys } from '../editor/undo';
import { FieldConflict } from '../article/FieldConflict';
import { useEditSessions } from '../article/edit-sessions';
import { rememberEntry, shownValue } from '../article/registers';
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

const NO_VALUE: RegisterState = { value: '', since: '', candidates: [], conflict: false };

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
  const ids = { title: `${base}-title`, heading: `${base}-heading`, type: `${base}-type`, endWarning: `${base}-end-warning`, zone: `${base}-zone`, venue: `${base}-venue`, topics: `${base}-topics`, keywords: `${base}-keywords`, keywordsHint: `${base}-kwhint` };
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const uiLanguage = currentLanguage();
  const sessions = useEditSessions();
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

  /**
   * One typed field of the event: the register in `map` under `field`, edited in the session
   * named `key`. Read at each render: the panel renders again on every change of the event.
   */
  const typed = (map: Y.Map<unknown> | null, field: string, key: string) => {
    const state = map ? readRegister(map, field) : NO_VALUE;
    const session = (): EditSession => sessions.of(key);
    return {
      state,
      value: shownValue(state, field, sessions.active(key)),
      session,
      /** The field was left: its text trimmed (in the same session, only if it wrote), and the session ends. */
      leave(write: (text: string, s: EditSession) => void) {
        const s = sessions.active(key);
        const own = s && map ? ownCandidate(map, field, s) : null;
        if (s && own && own.value !== own.value.trim()) editEvent(doc, () => write(own.value.trim(), s));
        sessions.end(key);
      },
      conflict(label: string): ReactNode {
        return (
          <FieldConflict
            state={state}
            label={label}
            lang={language}
            onResolve={(value) => {
              sessions.end(key);
              if (map) editEvent(doc, () => rememberEntry(resolveRegister(map, field, value, sessions.by)));
            }}
          />
        );
      },
    };
  };
  const eventText = (field: EventTextField) => typed(eventMap(doc), field, field);
  const title = eventText('title');
  const venue = eventText('venue');
  const participantText = (p: Participant, field: ParticipantField) => typed(participantMap(doc, p.id), field, `${field}:${p.id}`);

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
        <NfcField
          id={ids.title}
          className="input"
          value={title.value}
          lang={language}
          onText={(v) => editEvent(doc, (d) => setEventText(d, 'title', v, title.session()))}
          onBlur={() => title.leave((v, s) => setEventText(doc, 'title', v, s))}
          autoComplete="off"
        />
        {title.conflict(t('eventTitle'))}
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

      <DateTimeInput label={t('start')} value={event.start} timeZone={event.timeZone} onCommit={(start) => times({ start })} />
      <DateTimeInput label={t('end')} value={event.end} timeZone={event.timeZone} hint="hidden" onCommit={(end) => times({ end })} invalid={endBeforeStart} describedBy={endBeforeStart ? ids.endWarning : undefined} />
      {endBeforeStart && (
        <p className="field__hint event__warning" id={ids.endWarning} role="alert">
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
        <NfcField
          id={ids.venue}
          className="input"
          value={venue.value}
          lang={language}
          placeholder={t('venueHint')}
          onText={(v) => editEvent(doc, (d) => setEventText(d, 'venue', v, venue.session()))}
          onBlur={() => venue.leave((v, s) => setEventText(doc, 'venue', v, s))}
          autoComplete="off"
        />
        {venue.conflict(t('venue'))}
      </div>

      <PlacePicker doc={doc} place={event.place} start={event.start} />

      <fieldset className="event__group">
        <legend className="field__label">{t('organisers')}</legend>
        {event.organisers.map((o, i) => {
          const name = typed(organiserMap(doc, o.id), 'name', `organiser:${o.id}`);
          return (
            <div key={o.id}>
              <div className="event__row">
                <GlossaryField
                  id={`${base}-org-${o.id}`}
                  kind="organisation"
                  value={name.value}
                  lang={language}
                  aria-label={t('organiserName', { n: i + 1 })}
                  onText={(v) => editEvent(doc, (d) => setOrganiser(d, o.id, v, name.session()))}
                  onPickEntry={(entry) => editEvent(doc, (d) => setOrganiser(d, o.id, entry.name, name.session()))}
                  onBlur={(e) => {
                    name.leave((v, s) => setOrganiser(doc, o.id, v, s));
                    if (leftGroup(e)) tell(o.id, o.name, () => learn([], [o.name]));
                  }}
                />
                <button type="button" className="button button--small button--quiet" aria-label={t('removeNamed', { name: o.name || t('organiserName', { n: i + 1 }) })} onClick={() => editEvent(doc, (d) => removeOrganiser(d, o.id))}>
                  {t('remove')}
                </button>
              </div>
              {name.conflict(t('organiserName', { n: i + 1 }))}
            </div>
          );
        })}
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
        {event.participants.map((p, i) => {
          const person = participantText(p, 'person');
          const ptitle = participantText(p, 'title');
          const porg = participantText(p, 'organisation');
          const label = (field: string) => `${field} (${t('participantLabel', { n: i + 1 })})`;
          return (
            <fieldset
              className="event__participant"
              key={p.id}
              onBlur={(e) => {
                if (leftGroup(e)) tell(p.id, JSON.stringify(p), () => learn([{ name: p.person, title: p.title, organisation: p.organisation }], []));
              }}
            >
              <legend className="sr-only">{t('participantLabel', { n: i + 1 })}</legend>
              {/* Visible labels, not placeholders: a placeholder is gone once the field holds text. */}
              <label className="field__label event__participant-label" htmlFor={personId(p)}>
                {t('person')}
              </label>
              <GlossaryField
                id={personId(p)}
                kind="person"
                value={person.value}
                lang={language}
                aria-label={label(t('person'))}
                onText={(v) => editEvent(doc, (d) => updateParticipant(d, p.id, { person: v }, person.session()))}
                onPickEntry={(entry) =>
                  editEvent(doc, (d) =>
                    updateParticipant(d, p.id, { person: entry.name, ...(entry.title ? { title: entry.title } : {}), ...(entry.organisation ? { organisation: entry.organisation } : {}) }, person.session()),
                  )
                }
                onBlur={() => person.leave((v, s) => updateParticipant(doc, p.id, { person: v }, s))}
              />
              {person.conflict(label(t('person')))}
              <label className="field__label event__participant-label" htmlFor={`${base}-ptitle-${p.id}`}>
                {t('personTitle')}
              </label>
              <NfcField
                id={`${base}-ptitle-${p.id}`}
                className="input"
                value={ptitle.value}
                lang={language}
                aria-label={label(t('personTitle'))}
                onText={(v) => editEvent(doc, (d) => updateParticipant(d, p.id, { title: v }, ptitle.session()))}
                onBlur={() => ptitle.leave((v, s) => updateParticipant(doc, p.id, { title: v }, s))}
                autoComplete="off"
              />
              {ptitle.conflict(label(t('personTitle')))}
              <label className="field__label event__participant-label" htmlFor={`${base}-porg-${p.id}`}>
                {t('organisation')}
              </label>
              <GlossaryField
                id={`${base}-porg-${p.id}`}
                kind="organisation"
                value={porg.value}
                lang={language}
                aria-label={label(t('organisation'))}
                onText={(v) => editEvent(doc, (d) => updateParticipant(d, p.id, { organisation: v }, porg.session()))}
                onPickEntry={(entry) => editEvent(doc, (d) => updateParticipant(d, p.id, { organisation: entry.name }, porg.session()))}
                onBlur={() => porg.leave((v, s) => updateParticipant(doc, p.id, { organisation: v }, s))}
              />
              {porg.conflict(label(t('organisation')))}
              <button type="button" className="button button--small button--quiet" aria-label={t('removeNamed', { name: p.person || t('participantLabel', { n: i + 1 }) })} onClick={() => editEvent(doc, (d) => removeParticipant(d, p.id))}>
                {t('remove')}
              </button>
            </fieldset>
          );
        })}
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
        <summary className="field__label event__topics-toggle" id={ids.topics}>
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
