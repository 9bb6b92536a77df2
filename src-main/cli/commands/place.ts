import type { PlaceMatch } from '../../../src-shared/places';
import { formerKindKey, matchParams } from '../../../src-shared/places-format';
import { gazetteer } from '../../services/gazetteer/load';
import { EXIT, type CliIo } from '../io';

export const CLI_PLACE_LIMIT = 20;

/** One line per match, as the place picker reads it: current units, a former name with its current unit. */
export function placeLine(m: PlaceMatch, io: CliIo): string {
  const params = matchParams(m, m.former ? io.t(`event:${formerKindKey(m.former)}`) : '');
  if (m.former?.level === 'district') return io.t('event:place.districtTo', params);
  if (m.former) return io.t('event:place.formerTo', params);
  return m.unit.level === 'province' ? io.t('event:place.province', params) : io.t('event:place.commune', params);
}

/**
 * The gazetteer's answer to `query` (the same search as the desk's place picker): needs no
 * desk folder, so it also runs while a desk is open.
 */
export async function place(query: string, json: boolean, io: CliIo): Promise<number> {
  const matches = (await gazetteer()).search(query, CLI_PLACE_LIMIT);
  if (json) {
    io.out(JSON.stringify(matches, null, 2));
    return EXIT.ok;
  }
  if (matches.length === 0) io.out(io.t('cli:noPlaces'));
  for (const m of matches) io.out(placeLine(m, io));
  return EXIT.ok;
}
