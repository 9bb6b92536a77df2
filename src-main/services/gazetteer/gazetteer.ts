/**
 * Look-ups in the compact gazetteer (compile.ts): current units by name, and former units
 * resolved to the current ones, accent-insensitively ("ha giang" finds "Hà Giang"), with the
 * word for a unit's kind optional ("Tỉnh", "Xã", "Phường", "Thành phố", "TP"…), prefixes
 * while typing, and an optional context after a comma ("Phường Nguyễn Trãi, Hà Giang").
 */
import type { FormerUnit, PlaceMatch, PlaceUnit } from '../../../src-shared/places';
import { compareVi, fold } from '../../../src-shared/text/vietnamese';
import type { GazetteerData } from './compile';

export const DEFAULT_PLACE_LIMIT = 20;

/** Folded words for a unit's kind, longest first; "tp" is how a city is abbreviated. */
const KIND_WORDS = ['thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'huyen', 'quan', 'tinh', 'xa', 'tp'];

/** Folded, punctuation as spaces, spaces collapsed: "TP. Hồ Chí Minh" → "tp ho chi minh". */
export function normalize(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The normalized text without a leading kind word ("xa hong son" → "hong son"); unchanged when nothing would be left. */
export function withoutKind(norm: string): string {
  for (const w of KIND_WORDS) {
    if (norm.startsWith(w + ' ')) {
      const rest = norm.slice(w.length + 1);
      return rest;
    }
  }
  return norm;
}

/** What people call a province besides its name (by province code). */
const NICKNAMES: Readonly<Record<string, readonly string[]>> = { '79': ['TP.HCM', 'TPHCM', 'HCM', 'Sài Gòn'] };

type Kind = 'province' | 'formerProvince' | 'formerDistrict' | 'commune' | 'formerCommune';
/** At equal closeness, larger and current units first. */
const KIND_RANK: Readonly<Record<Kind, number>> = { province: 8, formerProvince: 6, commune: 4, formerDistrict: 3, formerCommune: 2 };

interface Entry {
  readonly kind: Kind;
  readonly index: number;
  readonly name: string;
  readonly full: string;
  readonly core: string;
  /** Normalized names of what the unit sits in (its district and province), for a context after a comma. */
  readonly within: readonly string[];
}

function closeness(entry: Entry, q: string): number {
  if (!q) return 0;
  if (entry.core === q || entry.full === q) return 100;
  if (entry.core.startsWith(q) || entry.full.startsWith(q)) return 60;
  if (entry.core.includes(' ' + q) || entry.full.includes(' ' + q)) return 30;
  return 0;
}

function contextMatches(entry: Entry, context: readonly string[]): boolean {
  return context.every((c) => entry.within.some((w) => w.startsWith(c) || withoutKind(w).startsWith(c) || w.includes(' ' + c)));
}

export class Gazetteer {
  private readonly entries: Entry[] = [];
  private readonly provinceUnits: PlaceUnit[];
  private readonly communeUnits: PlaceUnit[];
  /** Commune code → index, made on the first formerNames of a commune. */
  private communeIndex: Map<string, number> | null = null;

  constructor(readonly data: GazetteerData) {
    this.provinceUnits = data.provinces.map(([code, name]) => ({ level: 'province', code, name, provinceCode: code, provinceName: name }));
    this.communeUnits = data.communes.map(([code, name, p]) => {
      const province = this.provinceUnits[p]!;
      return { level: 'commune', code, name, provinceCode: province.code, provinceName: province.name };
    });
    const add = (kind: Kind, index: number, name: string, within: readonly string[]) => {
      const full = normalize(name);
      this.entries.push({ kind, index, name, full, core: withoutKind(full), within: within.map(normalize) });
    };
    this.provinceUnits.forEach((u, i) => {
      add('province', i, u.name, []);
      for (const nick of NICKNAMES[u.code] ?? []) add('province', i, nick, []);
    });
    this.communeUnits.forEach((u, i) => add('commune', i, u.name, [u.provinceName]));
    data.formerProvinces.forEach(([name], i) => add('formerProvince', i, name, []));
    for (const [alias, fp] of data.aliases) add('formerProvince', fp, alias, []);
    data.formerDistricts.forEach(([name, fp], i) => add('formerDistrict', i, name, [data.formerProvinces[fp]![0]]));
    data.formerCommunes.forEach(([name, fd], i) => {
      const [district, fp] = data.formerDistricts[fd]!;
      add('formerCommune', i, name, [district, data.formerProvinces[fp]![0]]);
    });
  }

  get provinces(): readonly PlaceUnit[] {
    return this.provinceUnits;
  }

  get communes(): readonly PlaceUnit[] {
    return this.communeUnits;
  }

  /**
   * Current units matching `query`, best first: closer names first (the whole name, then its
   * start, then a word inside it), then larger units, current before former, then Vietnamese
   * order. A former unit answers with what it became (a split commune: one match per heir).
   */
  search(query: string, limit = DEFAULT_PLACE_LIMIT): PlaceMatch[] {
    const [head = '', ...rest] = query.split(',');
    const q = normalize(head);
    if (!q) return [];
    const qCore = withoutKind(q);
    const context = rest.map((c) => withoutKind(normalize(c))).filter(Boolean);
    const scored: Array<{ entry: Entry; score: number }> = [];
    for (const entry of this.entries) {
      const c = Math.max(closeness(entry, q), closeness(entry, qCore));
      if (c === 0 || !contextMatches(entry, context)) continue;
      scored.push({ entry, score: c * 10 + KIND_RANK[entry.kind] });
    }
    scored.sort((a, b) => b.score - a.score || compareVi(a.entry.name, b.entry.name));
    const out: PlaceMatch[] = [];
    const seen = new Set<string>();
    for (const { entry } of scored) {
      for (const m of this.matchesOf(entry)) {
        // A unit found by its name and by a nickname (or an alias) is one answer.
        const key = [m.unit.level, m.unit.code, m.former?.level, m.former?.name, m.former?.district, m.former?.province].join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(m);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /**
   * What a current unit was called before the reform: for a province, the former provinces it
   * took in (and their older names); for a commune, the former communes whose land it took,
   * with the districts and provinces that held them. Empty for a code the gazetteer does not know.
   */
  formerNames(unit: PlaceUnit): string[] {
    const d = this.data;
    const names = new Set<string>();
    if (unit.level === 'province') {
      const p = d.provinces.findIndex(([code]) => code === unit.code);
      if (p < 0) return [];
      const formers = new Set<number>();
      d.formerProvinces.forEach(([name, current], fp) => {
        if (current !== p) return;
        formers.add(fp);
        names.add(name);
      });
      for (const [alias, fp] of d.aliases) if (formers.has(fp)) names.add(alias);
    } else {
      const c = (this.communeIndex ??= new Map(d.communes.map(([code], i) => [code, i]))).get(unit.code);
      if (c === undefined) return [];
      for (const [name, fd, heirs] of d.formerCommunes) {
        if (!heirs.includes(c)) continue;
        const [district, fp] = d.formerDistricts[fd]!;
        names.add(name).add(district).add(d.formerProvinces[fp]![0]);
      }
    }
    names.delete(unit.name);
    return [...names];
  }

  private formerProvince(fp: number, name?: string): FormerUnit {
    return { level: 'province', name: name ?? this.data.formerProvinces[fp]![0], district: null, province: null };
  }

  private matchesOf(entry: Entry): PlaceMatch[] {
    const d = this.data;
    switch (entry.kind) {
      case 'province':
        return [{ unit: this.provinceUnits[entry.index]!, former: null }];
      case 'commune':
        return [{ unit: this.communeUnits[entry.index]!, former: null }];
      case 'formerProvince': {
        const [, p] = d.formerProvinces[entry.index]!;
        return [{ unit: this.provinceUnits[p]!, former: this.formerProvince(entry.index, entry.name) }];
      }
      case 'formerDistrict': {
        const [name, fp, communes] = d.formerDistricts[entry.index]!;
        const [provinceName, p] = d.formerProvinces[fp]!;
        return [
          {
            unit: this.provinceUnits[p]!,
            former: { level: 'district', name, district: null, province: provinceName },
            communes: communes.map((c) => this.communeUnits[c]!).sort((x, y) => compareVi(x.name, y.name)),
          },
        ];
      }
      case 'formerCommune': {
        const [name, fd, communes] = d.formerCommunes[entry.index]!;
        const [district, fp] = d.formerDistricts[fd]!;
        const former: FormerUnit = { level: 'commune', name, district, province: d.formerProvinces[fp]![0] };
        return communes.map((c) => ({ unit: this.communeUnits[c]!, former }));
      }
    }
  }
}
