/**
 * Comments in the real UI, by keyboard: select words in the lead and in the body, Ctrl+Alt+M,
 * write, Ctrl+Enter; the body marks the commented words; answer the thread, resolve it, find it
 * under the resolved ones, and move between threads with the arrow keys. In Vietnamese, with
 * the English tab's name checked. Then, in English, a comment on the headline: its words marked
 * over the field, a click on them brings the thread forward, and a wide window shows it in the
 * margin beside them; and a comment on a photo's caption, marked over the caption field and shown
 * in the tab and the margin with the photo and the caption's language.
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../src-shared/locales';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { CommentsPanel } from './support/pages/comments-panel';
import { LibraryPage } from './support/pages/library-page';
import { PhotosPanel } from './support/pages/photos-panel';
import { makePhoto } from '../support/photos';

const HEADLINE = 'Hội nghị toàn quốc về chuyển đổi số';
const LEAD = 'Hội nghị trực tuyến kết nối 63 điểm cầu trên cả nước.';
const BODY = 'Thủ tướng chủ trì hội nghị sáng nay.';
const CAPTION = 'Đại biểu tại điểm cầu Hà Giang sáng 13/1.';
const DATE_TIME = /\d{2}:\d{2}, \d{2}\/\d{2}\/\d{4}/;

describe('comments', () => {
  const h = useHarness();

  it('adds, answers and resolves comments on the lead and the body with the keyboard', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page({ bypassCSP: true });
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const comments = new CommentsPanel(page, 'vi');
    await library.goto(desk.url);
    await library.newArticle();
    await article.waitReady();
    await article.sapo().fill(LEAD);
    await article.body().click();
    await page.keyboard.insertText(BODY);
    await article.waitSaved();

    // The lead: "63 điểm cầu" selected (as the writer would with Shift+arrows).
    await article.sapo().evaluate((el, words) => {
      const field = el as HTMLTextAreaElement;
      field.focus();
      field.setSelectionRange(field.value.indexOf(words), field.value.indexOf(words) + words.length);
    }, '63 điểm cầu');
    await page.keyboard.press('Control+Alt+m');
    await expect.poll(() => comments.tab().getAttribute('aria-selected')).toBe('true');
    const box = comments.newBox('63 điểm cầu');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Kiểm tra lại số điểm cầu');
    await page.keyboard.press('Control+Enter');
    // Posted: the caret is back in the lead, the thread listed with its words, author and time.
    await expect.poll(() => article.sapo().evaluate((el) => el === document.activeElement)).toBe(true);
    const lead = comments.thread('63 điểm cầu');
    await lead.waitFor();
    expect(await lead.innerText()).toMatch(new RegExp(`máy này · ${DATE_TIME.source}\\s+Kiểm tra lại số điểm cầu`));

    // The body: "chủ trì" selected, commented, and marked in the text.
    await article.body().evaluate((el, words) => {
      const text = el.querySelector('p')!.firstChild!;
      const at = text.textContent!.indexOf(words);
      (el as HTMLElement).focus();
      document.getSelection()!.setBaseAndExtent(text, at, text, at + words.length);
    }, 'chủ trì');
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('chủ trì');
    await page.keyboard.press('Control+Alt+m');
    await comments.newBox('chủ trì').waitFor();
    await page.keyboard.type('Ghi rõ chức danh');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => article.body().locator('.comment-words').allInnerTexts()).toEqual(['chủ trì']);
    await expect.poll(() => comments.filter('open', 2).isChecked()).toBe(true);

    // Up and Down move between the threads; the thread in focus is marked more in the body.
    await comments.threads().first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => comments.threads().nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => article.body().locator('.comment-words--active').count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => lead.evaluate((el) => el === document.activeElement)).toBe(true);

    // Answer the lead's thread, then resolve it: it leaves the open ones for the resolved ones.
    await page.keyboard.press('Tab'); // its words
    await page.keyboard.press('Enter'); // selects them in the lead
    await expect.poll(() => article.sapo().evaluate((el) => (el as HTMLTextAreaElement).value.slice((el as HTMLTextAreaElement).selectionStart, (el as HTMLTextAreaElement).selectionEnd))).toBe('63 điểm cầu');
    const reply = lead.getByRole('textbox', { name: comments.tc.replyLabel, exact: true });
    await reply.focus();
    await page.keyboard.type('Đã sửa thành 64');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => lead.innerText()).toMatch(/máy này · .*\s+Đã sửa thành 64/);
    await page.keyboard.press('Tab'); // Reply
    await page.keyboard.press('Tab'); // Resolve
    await page.keyboard.press('Enter');
    await comments.filter('resolved', 1).waitFor();
    await expect.poll(() => comments.threads().count()).toBe(1);
    await comments.filter('resolved', 1).check();
    await expect.poll(() => comments.threads().first().innerText()).toMatch(new RegExp(`Xong — máy này, ${DATE_TIME.source}`));
    expect(await comments.threads().first().innerText()).toContain('Đã sửa thành 64');
    expect(await seriousViolations(page)).toEqual([]);
    await article.waitSaved();

    // Kept in the article: a fresh page lists them again.
    await page.reload();
    await article.waitReady();
    await comments.tab().click();
    await comments.filter('all', 2).check();
    await expect.poll(() => comments.threads().count()).toBe(2);
    expect(resources.en.workspace.inspector.tabs.comments).toBe('Comments');
    await library.switchLanguage('en');
    comments.speak('en');
    article.speak('en');
    await comments.tab().waitFor();
    await comments.filter('open', 1).waitFor();

    // The headline: its commented words are marked over the field; a click on them brings the
    // thread forward, marked as the one in focus; at 1920 px the margin shows it beside them.
    await article.headline().fill(HEADLINE);
    await article.headline().evaluate((el, words) => {
      const field = el as HTMLTextAreaElement;
      field.focus();
      field.setSelectionRange(field.value.indexOf(words), field.value.indexOf(words) + words.length);
    }, 'toàn quốc');
    await page.keyboard.press('Control+Alt+m');
    await comments.newBox('toàn quốc').waitFor();
    await page.keyboard.type('Ghi rõ số người dự');
    await page.keyboard.press('Control+Enter');
    const marked = page.locator('.comment-overlay .comment-words');
    await expect.poll(() => marked.allInnerTexts()).toEqual(['toàn quốc']);
    const words = await marked.boundingBox();
    await page.mouse.click(words!.x + words!.width / 2, words!.y + words!.height / 2);
    await expect.poll(() => comments.thread('toàn quốc').getAttribute('class')).toContain('comment--active');
    expect(await marked.getAttribute('class')).toContain('comment-words--active');
    await page.setViewportSize({ width: 1920, height: 1000 });
    // Two open threads (the body's and the headline's), each beside its words.
    await expect.poll(() => page.locator('.comment-margin__card').count()).toBe(2);
    const card = page.locator(`.comment-margin__card[data-comment="${await marked.getAttribute('data-comment')}"]`);
    await expect.poll(async () => Math.abs((await card.boundingBox())!.y - (await marked.boundingBox())!.y)).toBeLessThan(4);
    // By keyboard: from the headline's card, Down goes to the body's, whose words are then marked as in focus.
    await card.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('comment-margin__card') && document.activeElement.getAttribute('data-comment'))).toBe(await article.body().locator('.comment-words').getAttribute('data-comment'));
    await expect.poll(() => article.body().locator('.comment-words--active').innerText()).toBe('chủ trì');
    expect(await seriousViolations(page), 'the margin').toEqual([]);
    // Answered and resolved in English too, from its thread in the tab.
    const headlineThread = comments.thread('toàn quốc');
    await headlineThread.getByRole('textbox', { name: comments.tc.replyLabel, exact: true }).fill('About 2,000 people');
    await headlineThread.getByRole('button', { name: comments.tc.reply, exact: true }).click();
    await expect.poll(() => headlineThread.innerText()).toContain('About 2,000 people');
    await headlineThread.getByRole('button', { name: comments.tc.resolve, exact: true }).click();
    await comments.filter('resolved', 2).waitFor();
    await expect.poll(() => marked.count()).toBe(0);

    // A photo's Vietnamese caption: its words commented from the photo panel, marked over the
    // field, the thread labelled with the photo and the language, its card beside the caption.
    const photos = new PhotosPanel(page, 'en');
    const shot = await makePhoto(await h.dataDir(), 'hoi-nghi.jpg', { seed: 5, width: 320, height: 240 });
    await photos.drop([{ name: 'hoi-nghi.jpg', bytes: shot.bytes, type: 'image/jpeg' }]);
    await photos.waitCount(1);
    const captionField = photos.caption(0, 'vi');
    await captionField.fill(CAPTION);
    await captionField.evaluate((el, words) => {
      const field = el as HTMLTextAreaElement;
      field.setSelectionRange(field.value.indexOf(words), field.value.indexOf(words) + words.length);
    }, 'điểm cầu Hà Giang');
    await page.keyboard.press('Control+Alt+m');
    await comments.newBox('điểm cầu Hà Giang').waitFor();
    await page.keyboard.type('Xã nào?');
    await page.keyboard.press('Control+Enter');
    // Posted: the Photos tab comes back with the caret in the caption, its words marked.
    await expect.poll(() => captionField.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => marked.allInnerTexts()).toEqual(['điểm cầu Hà Giang']);
    await comments.tab().click();
    const captionThread = comments.thread('điểm cầu Hà Giang');
    await expect.poll(() => captionThread.locator('.comment__field').textContent()).toBe('Photo 1 · Vietnamese caption');
    // Its words button brings the Photos tab forward with the words selected.
    await captionThread.getByRole('button', { name: comments.tc.showWords.replace('{{words}}', 'điểm cầu Hà Giang'), exact: true }).click();
    await expect.poll(() => captionField.evaluate((el) => el === document.activeElement && (el as HTMLTextAreaElement).value.slice((el as HTMLTextAreaElement).selectionStart, (el as HTMLTextAreaElement).selectionEnd))).toBe('điểm cầu Hà Giang');
    // A click on them brings its card forward beside them.
    const captionWords = (await marked.boundingBox())!;
    await page.mouse.click(captionWords.x + captionWords.width / 2, captionWords.y + captionWords.height / 2);
    const captionCard = page.locator(`.comment-margin__card[data-comment="${await marked.getAttribute('data-comment')}"]`);
    await expect.poll(async () => Math.abs(((await captionCard.boundingBox())?.y ?? -100) - (await marked.boundingBox())!.y)).toBeLessThan(4);
    // Words typed before them keep the mark on them.
    await captionField.press('Home');
    await page.keyboard.type('Ảnh: ');
    await expect.poll(() => marked.allInnerTexts()).toEqual(['điểm cầu Hà Giang']);

    // The library row counts the open ones.
    await page.goto(desk.url);
    await page.getByText(resources.en.common.library.openComments.replace('{{n}}', '2'), { exact: true }).waitFor();
  });
});
