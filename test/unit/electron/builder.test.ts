/**
 * electron-builder.yml passes electron-builder's own schema, names the app and its targets as
 * DESIGN says, packs only the self-contained build, and the icon is a real 512×512 PNG.
 * (Packaging itself needs the Electron binary, which cannot be had here.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { iconPng } from '../../../build/make-icon.mjs';
import { ROOT } from '../../support/child';

const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  files: Array<string | { filter: string[] }>;
  extraMetadata: { main: string };
  directories: { output: string; buildResources: string };
  linux: { target: string[]; icon: string; category: string; executableName: string };
  win: { target: string; icon: string };
  mac: { target: string; icon: string; category: string };
  electronFuses?: Record<string, boolean>;
}

const builder = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};

async function config(): Promise<BuilderConfig> {
  return builder.getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder, and the validator does refuse a wrong option', async () => {
    const c = await config();
    await expect(builder.validateConfiguration(c, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    await expect(builder.validateConfiguration({ ...c, notAnOption: true }, { isEnabled: false, add() {} })).rejects.toThrow(/notAnOption/);
  });

  it('names the app and builds AppImage, deb, NSIS and dmg', async () => {
    const c = await config();
    expect(c.appId).toBe('vn.bantin.desk');
    expect(c.productName).toBe('Bàn Tin');
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.win.target).toBe('nsis');
    expect(c.mac.target).toBe('dmg');
    expect(c.linux.category).toBe('Office');
    expect(c.mac.category).toMatch(/^public\.app-category\./);
    expect(c.linux.executableName).toMatch(/^[a-z-]+$/);
  });

  it('packs the built app only, starting at the main bundle the build writes', async () => {
    const c = await config();
    // electron-builder hands the patterns back grouped as `{ filter }`.
    const files = c.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!dist/**/*.map']));
    expect(files.filter((f) => !f.startsWith('!')).sort()).toEqual(['dist/**', 'package.json']);
    expect(c.extraMetadata.main).toBe('dist/main.cjs');
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe(c.extraMetadata.main);
    const buildScript = readFileSync(path.join(ROOT, 'scripts', 'build-node.mjs'), 'utf8');
    expect(buildScript).toContain("outfile: 'dist/main.cjs'");
    expect(buildScript).toContain("outfile: 'dist/preload.cjs'");
  });

  it('flips Electron’s fuses: no run-as-node, NODE_OPTIONS or --inspect; encrypted cookies; the app only from its checked asar', async () => {
    const c = await config();
    // The fuse wire electron-builder writes into the packaged binary, from our configuration.
    const { PlatformPackager } = require('app-builder-lib') as { PlatformPackager: { prototype: { generateFuseConfig(f: unknown): Promise<Record<number, unknown>> } } };
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
    const wire = await PlatformPackager.prototype.generateFuseConfig.call(null, c.electronFuses ?? {});
    expect(wire[FuseV1Options.RunAsNode!]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable!]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments!]).toBe(false);
    expect(wire[FuseV1Options.EnableCookieEncryption!]).toBe(true);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar!]).toBe(true);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]).toBe(true);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges!]).toBe(false);
  });

  it('uses a 512×512 RGBA PNG icon, the one build/make-icon.mjs draws', async () => {
    const c = await config();
    for (const icon of [c.linux.icon, c.win.icon, c.mac.icon]) expect(icon).toBe('build/icon.png');
    const png = readFileSync(path.join(ROOT, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6); // RGBA
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect(raw.length).toBe(512 * (512 * 4 + 1));
    expect(png.equals(iconPng())).toBe(true);
  });
});
