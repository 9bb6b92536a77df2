/**
 * Main chooses every path of a package. A caller of the contract (a page in web mode, the
 * renderer over IPC) cannot name where an export is written nor which file an import opens: the
 * export goes into the desk's exports folder under `<slug>-<date>.zip`, the import takes bytes.
 * The command line, which does open a path its user typed, reads only a regular file, opened
 * without waiting: a FIFO is refused at once and never holds the process (nor, in web mode, the
 * threads every save needs).
 */
import { execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { slugOf, writeMeta } from '../../src-shared/article-doc';
import { resources } from '../../src-shared/locales';
import type { ArticleSummary } from '../../src-shared/models';
import { newSession } from '../../src-shared/register';
import { openDesk } from '../../src-main/services/desk';
import { startWebDesk } from '../e2e/support/web-desk';
import { cli, cliArgs } from '../support/cli';
import { call, TEST_VERSION, testDesks } from '../support/desk';
import { listDir, tempDirs } from '../support/temp';
import { readZip } from './export-support';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

const ROOT = path.resolve(__dirname, '../..');

describe('export:package: main names the file', () => {
  it('a caller naming a file is refused and nothing is written there; the package lands in exports/ as <slug>-<date>.zip', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    // Created at 01:30 on 9 January in Hà Nội, still 8 January in UTC: the name takes the newsroom's day.
    const a = await desk.articles.create({ language: 'vi', createdAt: '2026-01-08T18:30:00.000Z' }, (doc) => writeMeta(doc, 'slug', 'hội nghị Hà Giang', newSession()));
    const victim = path.join(dir, 'victim.zip');
    await fs.writeFile(victim, 'precious');
    for (const file of [victim, path.join(dir, 'new.zip'), 'relative.zip']) {
      const refused = await desk.dispatch('export:package', { id: a.id, job: 'j', file }, { client: 'web-page' });
      expect(refused, file).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
    }
    expect(await fs.readFile(victim, 'utf8')).toBe('precious');
    expect(await listDir(dir)).toEqual(['desk', 'victim.zip']);
    expect(await listDir(path.join(desk.dataDir, 'exports')).catch(() => [])).toEqual([]);

    const first = await call<{ file: string; name: string }>(desk, 'export:package', { id: a.id, job: 'j' });
    expect(first.name).toBe('hoi-nghi-ha-giang-2026-01-09.zip');
    expect(first.file).toBe(path.join(desk.dataDir, 'exports', first.name));
    expect((await readZip(first.file)).has('manifest.json')).toBe(true);
    // A second export never replaces the first.
    const second = await call<{ name: string }>(desk, 'export:package', { id: a.id, job: 'k' });
    expect(second.name).toBe('hoi-nghi-ha-giang-2026-01-09-2.zip');
    expect(await listDir(path.join(desk.dataDir, 'exports'))).toEqual([first.name, second.name].sort());
  });

  it("the story's own date names the package when the article has one", async () => {
    const desk = await desks.open(await temp.make());
    const a = await desk.articles.create({ language: 'vi', createdAt: '2026-03-01T02:00:00.000Z' }, (doc) => {
      writeMeta(doc, 'slug', 'dan-van-ha-giang', newSession());
      doc.getMap('meta').set('storyDate', '2022-01-13T17:53:00+07:00');
    });
    expect((await call<{ name: string }>(desk, 'export:package', { id: a.id, job: 'j' })).name).toBe('dan-van-ha-giang-2022-01-13.zip');
  });
});

describe('export:importPackage takes bytes, never a path', () => {
  it('a path is refused at the door (a FIFO named there is never opened); the bytes of a package import', async () => {
    const dir = await temp.make();
    const source = await desks.open(path.join(dir, 'a'));
    const made = await source.articles.create({ language: 'vi' }, (doc) => writeMeta(doc, 'slug', 'goi-mau', newSession()));
    const { file } = await call<{ file: string }>(source, 'export:package', { id: made.id, job: 'j' });
    const desk = await desks.open(path.join(dir, 'b'));
    const fifo = path.join(dir, 'pipe.zip');
    execFileSync('mkfifo', [fifo]);
    for (const input of [{ file: fifo }, { file }, { name: 'x.zip', bytes: new Uint8Array(0), file }]) {
      expect(await desk.dispatch('export:importPackage', input, { client: 'web-page' })).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
    }
    const imported = await call<ArticleSummary>(desk, 'export:importPackage', { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) });
    expect(desk.articles.list(false).map((s) => s.id)).toEqual([imported.id]);
  });
});

describe('web mode: paths from the page', () => {
  it('five imports naming FIFOs are refused at once; saving goes on and SIGTERM still stops the desk', { timeout: 120_000 }, async () => {
    const dir = await temp.make();
    const fifos = Array.from({ length: 5 }, (_, i) => path.join(dir, `pipe-${i}.zip`));
    for (const f of fifos) execFileSync('mkfifo', [f]);
    const web = await startWebDesk(path.join(dir, 'desk'));
    try {
      const first = await fetch(web.url, { redirect: 'manual' });
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
      // A generous bound, only so a desk that never answers fails here rather than hanging the run.
      const post = async (op: string, body: unknown) => {
        const res = await fetch(`${web.origin}/api/call/${op}`, { method: 'POST', headers: { cookie, origin: web.origin, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
        return (await res.json()) as { ok: boolean; error?: { code: string } };
      };
      const answers = await Promise.all(fifos.map((file) => post('export:importPackage', { file })));
      for (const a of answers) expect(a).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
      expect(await post('article:create', { language: 'vi' })).toMatchObject({ ok: true });
    } finally {
      await web.stop(); // throws when SIGTERM does not stop it
    }
  });
});

/** Runs the command line as a child and waits for it to end, killing it only as a safety net. */
function runCli(args: readonly string[]) {
  const child = spawn(process.execPath, [...cliArgs(), ...args], { cwd: ROOT, env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  let killed = false;
  const safety = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, 90_000);
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; killed: boolean }>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(safety);
      resolve({ code, signal, stdout, stderr, killed });
    });
  });
}

describe('import-package on the command line', () => {
  it('a FIFO is refused at once with a clear message, and nothing is added', { timeout: 120_000 }, async () => {
    const dir = await temp.make();
    const fifo = path.join(dir, 'goi.zip');
    execFileSync('mkfifo', [fifo]);
    const result = await runCli(['--data', path.join(dir, 'desk'), 'import-package', fifo]);
    expect(result.killed).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(resources.vi.errors.packageInvalid.replace('{{file}}', 'goi.zip').replace('$t(export:invalid.{{detail}})', resources.vi.export.invalid.notFile));
    const desk = await openDesk({ dataDir: path.join(dir, 'desk'), mode: 'cli', version: TEST_VERSION });
    try {
      expect(desk.articles.list(false)).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('a regular package still imports', { timeout: 120_000 }, async () => {
    const dir = await temp.make();
    const source = await desks.open(path.join(dir, 'a'));
    const made = await source.articles.create({ language: 'vi' }, (doc) => writeMeta(doc, 'slug', 'goi-mau', newSession()));
    const { file } = await call<{ file: string }>(source, 'export:package', { id: made.id, job: 'j' });
    const result = await cli(['--data', path.join(dir, 'b'), 'import-package', file, '--json']);
    expect(result.code).toBe(0);
    const imported = JSON.parse(result.stdout) as ArticleSummary;
    const desk = await desks.open(path.join(dir, 'b'));
    expect(desk.articles.list(false).map((a) => a.id)).toEqual([imported.id]);
    expect(await desk.articles.read(imported.id, (doc) => slugOf(doc).slug)).toBe('goi-mau');
  });
});
