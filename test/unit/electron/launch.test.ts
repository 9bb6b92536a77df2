/** How the desktop process picks its data folder and the language of a refusal to start. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { debounce } from '../../../src-main/electron/debounce';
import { optionValue, profileDirFor, resolveDataDir } from '../../../src-main/electron/launch';
import { startupLanguage } from '../../../src-main/electron/startup-language';
import { tempDirs } from '../../support/temp';

const temp = tempDirs();
afterEach(() => temp.cleanup());

describe('data folder', () => {
  const userData = '/home/pv/.config/Bàn Tin';

  it('is userData unless --data or BANTIN_DATA_DIR says otherwise; --data wins', () => {
    expect(resolveDataDir(['/usr/bin/electron', 'dist/main.cjs'], {}, userData, '/w')).toEqual({ dataDir: userData, overridden: false });
    expect(resolveDataDir(['electron', 'dist/main.cjs', '--data', 'desk'], {}, userData, '/w')).toEqual({ dataDir: '/w/desk', overridden: true });
    expect(resolveDataDir(['bantin', '--data=/srv/desk'], { BANTIN_DATA_DIR: '/env/desk' }, userData, '/w').dataDir).toBe('/srv/desk');
    expect(resolveDataDir(['bantin'], { BANTIN_DATA_DIR: '/env/desk' }, userData, '/w')).toEqual({ dataDir: '/env/desk', overridden: true });
  });

  it('reads options among Chromium switches, the last one winning', () => {
    const argv = ['electron', '--no-sandbox', '--inspect=0', 'dist/main.cjs', '--data', '/a', '--port', '0', '--data=/b'];
    expect(optionValue(argv, 'data')).toBe('/b');
    expect(optionValue(argv, 'port')).toBe('0');
    expect(optionValue(['x', '--data'], 'data')).toBeUndefined();
    expect(optionValue(['x', '--database', '/d'], 'data')).toBeUndefined();
  });

  it('keeps Chromium’s profile of a chosen desk beside its files', () => {
    expect(profileDirFor('/srv/desk')).toBe(path.join('/srv/desk', 'electron-profile'));
  });
});

describe('startup language', () => {
  it('is the one saved in the desk, else the environment’s', async () => {
    const dir = await temp.make();
    expect(await startupLanguage(dir, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(await startupLanguage(dir, {})).toBe('vi');
    await fs.writeFile(path.join(dir, 'desk.json'), JSON.stringify({ version: 1, settings: { language: 'en', windowState: null }, index: {}, outbox: [] }));
    expect(await startupLanguage(dir, { LANG: 'vi_VN.UTF-8' })).toBe('en');
    await fs.writeFile(path.join(dir, 'desk.json'), '{ broken');
    expect(await startupLanguage(dir, { LANG: 'vi_VN.UTF-8' })).toBe('vi');
    await fs.writeFile(path.join(dir, 'desk.json'), JSON.stringify({ settings: { language: 'fr' } }));
    expect(await startupLanguage(dir, { LANG: 'en_GB.UTF-8' })).toBe('en');
  });
});

describe('debounce', () => {
  it('runs once after the last schedule, now on flush, never after cancel', async () => {
    let runs = 0;
    const d = debounce(() => runs++, 20);
    d.schedule();
    d.schedule();
    d.schedule();
    expect(runs).toBe(0);
    while (runs === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(1);
    d.schedule();
    d.flush();
    expect(runs).toBe(2);
    d.flush();
    expect(runs).toBe(2);
    d.schedule();
    d.cancel();
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(2);
  });
});
