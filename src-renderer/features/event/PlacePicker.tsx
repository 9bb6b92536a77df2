/**
 * The event's place, picked from the gazetteer: today's communes and provinces, and the names
 * they had before 1 July 2025 ("ha giang" offers "Tỉnh Hà Giang (tỉnh cũ) → Tuyên Quang").
 * Picked through a former name, the place keeps it, and an event before the reform may use it
 * for its dateline.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { setEventPlace } from '../../../src-shared/article-event';
import { datelineName, usesFormerName, type EventPlace, type PlaceMatch } from '../../../src-shared/places';
import { useAction } from '../../app/errors';
import { desk } from '../../platform/api';
import { Combobox } from './Combobox';
import { placeText } from './place-text';
import { editEvent } from './useEvent';

export const PLACE_SEARCH_DELAY_MS = 150;
/** What place:search takes (longer names do not exist). */
const PLACE_QUERY_MAX = 200;

export function PlacePicker({ doc, place, start }: { readonly doc: Y.Doc; readonly place: EventPlace | null; readonly start: string }) {
  const { t } = useTranslation('event');
  const run = useAction();
  const ids = { field: useId(), hint: useId(), status: useId() };
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<readonly PlaceMatch[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setMatches([]);
      setSearching(false);
      return;
    }
    let stale = false;
    setSearching(true);
    const timer = setTimeout(() => {
      void run(() => desk.place.search({ query: q, limit: 12 })).then((found) => {
        if (stale) return;
        setSearching(false);
        setMatches(found ?? []);
      });
    }, PLACE_SEARCH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, run]);

  const pick = (i: number) => {
    const m = matches[i];
    if (!m) return;
    editEvent(doc, (d) => setEventPlace(d, { unit: m.unit, former: m.former }));
    setQuery('');
    setMatches([]);
  };

  const status = !query.trim() ? '' : searching ? t('place.searching') : matches.length === 0 ? t('place.none') : t('place.results', { n: matches.length });

  return (
    <div className="field">
      <label className="field__label" htmlFor={ids.field}>
        {t('place.label')}
      </label>
      {place && (
        <div className="event-place">
          <p className="event-place__chosen">{t('place.chosen', { place: placeText(place, t) })}</p>
          <p className="field__hint">{usesFormerName(place, start) ? t('place.datelineFormer', { name: datelineName(place, start) }) : t('place.dateline', { name: datelineName(place, start) })}</p>
          <button type="button" className="button button--small button--quiet" onClick={() => editEvent(doc, (d) => setEventPlace(d, null))}>
            {t('place.clear')}
          </button>
        </div>
      )}
      <Combobox
        id={ids.field}
        value={query}
        onText={(text) => setQuery(text.slice(0, PLACE_QUERY_MAX))}
        options={matches.map((m, i) => ({ key: `${i}:${m.unit.code}:${m.former?.name ?? ''}:${m.former?.district ?? ''}`, label: placeText(m, t) }))}
        onPick={pick}
        listLabel={t('place.label')}
        aria-describedby={`${ids.hint} ${ids.status}`}
        spellCheck={false}
      />
      <p className="field__hint" id={ids.hint}>
        {t('place.hint')}
      </p>
      <p className="sr-only" id={ids.status} role="status">
        {status}
      </p>
    </div>
  );
}
