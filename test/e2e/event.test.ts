/**
 * The event of the sample article filled in the real UI: title, dates, a place picked by
 * typing a former name without accents, a participant the glossary learns and then completes;
 * the checklist follows; everything is there after the page (and the desk) restarts.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { useHarness } from './support/harness';
import { ArticlePage } from './support/pages/article-page';
import { EventPanel } from './support/pages/event-panel';
import { LibraryPage } from './support/pages/library-page';

const SAMPLE = 'Hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ chuyển đổi số năm 2026';

describe('event metadata', () => {
  const h = useHarness();

  it('fills the sample article\'s event with a place found by its old name and a participant completed from the glossary', async () => {
    const dir = await h.dataDir();
    let desk = await h.startDesk(dir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const event = new EventPanel(page, 'vi');
    await library.goto(desk.url);
    await library.loadSample();
    await library.open(SAMPLE);
    await article.waitReady();

    await expect.poll(() => event.checklistItem('eventPlace').getAttribute('class')).toContain('missing');

    await event.show();
    await event.title().fill('Hội nghị chuyển đổi số toàn tỉnh');
    await event.typeDate('start', '09/01/2026 08:00');
    await event.typeDate('end', '09/01/2026 11:30');
    expect(await event.timeZone().inputValue()).toBe('Asia/Ho_Chi_Minh');
    await event.venue().fill('Hội trường Tỉnh uỷ');

    // The former province, typed without accents, offers its current unit.
    await event.placeField().pressSequentially('ha giang', { delay: 20 });
    const oldName = event.placeOptions().filter({ hasText: 'Tỉnh Hà Giang (tỉnh cũ) → Tuyên Quang' });
    await oldName.waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => event.placeOptions().first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => event.chosenPlace().innerText()).toBe('Đã chọn: Tỉnh Hà Giang (tỉnh cũ) → Tuyên Quang');
    await expect.poll(() => event.region().getByText('Dòng địa danh: Tuyên Quang', { exact: true }).count()).toBe(1);

    // A first participant, typed in full: the glossary learns them when the row is left.
    await event.addParticipant().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('Nguyễn Văn Sơn');
    await event.participantField(1, 'personTitle').fill('Chủ tịch UBND tỉnh');
    await event.participantField(1, 'organisation').fill('UBND tỉnh Tuyên Quang');
    await event.title().click();

    // A second one: "nguyen v" offers that person, and picking fills title and organisation.
    await event.addParticipant().click();
    await event.participantField(2, 'person').pressSequentially('nguyen v', { delay: 20 });
    const suggestion = event.suggestions().filter({ hasText: 'Nguyễn Văn Sơn' });
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toContain('Chủ tịch UBND tỉnh, UBND tỉnh Tuyên Quang');
    await suggestion.click();
    await expect.poll(() => event.participantField(2, 'person').inputValue()).toBe('Nguyễn Văn Sơn');
    await expect.poll(() => event.participantField(2, 'personTitle').inputValue()).toBe('Chủ tịch UBND tỉnh');
    await expect.poll(() => event.participantField(2, 'organisation').inputValue()).toBe('UBND tỉnh Tuyên Quang');

    await expect.poll(() => event.checklistItem('eventPlace').getAttribute('class')).toContain('ok');
    await expect.poll(() => event.checklistItem('eventDate').getAttribute('class')).toContain('ok');
    // The sample's two photos are planned, without their image files yet.
    expect(await event.checklistItem('photoImages').innerText()).toContain('ảnh 1, ảnh 2');
    await article.waitSaved();

    // The desk restarts: the event is in the article, the person in the glossary.
    await desk.stop();
    desk = await h.startDesk(dir);
    await library.goto(desk.url);
    await library.open(SAMPLE);
    await article.waitReady();
    await event.show();
    await expect.poll(() => event.title().inputValue()).toBe('Hội nghị chuyển đổi số toàn tỉnh');
    expect(await event.start().inputValue()).toBe('09/01/2026 08:00');
    expect(await event.end().inputValue()).toBe('09/01/2026 11:30');
    expect(await event.venue().inputValue()).toBe('Hội trường Tỉnh uỷ');
    expect(await event.chosenPlace().innerText()).toBe('Đã chọn: Tỉnh Hà Giang (tỉnh cũ) → Tuyên Quang');
    expect(await event.participantField(2, 'organisation').inputValue()).toBe('UBND tỉnh Tuyên Quang');

    await page.getByRole('link', { name: 'Danh bạ', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh bạ', exact: true }).waitFor();
    await expect.poll(() => page.getByText('Nguyễn Văn Sơn', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('UBND tỉnh Tuyên Quang', { exact: true }).count()).toBe(1);
  });

  it('speaks English, and has no serious accessibility violation with the place list open', async () => {
    const desk = await h.startDesk(await h.dataDir());
    // axe is injected as a script, which the desk's CSP forbids: only this context bypasses it.
    const page = await h.page({ bypassCSP: true });
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const event = new EventPanel(page, 'vi');
    await library.goto(desk.url);
    await library.switchLanguage('en');
    article.speak('en');
    event.speak('en');
    await library.loadSample();
    await library.open(SAMPLE);
    await article.waitReady();

    await event.showChecklist();
    expect(await event.checklist().getByRole('status').innerText()).toBe('Items missing: 3');
    expect(await event.checklistItem('photoCaptions').innerText()).toContain('Photo captions in the article\'s language');
    await event.show();
    await event.placeField().pressSequentially('phuong nguyen trai, ha giang', { delay: 10 });
    await event.placeOptions().filter({ hasText: 'Phường Nguyễn Trãi, Thành phố Hà Giang, Tỉnh Hà Giang (former ward) → Phường Hà Giang 1, Tuyên Quang' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => event.chosenPlace().innerText()).toBe('Chosen: Phường Nguyễn Trãi, Thành phố Hà Giang, Tỉnh Hà Giang (former ward) → Phường Hà Giang 1, Tuyên Quang');
    // The event started before 1 July 2025: the dateline may keep the former name.
    await event.typeDate('start', '20/06/2025 08:00');
    await expect.poll(() => event.region().getByText('Event before 1 July 2025, so the dateline keeps the former name: Nguyễn Trãi', { exact: true }).count()).toBe(1);
    await event.showChecklist();
    await expect.poll(() => event.checklist().getByRole('status').innerText()).toBe('Items missing: 1');
  });

  it('merges two spellings of an organiser in the glossary page, corrects and removes entries', async () => {
    const desk = await h.startDesk(await h.dataDir());
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    const article = new ArticlePage(page, 'vi');
    const event = new EventPanel(page, 'vi');
    await library.goto(desk.url);
    await library.loadSample();
    await library.open(SAMPLE);
    await article.waitReady();

    await event.show();
    await event.addOrganiser().click();
    await event.organiserField(1).fill('Sở GD&ĐT');
    await event.addOrganiser().click();
    await event.organiserField(2).fill('Sở Giáo dục và Đào tạo');
    await event.title().click();
    await article.waitSaved();

    await page.getByRole('link', { name: 'Danh bạ', exact: true }).click();
    const organisations = page.getByRole('region', { name: 'Cơ quan, đơn vị', exact: true });
    await organisations.getByText('Sở GD&ĐT', { exact: true }).waitFor();
    await organisations.getByText('Sở Giáo dục và Đào tạo', { exact: true }).waitFor();

    await page.getByRole('checkbox', { name: 'Chọn Sở GD&ĐT để gộp', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Chọn Sở Giáo dục và Đào tạo để gộp', exact: true }).check();
    await page.getByLabel('Giữ tên', { exact: true }).selectOption({ label: 'Sở Giáo dục và Đào tạo' });
    await page.getByRole('button', { name: 'Gộp 2 mục đã chọn', exact: true }).click();
    await expect.poll(() => organisations.getByRole('listitem').count()).toBe(1);
    expect(await organisations.getByRole('listitem').innerText()).toContain('Số lần dùng: 2');

    await page.getByRole('button', { name: 'Sửa Sở Giáo dục và Đào tạo', exact: true }).click();
    const name = organisations.getByLabel('Tên', { exact: true });
    await name.fill('Sở Giáo dục và Đào tạo tỉnh Tuyên Quang');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await organisations.getByText('Sở Giáo dục và Đào tạo tỉnh Tuyên Quang', { exact: true }).waitFor();

    // The correction is a completion in every article now.
    await page.goBack();
    await article.waitReady();
    await event.show();
    await event.addOrganiser().click();
    await event.organiserField(3).pressSequentially('so giao', { delay: 20 });
    await event.suggestions().filter({ hasText: 'Sở Giáo dục và Đào tạo tỉnh Tuyên Quang' }).click();
    await expect.poll(() => event.organiserField(3).inputValue()).toBe('Sở Giáo dục và Đào tạo tỉnh Tuyên Quang');

    await page.getByRole('link', { name: 'Danh bạ', exact: true }).click();
    await page.getByRole('button', { name: 'Xoá Sở Giáo dục và Đào tạo tỉnh Tuyên Quang', exact: true }).click();
    await page.getByText('Danh bạ còn trống.', { exact: false }).waitFor();
  });
});
