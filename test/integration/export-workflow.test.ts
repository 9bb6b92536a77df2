/**
 * Exports follow the workflow: ninjs and NewsML-G2 say `usable` only for an approved (or
 * published) article, `withheld` while it is in the newsroom's hands and `canceled` once
 * spiked — each valid against the published schemas — and the manifest says whether it was approved.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workflow } from '../../src-shared/article-doc';
import type { ArticleSummary, Status } from '../../src-shared/models';
import type { Manifest } from '../../src-shared/package-format';
import { runCli } from '../../src-main/cli/main';
import { call, testDesks } from '../support/desk';
import { editAs } from '../support/sync-desk';
import { tempDirs } from '../support/temp';
import { ninjsValidator, readZip, validateNewsml } from './export-support';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

describe('exports and the workflow status', () => {
  it('pubStatus and the manifest follow the status', async () => {
    const desk = await desks.open(await temp.make());
    const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    await editAs(desk, 'writer', id, (doc) => doc.getText('headline').insert(0, 'Lũ quét ở Hà Giang'));
    const ninjs = await ninjsValidator();
    const cases: Array<[Status, string, boolean]> = [
      ['draft', 'withheld', false],
      ['returned', 'withheld', false],
      ['approved', 'usable', true],
      ['published', 'usable', true],
      ['spiked', 'canceled', false],
    ];
    for (const [status, pub, approved] of cases) {
      // The server writes the status; here it is set in the desk's copy as sync would bring it.
      await desk.articles.change(id, (doc) => workflow(doc).set('status', status));
      const { file } = await call<{ file: string }>(desk, 'export:package', { id, job: `job-${status}` });
      const files = await readZip(file);
      const item = JSON.parse(files.get('ninjs/vi.json')!.toString('utf8')) as Record<string, unknown>;
      expect(item.pubStatus, status).toBe(pub);
      expect(ninjs(item), JSON.stringify(ninjs.errors)).toBe(true);
      const xml = files.get('newsml/item.xml')!.toString('utf8');
      expect(xml.match(/<pubStatus qcode="([^"]+)"\/>/g), status).toEqual(expect.arrayContaining([`<pubStatus qcode="stat:${pub}"/>`]));
      expect(new Set(xml.match(/<pubStatus qcode="[^"]+"\/>/g))).toEqual(new Set([`<pubStatus qcode="stat:${pub}"/>`]));
      // One of each value against the XSD (it is slow to run).
      if (status !== 'returned' && status !== 'published') expect((await validateNewsml(xml)).valid, status).toBe(true);
      const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
      expect(manifest.article).toMatchObject({ status, approved });
    }
  }, 60_000);

  it('the command line exports an article not approved, and says so', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    await editAs(desk, 'writer', id, (doc) => doc.getText('headline').insert(0, 'Lũ quét ở Hà Giang'));
    await desks.close(desk);
    const run = async (status: Status) => {
      const again = await desks.open(path.join(dir, 'desk'));
      await again.articles.change(id, (doc) => workflow(doc).set('status', status));
      await desks.close(again);
      const err: string[] = [];
      const code = await runCli(['--data', path.join(dir, 'desk'), 'export', id, '--out', path.join(dir, `${status}.zip`)], { LANG: 'en_US.UTF-8' }, { out: () => undefined, err: (l) => err.push(l) });
      return { code, err: err.join('\n') };
    };
    expect(await run('submitted')).toEqual({ code: 0, err: 'The article is not approved (Submitted): the package says it is not for use yet (pubStatus).' });
    expect(await run('approved')).toEqual({ code: 0, err: '' });
  }, 60_000);
});
