import { describe, expect, it } from 'vitest';
import { datelineName, EventPlace, formerKind, shortName, usesFormerName, type FormerUnit, type PlaceUnit } from '../../../src-shared/places';
import { formerLabel, unitLabel } from '../../../src-shared/places-format';

const tuyenQuang: PlaceUnit = { level: 'province', code: '08', name: 'Tuyên Quang', provinceCode: '08', provinceName: 'Tuyên Quang' };
const haGiang1: PlaceUnit = { level: 'commune', code: '00694', name: 'Phường Hà Giang 1', provinceCode: '08', provinceName: 'Tuyên Quang' };
const oldProvince: FormerUnit = { level: 'province', name: 'Tỉnh Hà Giang', district: null, province: null };
const oldWard: FormerUnit = { level: 'commune', name: 'Phường Nguyễn Trãi', district: 'Thành phố Hà Giang', province: 'Tỉnh Hà Giang' };

describe('datelineName', () => {
  it('keeps the former name for an event before 1 July 2025 (local date), the current one from that day', () => {
    const place = { unit: tuyenQuang, former: oldProvince };
    expect(datelineName(place, '2025-06-30T23:59')).toBe('Hà Giang');
    expect(datelineName(place, '2024-03-02')).toBe('Hà Giang');
    expect(datelineName(place, '2025-07-01T00:00')).toBe('Tuyên Quang');
    expect(datelineName(place, '2026-01-15T08:00')).toBe('Tuyên Quang');
    expect(usesFormerName(place, '2025-06-30T10:00')).toBe(true);
    expect(usesFormerName(place, '2025-07-01T10:00')).toBe(false);
  });

  it('uses the current name without a start date, without a former name, and says nothing without a place', () => {
    expect(datelineName({ unit: tuyenQuang, former: oldProvince }, null)).toBe('Tuyên Quang');
    expect(datelineName({ unit: tuyenQuang, former: oldProvince }, 'not a date')).toBe('Tuyên Quang');
    expect(datelineName({ unit: haGiang1, former: null }, '2020-01-01')).toBe('Hà Giang 1');
    expect(datelineName(null, '2020-01-01')).toBe('');
    expect(datelineName({ unit: haGiang1, former: oldWard }, '2025-05-01T09:00')).toBe('Nguyễn Trãi');
  });
});

describe('place names', () => {
  it('drops the kind word but keeps numbered units whole', () => {
    expect(shortName('Tỉnh Hà Giang')).toBe('Hà Giang');
    expect(shortName('Thành phố Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(shortName('Đặc khu Côn Đảo')).toBe('Côn Đảo');
    expect(shortName('Phường 12')).toBe('Phường 12');
    expect(shortName('Tuyên Quang')).toBe('Tuyên Quang');
    expect(shortName('Tỉnh Hà Giang'.normalize('NFD'))).toBe('Hà Giang');
  });

  it('tells a former unit\'s kind', () => {
    expect(formerKind(oldProvince)).toBe('province');
    expect(formerKind({ level: 'province', name: 'Thành phố Hà Nội', district: null, province: null })).toBe('city');
    expect(formerKind({ level: 'district', name: 'Thị xã Sơn Tây', district: null, province: 'Thành phố Hà Nội' })).toBe('town');
    expect(formerKind({ level: 'district', name: 'Huyện Quang Bình', district: null, province: 'Tỉnh Hà Giang' })).toBe('district');
    expect(formerKind(oldWard)).toBe('ward');
    expect(formerKind({ level: 'commune', name: 'Thị trấn Vinh Quang', district: 'Huyện Hoàng Su Phì', province: 'Tỉnh Hà Giang' })).toBe('townlet');
    expect(formerKind({ level: 'commune', name: 'Xã Ngọc Đường', district: 'Thành phố Hà Giang', province: 'Tỉnh Hà Giang' })).toBe('commune');
  });

  it('labels units with where they are', () => {
    expect(unitLabel(tuyenQuang)).toBe('Tuyên Quang');
    expect(unitLabel(haGiang1)).toBe('Phường Hà Giang 1, Tuyên Quang');
    expect(formerLabel(oldWard)).toBe('Phường Nguyễn Trãi, Thành phố Hà Giang, Tỉnh Hà Giang');
    expect(formerLabel(oldProvince)).toBe('Tỉnh Hà Giang');
  });

  it('validates what an event keeps', () => {
    expect(EventPlace.safeParse({ unit: haGiang1, former: oldWard }).success).toBe(true);
    expect(EventPlace.safeParse({ unit: { ...haGiang1, code: 'x' }, former: null }).success).toBe(false);
  });
});
