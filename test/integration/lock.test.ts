/** Single writer per data folder, across the same process and across processes. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../src-shared/errors';
import { LOCK_FILE } from '../../src-main/services/lock';
import { exited, Lines, spawnTs, stderrOf } from '../support/child';
import { call, openTestDesk, testDesks } from '../support/desk';
import { tempDirs } from '../support/temp';

const HOLDER = 'test/integration/fixtures/desk-holder.ts';
/** A pid that no process has: larger than any pid_max Linux allows. */
const DEAD_PID = 4_194_304 + 12_345;
const temp = tempDirs();
const desks = testDesks();
const children: Array<ReturnType<typeof spawnTs>> = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await desks.cleanup();
  await temp.cleanup();
});
const { open } = desks;

function start(mode: 'hold' | 'try' | 'race', dir: string) {
  const child = spawnTs(HOLDER, [mode, dir]);
  children.push(child);
  return { child, lines: new Lines(child), stderr: stderrOf(child) };
}

describe('desk lock', () => {
  it('refuses a second openDesk on the same folder in the same process, until close()', async () => {
    const dir = await temp.make();
    const first = await open(dir);
    const err = await openTestDesk(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect(err).toMatchObject({ code: 'deskLocked', params: { dir, pid: process.pid } });
    // The refused open changed nothing: the first desk still works and still holds the lock.
    await call(first, 'article:create', { language: 'vi' });
    await desks.close(first);
    await expect(fs.access(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    const second = await open(dir);
    expect(await call<unknown[]>(second, 'library:list', { trashed: false })).toHaveLength(1);
  });

  it('refuses a second process while this one holds the folder', async () => {
    const dir = await temp.make();
    await open(dir);
    const { child, lines, stderr } = start('try', dir);
    const line = await lines.next((l) => l.startsWith('REFUSED') || l === 'OPENED');
    expect(line, stderr()).toMatch(/^REFUSED deskLocked /);
    expect(JSON.parse(line.replace(/^REFUSED deskLocked /, ''))).toMatchObject({ dir, pid: process.pid });
    expect((await exited(child)).code).toBe(0);
  });

  it('is refused while another process holds the folder, takes over when it is killed', async () => {
    const dir = await temp.make();
    const { child, lines, stderr } = start('hold', dir);
    const line = await lines.next((l) => l.startsWith('OPEN '));
    expect(line, stderr()).toBe(`OPEN ${child.pid}`);
    await expect(openTestDesk(dir)).rejects.toMatchObject({ code: 'deskLocked', params: { pid: child.pid } });
    child.kill('SIGKILL');
    expect((await exited(child)).signal).toBe('SIGKILL');
    // The lock file still names the dead process; the next desk takes it over.
    expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: child.pid });
    const desk = await open(dir);
    expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(desk.notices()).toEqual([]);
  });

  it('another process that closes its desk releases the folder', async () => {
    const dir = await temp.make();
    const { child, lines, stderr } = start('hold', dir);
    expect(await lines.next((l) => l.startsWith('OPEN ')), stderr()).toBe(`OPEN ${child.pid}`);
    child.stdin.write('close\n');
    await lines.next((l) => l === 'CLOSED');
    expect((await exited(child)).code).toBe(0);
    await expect(fs.access(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    await open(dir);
  });

  it('several processes starting at once on a folder with a dead owner’s lock: exactly one gets it', async () => {
    // Three folders, four processes each, all starting at the same moment.
    const dirs = await Promise.all([1, 2, 3].map(() => temp.make()));
    for (const dir of dirs) await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: DEAD_PID, host: os.hostname(), since: 'x' }));
    const runs = dirs.flatMap((dir) => [1, 2, 3, 4].map(() => ({ dir, ...start('race', dir) })));
    // Every racer loaded and waiting, then all told to go at once (however slow the machine is to start them).
    await Promise.all(runs.map((r) => r.lines.next((l) => l === 'READY')));
    for (const r of runs) r.child.stdin.write('go\n');
    const results = await Promise.all(runs.map(async (r) => ({ dir: r.dir, line: await r.lines.next((l) => l === 'OPENED' || l.startsWith('REFUSED')).catch(() => `NOTHING ${r.stderr()}`) })));
    // The refused ones have exited by themselves (writing to them would fail with EPIPE).
    results.forEach((result, i) => {
      if (result.line === 'OPENED') runs[i]!.child.stdin.write('close\n');
    });
    for (const dir of dirs) {
      const lines = results.filter((r) => r.dir === dir).map((r) => r.line);
      expect(lines.filter((l) => l === 'OPENED'), lines.join('\n')).toHaveLength(1);
      expect(lines.filter((l) => l.startsWith('REFUSED deskLocked')), lines.join('\n')).toHaveLength(3);
    }
    await Promise.all(runs.map((r) => exited(r.child)));
  });
});
