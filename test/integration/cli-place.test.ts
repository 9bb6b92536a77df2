// `place <query> [--json]` as a script would run it: a real child process, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaceMatch } from '../../src-shared/places';
import { testDesks } from '../support/desk';
import { cli } from '../support/cli';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});


describe('cli place', () => {
  it('prints the current unit of an old name, in Vietnamese, even while a desk holds the folder', async () => {
    const dir = await temp.make();
    await desks.open(dir);
    const r = await cli(['--data', dir, 'place', 'ha', 'giang']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Tỉnh Hà Giang (tỉnh cũ) → Tuyên Quang');
    expect(lines[1]).toBe('Thành phố Hà Giang, Tỉnh Hà Giang (thành phố cũ) → Tuyên Quang: Phường Hà Giang 1, Phường Hà Giang 2, Xã Ngọc Đường');
    expect(lines).toContain('Phường Hà Giang 1, Tuyên Quang');
  });

  it('speaks English under LANG=en_US and says when nothing matches', async () => {
    const r = await cli(['place', 'Phường Nguyễn Trãi, Thành phố Hà Giang'], 'en_US.UTF-8');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('Phường Nguyễn Trãi, Thành phố Hà Giang, Tỉnh Hà Giang (former ward) → Phường Hà Giang 1, Tuyên Quang');
    const none = await cli(['place', 'qqqq'], 'en_US.UTF-8');
    expect(none.stdout.trim()).toBe('No place matches.');
    const tuyen = await cli(['place', 'tuyen quang'], 'en_US.UTF-8');
    expect(tuyen.stdout.split('\n')[0]).toBe('Tuyên Quang (province or city)');
  });

  it('prints matches as JSON, and refuses a missing query', async () => {
    const r = await cli(['place', 'binh duong', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const matches = JSON.parse(r.stdout) as PlaceMatch[];
    expect(matches[0]).toMatchObject({ unit: { name: 'Thành phố Hồ Chí Minh', code: '79' }, former: { level: 'province', name: 'Tỉnh Bình Dương' } });
    const missing = await cli(['place']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Thiếu');
  });
});
