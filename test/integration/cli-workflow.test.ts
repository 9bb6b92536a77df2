/**
 * The workflow from the command line against a real newsroom server: a reporter submits, an
 * editor finds the story in the queue, takes it and returns it with a Vietnamese note, the
 * reporter reads it with `status`; what the desk or the server refuses is said in the user's
 * language with a non-zero exit.
 */
import { describe, expect, it } from 'vitest';
import type { WorkflowQueue } from '../../src-shared/workflow-desk';
import { runCli } from '../../src-main/cli/main';
import { addUser, allSynced, deskFixtures, editAs, loginAs, newArticle, syncStatus } from '../support/sync-desk';
import { completeArticle } from '../support/workflow';

const fx = deskFixtures();


async function cli(dir: string, args: string[], lang = 'vi_VN.UTF-8'): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data', dir, ...args], { LANG: lang }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A desk folder logged in as `name` (with a complete and a bare article, synced to the server), closed again. */
async function folder(server: Awaited<ReturnType<typeof fx.server>>, name: string, withArticles = false): Promise<{ dir: string; ids: string[] }> {
  const dir = await fx.temp('bantin-cli-desk-');
  const desk = await fx.desk(dir);
  await loginAs(desk, server, name);
  const ids: string[] = [];
  if (withArticles) {
    ids.push(await newArticle(desk, 'Lũ quét ở Hà Giang'));
    await editAs(desk, 'writer', ids[0]!, completeArticle);
    ids.push(await newArticle(desk, 'Chỉ có tít'));
    await syncStatus(desk, allSynced, 'the articles on the server');
  }
  await desk.close();
  return { dir, ids };
}

describe('workflow on the command line', () => {
  it('submit, queue, take, return with a note, status — and refusals in the user language', async () => {
    const server = await fx.server();
    await addUser(server, 'lan', 'reporter');
    await addUser(server, 'hoa', 'editor');
    await addUser(server, 'nam', 'reporter');
    const reporter = await folder(server, 'lan', true);
    const [ready, bare] = reporter.ids as [string, string];
    const editor = await folder(server, 'hoa');

    const submitted = await cli(reporter.dir, ['submit', ready]);
    expect(submitted, submitted.err).toMatchObject({ code: 0 });
    expect(submitted.out).toContain('Đã nộp');

    // Incomplete: refused by the server with what is missing, in Vietnamese, then in English.
    const refused = await cli(reporter.dir, ['submit', bare]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Sa-pô');
    const again = await cli(reporter.dir, ['status', bare], 'en_US.UTF-8');
    expect(again.out).toContain('Lead');

    const queue = await cli(editor.dir, ['queue', '--json']);
    expect(queue.code, queue.err).toBe(0);
    const rows = (JSON.parse(queue.out) as WorkflowQueue).rows;
    expect(rows.map((r) => [r.id, r.status, r.owner])).toEqual([[ready, 'submitted', 'lan']]);

    expect(await cli(editor.dir, ['take', ready])).toMatchObject({ code: 0 });
    expect(await cli(editor.dir, ['return', ready])).toMatchObject({ code: 2 }); // --note is required
    const note = 'Cần thêm nguồn tin ở đoạn hai.';
    const returned = await cli(editor.dir, ['return', ready, '--note', note]);
    expect(returned, returned.err).toMatchObject({ code: 0 });

    // The reporter may not approve; the desk says so before asking the server.
    const approve = await cli(reporter.dir, ['approve', ready]);
    expect(approve.code).toBe(1);

    const status = await cli(reporter.dir, ['status', ready]);
    expect(status.code, status.err).toBe(0);
    expect(status.out).toContain('Bị trả lại');
    expect(status.out).toContain(note);
    expect(status.out).toMatch(/Đã nộp → Đang biên tập/);

    // Assignment: an editor's is made on the server at once; a reporter's is refused, said as such.
    const assigned = await cli(editor.dir, ['assign', ready, 'nam']);
    expect(assigned, assigned.err).toMatchObject({ code: 0 });
    expect(assigned.out).toContain('đã phân công cho nam');
    const byReporter = await cli(reporter.dir, ['assign', ready, 'lan'], 'en_US.UTF-8');
    expect(byReporter.code).toBe(1);
    expect(byReporter.err).toContain('Only editors and admins assign stories');
    const listed = JSON.parse((await cli(editor.dir, ['queue', '--json'])).out) as WorkflowQueue;
    expect(listed.rows.find((r) => r.id === ready)?.assignees).toEqual(['nam']);

    // Without the server, the queue is the last one fetched, with when it was; an assignment is refused, not kept.
    await fx.stop(server);
    const unassigned = await cli(editor.dir, ['assign', ready]);
    expect(unassigned.code).toBe(1);
    expect(unassigned.err).toContain('Phân công cần máy chủ toà soạn');
    const kept = await cli(editor.dir, ['queue', '--json']);
    expect(kept.code, kept.err).toBe(0);
    const offline = JSON.parse(kept.out) as WorkflowQueue;
    expect(offline.fetchedAt).not.toBeNull();
    expect(offline.rows.map((r) => r.id)).toEqual([ready]);
  }, 90_000);
});
