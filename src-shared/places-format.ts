/**
 * How a place reads in lists (the place picker, the command line): plain strings built from
 * the units' names; the words around them ("tỉnh cũ", the arrow) come from `event:place.*`.
 */
import type { FormerUnit, PlaceMatch, PlaceUnit } from './places';
import { formerKind } from './places';

/** "Tuyên Quang"; a commune with its province: "Phường Hà Giang 1, Tuyên Quang". */
export function unitLabel(unit: PlaceUnit): string {
  return unit.level === 'province' ? unit.name : `${unit.name}, ${unit.provinceName}`;
}

/** "Phường Nguyễn Trãi, Thành phố Hà Giang, Tỉnh Hà Giang": a former unit with where it sat. */
export function formerLabel(former: FormerUnit): string {
  return [former.name, former.district, former.province].filter((x): x is string => !!x).join(', ');
}

/** The translation key of a former unit's kind word ("tỉnh cũ"…), in the `event` namespace. */
export function formerKindKey(former: FormerUnit): `formerKind.${ReturnType<typeof formerKind>}` {
  return `formerKind.${formerKind(former)}`;
}

/** The values `event:place.match`, `event:place.formerTo` and `event:place.districtTo` take. */
export function matchParams(match: PlaceMatch, kindWord: string): { current: string; former: string; kind: string; communes: string } {
  return {
    current: unitLabel(match.unit),
    former: match.former ? formerLabel(match.former) : '',
    kind: kindWord,
    communes: (match.communes ?? []).map((c) => c.name).join(', '),
  };
}
