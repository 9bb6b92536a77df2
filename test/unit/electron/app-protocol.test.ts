/** The app scheme serves the built renderer, with the CSP, and nothing outside it. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/csp';
import { appResponse } from '../../../src-main/electron/app-response';
import { articleUrl, resolveAppFile } from '../../../src-main/electron/app-url';
import { tempDirs } from '../../support/temp';

const temp = tempDirs();
let base: string;
let root: string;

beforeAll(async () => {
  base = await temp.make();
  root = path.join(base, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>Bàn Tin</title>');
  await fs.writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await fs.writeFile(path.join(root, 'assets', 'bvp.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await fs.writeFile(path.join(base, 'secret.txt'), 'not for the page');
});

afterAll(() => temp.cleanup());

describe('the app scheme', () => {
  it('serves the entry page and assets with the CSP and the right types', async () => {
    for (const url of ['bantin://app/', 'bantin://app/index.html', 'bantin://app/index.html?x=1#/trash']) {
      const res = await appResponse(root, url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('Bàn Tin');
    }
    const js = await appResponse(root, 'bantin://app/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const font = await appResponse(root, 'bantin://app/assets/bvp.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('never leaves the renderer folder', async () => {
    const attempts = [
      'bantin://app/../secret.txt',
      'bantin://app/%2e%2e/secret.txt',
      'bantin://app/assets/..%2f..%2fsecret.txt',
      'bantin://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'bantin://app/..%5csecret.txt',
      'bantin://app/%00index.html',
      'bantin://app/%E0%A4%A',
      'bantin://other/index.html',
      'https://app/index.html',
    ];
    for (const url of attempts) {
      const res = await appResponse(root, url);
      const body = await res.text();
      expect(body, url).not.toContain('not for the page');
      expect([200, 404], url).toContain(res.status);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(resolveAppFile(root, 'bantin://app/..%5c..%5csecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'bantin://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'bantin://app/assets/..%2f..%2fsecret.txt')).toBe(path.join(root, 'secret.txt'));
  });

  it('answers 404 for what is missing or a folder, 405 for anything but GET and HEAD', async () => {
    expect((await appResponse(root, 'bantin://app/nope.js')).status).toBe(404);
    expect((await appResponse(root, 'bantin://app/assets')).status).toBe(404);
    expect((await appResponse(root, 'bantin://app/index.html', 'POST')).status).toBe(405);
    const head = await appResponse(root, 'bantin://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('names an article page as the renderer routes it', () => {
    expect(articleUrl('abc-12345678')).toBe('bantin://app/index.html#/article/abc-12345678');
  });
});
