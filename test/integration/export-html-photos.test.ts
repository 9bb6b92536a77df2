/**
 * `article.html` shows the package's photos: an <img> per photo (placed in the body or after it)
 * whose relative address names a file of the same ZIP, and a Content-Security-Policy that allows
 * images from the page's own place and nothing remote.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, testDesks } from '../support/desk';
import { tempDirs } from '../support/temp';
import { readZip, sampleWithPhotos } from './export-support';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

/** The directives of a policy, by name. */
export function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe('article.html and the package photos', () => {
  it('has an <img> for each photo, by a relative address of a file in the ZIP, which its policy allows', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { article } = await sampleWithPhotos(desk, dir);
    const { file } = await call<{ file: string }>(desk, 'export:package', { id: article.id, job: 'j' });
    const zip = await readZip(file);
    const html = zip.get('article.html')!.toString('utf8');

    const photos = [...zip.keys()].filter((n) => n.startsWith('photos/')).sort();
    expect(photos).toHaveLength(2);
    const srcs = [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]!);
    expect(srcs.map((s) => decodeURIComponent(s)).sort()).toEqual(photos);
    for (const src of srcs) expect(src).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/|\.\./i); // relative, inside the package
    // The photo placed in the body shows inside its figure, before its caption.
    expect(html).toMatch(/<figure data-photo="[0-9a-f]{64}"><img [^>]*src="photos\/phat-bieu\.jpg"[^>]*><figcaption>/);

    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    const csp = parseCsp(policy ?? '');
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('img-src')).toEqual(["'self'"]);
    expect([...csp.keys()].sort()).toEqual(['default-src', 'img-src', 'style-src']);
    expect(csp.get('style-src')).toEqual(["'unsafe-inline'"]);
  });
});
