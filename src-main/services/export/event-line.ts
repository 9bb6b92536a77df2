/**
 * The event as the readable formats say it, in the article's language: its title, when (the
 * newsroom's way, "08:00–11:30, 13/01/2022"), where (the dateline's name of the place, and the
 * venue) and who organised it. The HTML, the text and the script each write these parts on one
 * line; empty parts are left out.
 */
import type { TFunction } from 'i18next';
import { eventWhen } from '../../../src-shared/event-dates';
import { datelineName } from '../../../src-shared/places';
import type { ExportSource } from './source';

export function eventParts(src: ExportSource, t: TFunction): string[] {
  const { event, language: lng } = src;
  const when = eventWhen(event);
  const place = [event.venue, datelineName(event.place, event.start)].filter(Boolean).join(', ');
  const organisers = event.organisers.map((o) => o.name).filter(Boolean);
  return [
    event.title ? t('export:event', { lng, title: event.title }) : '',
    when ? t('export:eventWhen', { lng, when }) : '',
    place ? t('export:place', { lng, place }) : '',
    organisers.length ? t('export:organisers', { lng, names: organisers.join(', ') }) : '',
  ].filter(Boolean);
}
