/**
 * Two desks, one newsroom server, the server away while both edit the same story in Chromium
 * with real keys: desk A deletes a sentence of the body and rewrites the headline; desk B
 * changes a word inside that sentence and rewrites the headline too. Back online, both bodies
 * hold every untouched word and B's word whole — no fragment of the deleted sentence glued to
 * the next one ("Nhvậnững") — and both desks show the headline conflict with each version and
 * its writer; choosing one by keyboard on one desk settles it on both. The same delete and word
 * change made in the lead (a plain field) merge the same way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resources } from '../../src-shared/locales';
import { api, startTestServer, type TestServer } from '../support/server';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { LibraryPage } from './support/pages/library-page';
import { ServerPage } from './support/pages/server-page';

const vi = resources.vi;
const LAN = { name: 'lan', password: 'lan-mật-khẩu-đủ-dài', role: 'editor' } as const;
const MINH = { name: 'minh', password: 'minh-mật-khẩu-đủ-dài', role: 'editor' } as const;
const HEADLINE = 'Hà Giang triển khai nhiệm vụ năm 2022';
const HEADLINE_A = 'Dân vận khéo ở Hà Giang';
const HEADLINE_B = 'Hội nghị trực tuyến 63 điểm cầu';
const PARAGRAPH = 'Câu một giữ nguyên. Nhiều xã đã huy động dân làm đường. Những kết quả rất tốt.';
const SENTENCE = 'Nhiều xã đã huy động dân làm đường. ';

/** Selects `text` in the body (its first occurrence) as a writer's drag would. */
async function selectInBody(page: Page, text: string): Promise<void> {
  await page.locator('.rich-body').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`not in the body: ${wanted}`);
  }, text);
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForFunction((wanted) => getSelection()?.toString() === wanted, text);
}

/** Selects `text` in the lead (its first occurrence) as a writer's drag would. */
async function selectInField(article: ArticlePage, text: string): Promise<void> {
  await article.sapo().evaluate((el, wanted) => {
    const field = el as HTMLTextAreaElement | HTMLInputElement;
    const at = field.value.indexOf(wanted);
    if (at < 0) throw new Error(`not in the lead: ${wanted}`);
    field.focus();
    field.setSelectionRange(at, at + wanted.length);
  }, text);
}

/** Selects the whole headline and types `text` over it. */
async function rewriteHeadline(article: ArticlePage, text: string): Promise<void> {
  await article.headline().click();
  await article.headline().press('Control+A');
  await article.page.keyboard.type(text);
}

describe('two desks editing one story while the server is away', () => {
  const h = useHarness();
  let server: TestServer | null = null;

  afterEach(async () => {
    await server?.server.close();
    server = null;
  });

  it('merge the body and the lead where each edit was made and show the two headline rewrites as a conflict, settled on both by one choice', { timeout: 180_000 }, async () => {
    const serverDir = await h.dataDir();
    server = await startTestServer(serverDir);
    const port = server.server.port;
    for (const u of [LAN, MINH]) {
      const created = await api(server.url, 'POST', '/api/users', { token: server.adminToken, json: { name: u.name, role: u.role, password: u.password } });
      expect(created.status).toBe(201);
    }
    const deskA = await h.startDesk(await h.dataDir());
    const deskB = await h.startDesk(await h.dataDir());
    const pageA = await h.page();
    const pageB = await h.page();
    const a = new ArticlePage(pageA, 'vi');
    const b = new ArticlePage(pageB, 'vi');
    const syncA = new ServerPage(pageA, 'vi');
    const syncB = new ServerPage(pageB, 'vi');
    const libraryA = new LibraryPage(pageA, 'vi');
    const libraryB = new LibraryPage(pageB, 'vi');

    for (const [library, sync, user, desk] of [
      [libraryA, syncA, LAN, deskA],
      [libraryB, syncB, MINH, deskB],
    ] as const) {
      await library.goto(desk.url);
      await sync.open();
      await sync.login(server.url, user.name, user.password);
      await sync.form().waitFor({ state: 'detached' });
    }

    // Desk A writes the story; desk B has it open too.
    await pageA.goto(deskA.url);
    await libraryA.waitReady();
    await libraryA.newArticle();
    await a.waitReady();
    await a.typeInto(a.headline(), HEADLINE);
    await a.typeInto(a.sapo(), PARAGRAPH);
    await a.typeInto(a.body(), PARAGRAPH);
    await a.waitSaved();
    await expect.poll(() => syncA.articleSync(), { timeout: 30_000 }).toBe('onServer');
    await pageB.goto(deskB.url);
    await libraryB.waitReady();
    await libraryB.row(HEADLINE).waitFor({ timeout: 30_000 });
    await libraryB.open(HEADLINE);
    await b.waitReady();
    await expect.poll(() => b.bodyText(), { timeout: 30_000 }).toBe(PARAGRAPH);
    expect(await b.sapo().inputValue()).toBe(PARAGRAPH);

    // The server goes away; each desk edits the same sentence and rewrites the headline.
    await server.server.close();
    server = null;
    await selectInBody(pageA, SENTENCE);
    await pageA.keyboard.press('Delete');
    await rewriteHeadline(a, HEADLINE_A);
    await selectInBody(pageB, 'huy');
    await pageB.keyboard.type('vận');
    await rewriteHeadline(b, HEADLINE_B);
    // The same two edits in the lead, a plain field.
    await selectInField(a, SENTENCE);
    await pageA.keyboard.press('Delete');
    await selectInField(b, 'huy');
    await pageB.keyboard.type('vận');
    await a.waitSaved();
    await b.waitSaved();
    expect(await a.bodyText()).toBe(PARAGRAPH.replace(SENTENCE, ''));
    expect(await b.bodyText()).toBe(PARAGRAPH.replace('huy', 'vận'));

    // Back on the same port: the bodies meet, each word whole.
    server = await startTestServer(serverDir, { port });
    for (const page of [a, b]) {
      await expect.poll(() => page.bodyText(), { timeout: 60_000 }).toContain('vận');
      await expect.poll(() => page.bodyText(), { timeout: 60_000 }).not.toContain('Nhiều');
    }
    const merged = await a.bodyText();
    expect(await b.bodyText()).toBe(merged);
    expect(merged).not.toContain('Nhvận');
    expect(merged.replace('vận', '')).toBe('Câu một giữ nguyên. Những kết quả rất tốt.');
    // The lead too: each word whole, the same on both desks.
    await expect.poll(() => a.sapo().inputValue(), { timeout: 30_000 }).toContain('vận');
    await expect.poll(() => b.sapo().inputValue(), { timeout: 30_000 }).not.toContain('Nhiều');
    const lead = await a.sapo().inputValue();
    expect(await b.sapo().inputValue()).toBe(lead);
    expect(lead).not.toContain('Nhvận');
    expect(lead.replace('vận', '')).toBe('Câu một giữ nguyên. Những kết quả rất tốt.');

    // Both desks show the headline conflict: each version with who wrote it.
    const conflictOn = (page: Page) => page.getByRole('group', { name: vi.editor.conflict.title.replace('{{field}}', vi.common.article.headline), exact: true });
    for (const page of [pageA, pageB]) {
      const group = conflictOn(page);
      await group.waitFor({ timeout: 60_000 });
      await expect.poll(() => group.getByRole('listitem').allInnerTexts()).toHaveLength(2);
      const items = (await group.getByRole('listitem').allInnerTexts()).join('\n');
      for (const text of [HEADLINE_A, HEADLINE_B, LAN.name, MINH.name]) expect(items).toContain(text);
    }
    // Until someone chooses, the field shows the headline both began from, not the two glued.
    for (const article of [a, b]) {
      expect(await article.headline().inputValue()).toBe(HEADLINE);
      expect(await article.headline().isEditable()).toBe(false);
    }

    // Desk B keeps A's version, by keyboard; both desks end with it and no conflict.
    const keepA = conflictOn(pageB).getByRole('button', { name: vi.editor.conflict.useLabel.replace('{{value}}', HEADLINE_A).replace('{{who}}', LAN.name), exact: true });
    await keepA.focus();
    await pageB.keyboard.press('Enter');
    for (const [page, article] of [
      [pageA, a],
      [pageB, b],
    ] as const) {
      await expect.poll(() => article.headline().inputValue(), { timeout: 30_000 }).toBe(HEADLINE_A);
      await expect.poll(() => conflictOn(page).count(), { timeout: 30_000 }).toBe(0);
    }
  });
});
