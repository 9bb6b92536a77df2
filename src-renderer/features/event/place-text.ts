/** How a gazetteer match reads in the interface language: "Hà Giang (tỉnh cũ) → Tuyên Quang". */
import type { TFunction } from 'i18next';
import type { EventPlace, PlaceMatch } from '../../../src-shared/places';
import { formerKindKey, matchParams } from '../../../src-shared/places-format';

export function placeText(match: PlaceMatch | EventPlace, t: TFunction<'event'>): string {
  const params = matchParams(match, match.former ? t(formerKindKey(match.former)) : '');
  if ('communes' in match && match.communes && match.former?.level === 'district') return t('place.districtTo', params);
  if (match.former) return t('place.formerTo', params);
  return match.unit.level === 'province' ? t('place.province', params) : t('place.commune', params);
}
