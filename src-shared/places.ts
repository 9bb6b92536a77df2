/**
 * Places of Vietnam after the 2025 reform (Resolution 202/2025/QH15, in force 1 July 2025):
 * two levels, 34 provinces and their communes (xã, phường, đặc khu), and the former units
 * (63 provinces, their districts and communes) that the gazetteer still understands.
 *
 * A search answers with current units; a match found through a former name says which one
 * (`former`), so "Hà Giang" reads "Hà Giang (tỉnh cũ) → Tuyên Quang". What the article's event
 * keeps is an `EventPlace`: the current unit and, when picked through one, the former name,
 * which an article about an event before the reform may keep for its dateline.
 */
import { z } from 'zod';
import { nfc } from './text/vietnamese';

/** The day the two-level units took effect, as a local date in Vietnam. */
export const REFORM_DATE = '2025-07-01';

export const CURRENT_LEVELS = ['province', 'commune'] as const;
export const CurrentLevel = z.enum(CURRENT_LEVELS);
export type CurrentLevel = z.infer<typeof CurrentLevel>;

export const FORMER_LEVELS = ['province', 'district', 'commune'] as const;
export const FormerLevel = z.enum(FORMER_LEVELS);
export type FormerLevel = z.infer<typeof FormerLevel>;

/** A current unit: a province (or centrally-run city) or a commune, with its province. */
export const PlaceUnit = z.object({
  level: CurrentLevel,
  /** The General Statistics Office code: 2 digits for a province, 5 for a commune. */
  code: z.string().regex(/^\d{2}(\d{3})?$/),
  /** Full official name, NFC: "Tuyên Quang", "Thành phố Hà Nội", "Phường Hà Giang 1". */
  name: z.string().min(1).max(200),
  provinceCode: z.string().regex(/^\d{2}$/),
  provinceName: z.string().min(1).max(200),
});
export type PlaceUnit = z.infer<typeof PlaceUnit>;

/** A unit as it was before 1 July 2025, with where it sat ("Phường Nguyễn Trãi", "Thành phố Hà Giang", "Tỉnh Hà Giang"). */
export const FormerUnit = z.object({
  level: FormerLevel,
  name: z.string().min(1).max(200),
  district: z.string().max(200).nullable(),
  province: z.string().max(200).nullable(),
});
export type FormerUnit = z.infer<typeof FormerUnit>;

/**
 * One answer of the gazetteer: a current unit, reached directly (`former: null`) or through a
 * former unit. A former district has no single heir: `unit` is its province now, and
 * `communes` the current communes its land went to.
 */
export const PlaceMatch = z.object({
  unit: PlaceUnit,
  former: FormerUnit.nullable(),
  communes: z.array(PlaceUnit).optional(),
});
export type PlaceMatch = z.infer<typeof PlaceMatch>;

/** What the article's event keeps: the current unit, and the former one it was picked through. */
export const EventPlace = z.object({ unit: PlaceUnit, former: FormerUnit.nullable() });
export type EventPlace = z.infer<typeof EventPlace>;

export const PLACE_SEARCH_MAX = 50;
export const PlaceSearchInput = z
  .object({
    query: z.string().max(200),
    limit: z.number().int().min(1).max(PLACE_SEARCH_MAX).optional(),
  })
  .strict();

/** Words naming the kind of a unit, longest first, as they start official names. */
const TYPE_WORDS = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'] as const;

/**
 * A name without the word for its kind: "Tỉnh Hà Giang" → "Hà Giang", "Thành phố Hồ Chí Minh"
 * → "Hồ Chí Minh". A numbered unit keeps it ("Phường 12" stays: "12" names nothing alone).
 */
export function shortName(name: string): string {
  const n = nfc(name).trim();
  for (const w of TYPE_WORDS) {
    if (n.startsWith(w + ' ')) {
      const rest = n.slice(w.length + 1).trim();
      return /^\d+$/.test(rest) ? n : rest;
    }
  }
  return n;
}

/** The level word a former unit's name starts with, to say "tỉnh cũ", "huyện cũ"… (a key of `event:formerKind.*`). */
export function formerKind(former: FormerUnit): 'province' | 'city' | 'district' | 'town' | 'commune' | 'ward' | 'townlet' {
  const n = nfc(former.name);
  if (former.level === 'province') return n.startsWith('Thành phố') ? 'city' : 'province';
  if (former.level === 'district') {
    if (n.startsWith('Thành phố')) return 'city';
    if (n.startsWith('Thị xã')) return 'town';
    return 'district';
  }
  if (n.startsWith('Phường')) return 'ward';
  if (n.startsWith('Thị trấn')) return 'townlet';
  return 'commune';
}

/** Local date part ("2025-06-30") of a local date-time ("2025-06-30T09:00") or date, or null. */
function localDate(value: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
  return m ? m[1]! : null;
}

/**
 * The name an article's dateline uses for the event's place: the former name the place was
 * picked through when the event started before 1 July 2025 (local date), else the current
 * unit's. Type words are dropped ("Tỉnh Hà Giang" → "Hà Giang"). No place → ''.
 */
export function datelineName(place: EventPlace | null | undefined, eventStart: string | null | undefined): string {
  if (!place) return '';
  const start = localDate(eventStart);
  if (place.former && start !== null && start < REFORM_DATE) return shortName(place.former.name);
  return shortName(place.unit.name);
}

/** Whether a place is kept as picked through a former name, for an event before the reform. */
export function usesFormerName(place: EventPlace | null | undefined, eventStart: string | null | undefined): boolean {
  const start = localDate(eventStart);
  return !!place?.former && start !== null && start < REFORM_DATE;
}
