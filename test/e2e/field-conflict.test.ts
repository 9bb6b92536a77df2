/**
 * A byline written on two desks at once, through the UI of one (web mode in Chromium) and a
 * second desk over a real newsroom server: the article page shows both values with who wrote
 * them and when, the checklist lists the field, and the writer settles it with the keyboard
 * alone; Ctrl+Z brings the conflict back and Ctrl+Y settles it again; the other desk follows.
 * The library row says the article waits for a choice.
 *
 * The second desk writes while logged out (its change waits on the desk), the first types its
 * byline online, then the second logs in again and its change arrives: two edits neither saw.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { metaRegister, writeMeta } from '../../src-shared/article-doc';
import { resources } from '../../src-shared/locales';
import { newSession } from '../../src-shared/register';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf } from '../support/desk';
import { startTestServer, type TestServer } from '../support/server';
import { addUser, allSynced, editAs, loginAs, openSyncDesk, syncStatus, USER_PASSWORD, waitFor } from '../support/sync-desk';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { FieldConflictNotice } from './support/pages/field-conflict';
import { LibraryPage } from './support/pages/library-page';
import { ServerPage } from './support/pages/server-page';
import { fill, pattern } from './support/texts';

const vi = resources.vi;
const WHEN = '\\d{2}:\\d{2}, \\d{2}/\\d{2}/\\d{4}';

describe('a typed field two desks wrote at once', () => {
  const h = useHarness();
  let server: TestServer | null = null;
  let deskB: Desk | null = null;

  afterEach(async () => {
    await deskB?.close().catch(() => undefined);
    deskB = null;
    await server?.server.close();
    server = null;
  });

  it('shows both bylines on the article page and is settled with the keyboard; undo brings the conflict back', { timeout: 120_000 }, async () => {
    server = await startTestServer(await h.dataDir());
    await addUser(server, 'lan', 'editor');
    await addUser(server, 'minh', 'editor');
    const deskA = await h.startDesk(await h.dataDir());
    const page = await h.page({ bypassCSP: true });
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const sync = new ServerPage(page, 'vi');
    const conflicts = new FieldConflictNotice(page, 'vi');
    const byline = vi.common.article.byline;

    // Desk A logs in and writes an article with a byline; it reaches the server.
    await library.goto(deskA.url);
    await sync.open();
    await sync.login(server.url, 'lan', USER_PASSWORD);
    await sync.form().waitFor({ state: 'detached' });
    await page.goto(deskA.url);
    await library.waitReady();
    await library.newArticle();
    await article.waitReady();
    const id = article.articleId();
    await article.typeInto(article.headline(), 'Lũ về Yên Bái');
    await article.typeInto(article.byline(), 'Ban Thời sự');
    await article.headline().focus();
    await article.waitSaved();
    await expect.poll(() => sync.articleSync(), { timeout: 30_000 }).toBe('onServer');

    // Desk B gets it, logs out and writes its byline.
    deskB = await openSyncDesk(await h.dataDir());
    const b = deskB;
    await loginAs(b, server, 'minh');
    await syncStatus(b, allSynced, 'desk B synced');
    const bylineOnB = async () => {
      const { state } = await call<{ state: Uint8Array }>(b, 'article:open', { id }, 'reader');
      await call(b, 'article:close', { id }, 'reader');
      return metaRegister(replicaOf(state), 'byline');
    };
    await waitFor(async () => (await bylineOnB()).value === 'Ban Thời sự', 'the article on desk B');
    await call(b, 'sync:logout', {});
    await editAs(b, 'writer', id, (doc) => writeMeta(doc, 'byline', 'Minh Đức', newSession('minh')));

    // Desk A, still online, types its own byline over the same one; then B comes back.
    await article.byline().fill('');
    await article.typeInto(article.byline(), 'Lan Anh');
    await article.headline().focus();
    await article.waitSaved();
    await expect.poll(() => sync.articleSync(), { timeout: 30_000 }).toBe('onServer');
    await loginAs(b, server, 'minh');
    await syncStatus(b, allSynced, 'desk B synced again');

    // The article page shows the conflict: both values, who and when; the field keeps the agreed byline.
    const notice = conflicts.notice(byline);
    await notice.waitFor({ timeout: 30_000 });
    expect(await conflicts.candidates(byline)).toEqual([expect.stringMatching(pattern(`Minh Đức — ${vi.editor.conflict.by}`, { who: 'minh', at: WHEN })), expect.stringMatching(pattern(`Lan Anh — ${vi.editor.conflict.by}`, { who: 'lan', at: WHEN }))]);
    expect(await notice.innerText()).toContain(fill(vi.editor.conflict.hint, { value: 'Ban Thời sự' }));
    expect(await article.byline().inputValue()).toBe('Ban Thời sự');
    const item = page.locator('[data-item="conflicts"]');
    await expect.poll(() => item.getAttribute('class')).toContain('checklist__item--missing');
    expect(await item.innerText()).toContain(fill(vi.checklist.conflictsIn, { fields: vi.checklist.conflictPlaces.meta.byline }));
    expect(await seriousViolations(page), 'article page with a conflict notice').toEqual([]);

    // The library row says the article waits for a choice; opened again, the notice is still there.
    await article.back();
    await library.waitReady();
    await expect.poll(() => library.row('Lũ về Yên Bái').locator('.badge--conflict').innerText()).toBe(fill(vi.common.library.conflicts, { n: '1' }));
    await library.open('Lũ về Yên Bái');
    await article.waitReady();
    await notice.waitFor();

    // Keyboard only: from the byline, Tab to each value's button, then to the combined value; Enter settles.
    await article.byline().focus();
    await page.keyboard.press('Tab');
    expect(await conflicts.focusedName()).toBe(fill(vi.editor.conflict.useLabel, { value: 'Minh Đức', who: 'minh' }));
    await page.keyboard.press('Tab');
    expect(await conflicts.focusedName()).toBe(fill(vi.editor.conflict.useLabel, { value: 'Lan Anh', who: 'lan' }));
    await page.keyboard.press('Tab');
    expect(await conflicts.focusedName()).toBe(vi.editor.conflict.combined);
    expect(await conflicts.combined(byline).inputValue()).toBe('Minh Đức, Lan Anh');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Lan Anh – Minh Đức');
    await page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => article.byline().inputValue()).toBe('Lan Anh – Minh Đức');
    await expect.poll(() => item.getAttribute('class')).toContain('checklist__item--ok');

    // Ctrl+Z in the byline brings the conflict back; Ctrl+Y settles it again.
    await article.byline().focus();
    await page.keyboard.press('Control+Z');
    await notice.waitFor();
    await expect.poll(() => article.byline().inputValue()).toBe('Ban Thời sự');
    await page.keyboard.press('Control+Y');
    await notice.waitFor({ state: 'detached' });
    await article.waitSaved();

    // Desk B ends with the settled byline, by lan.
    await waitFor(async () => {
      const state = await bylineOnB();
      return !state.conflict && state.value === 'Lan Anh – Minh Đức';
    }, 'the settled byline on desk B', 30_000);
    expect((await bylineOnB()).candidates.map((c) => c.by)).toEqual(['lan']);
  });
});
