/**
 * Stories copied from news sites (.txt and saved .html, made for these tests in web-copies/, and
 * the copy in ../shared/fixtures): the page's masthead, weather and menu lines and its footer
 * are dropped, the date line becomes the story's date, the last short line the byline — each
 * noted in the article and undone from there, the lines coming back as body text. An ordinary
 * story is imported as before.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyLines, readArticle } from '../../src-shared/article-doc';
import { readImportNotes, undoImportNote } from '../../src-shared/import-notes';
import type { ArticleSummary } from '../../src-shared/models';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, testDesks } from '../support/desk';
import { tempDirs } from '../support/temp';

const here = path.dirname(fileURLToPath(import.meta.url));
const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

async function importFile(desk: Desk, name: string, bytes: Uint8Array): Promise<ArticleSummary> {
  return call<ArticleSummary>(desk, 'article:import', { name, bytes, language: 'vi' });
}

async function docOf(desk: Desk, id: string) {
  const opened = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
  return replicaOf(opened.state);
}

describe('import of web copies', () => {
  it('a .txt copy: masthead, weather and menu dropped, weekday date line read, byline taken, footer dropped; each undone', async () => {
    const desk = await desks.open(await temp.make());
    const summary = await importFile(desk, 'dak-lak-le-hoi.txt', await fs.readFile(path.join(here, 'web-copies/dak-lak-le-hoi.txt')));
    expect(summary.storyDate).toBe('2023-03-11T19:30:00+07:00');
    expect(Date.now() - Date.parse(summary.createdAt)).toBeLessThan(60_000);
    const doc = await docOf(desk, summary.id);
    const view = readArticle(doc);
    expect(view.headline).toBe('Khai mạc Lễ hội cà phê Buôn Ma Thuột lần thứ 8');
    expect(view.sapo).toMatch(/^Tối 11\/3, tại Quảng trường 10\/3/);
    expect(view.byline).toBe('Hồng Nhung');
    expect(bodyLines(doc)).toHaveLength(2);
    expect(bodyLines(doc).at(-1)).toMatch(/^Lễ hội kéo dài/);
    expect(readImportNotes(doc)).toEqual({
      dropped: ['Đài Phát thanh và Truyền hình Đắk Lắk', '• Buôn Ma Thuột', '27oC', 'Trang chủ | Thời sự | Kinh tế | Văn hóa'],
      footer: ['Ý kiến bạn đọc', 'Chia sẻ'],
      dateLine: 'Thứ Bảy, 11/03/2023 19:30',
      byline: 'Hồng Nhung',
    });

    undoImportNote(doc, 'byline');
    expect(readArticle(doc).byline).toBe('');
    expect(bodyLines(doc).at(-1)).toBe('Hồng Nhung');
    undoImportNote(doc, 'dateLine');
    expect(readArticle(doc).storyDate).toBe(summary.createdAt);
    expect(bodyLines(doc)[0]).toBe('Thứ Bảy, 11/03/2023 19:30');
    undoImportNote(doc, 'dropped');
    expect(bodyLines(doc).slice(0, 5)).toEqual(['Đài Phát thanh và Truyền hình Đắk Lắk', '• Buôn Ma Thuột', '27oC', 'Trang chủ | Thời sự | Kinh tế | Văn hóa', 'Thứ Bảy, 11/03/2023 19:30']);
    expect(bodyLines(doc).slice(-3)).toEqual(['Hồng Nhung', 'Ý kiến bạn đọc', 'Chia sẻ']);
    expect(doc.getMap('meta').has('importNotes')).toBe(false);
  });

  it('a saved .html page: header and footer dropped, "Cập nhật: …" read, byline taken, the bold lead kept', async () => {
    const desk = await desks.open(await temp.make());
    const summary = await importFile(desk, 'lang-son-hoi-nghi.html', await fs.readFile(path.join(here, 'web-copies/lang-son-hoi-nghi.html')));
    expect(summary.storyDate).toBe('2024-01-15T08:45:00+07:00');
    const doc = await docOf(desk, summary.id);
    const view = readArticle(doc);
    expect(view.headline).toBe('Tỉnh Lạng Sơn triển khai nhiệm vụ chuyển đổi số năm 2024');
    expect(view.sapo).toBe('Sáng 15/1, UBND tỉnh Lạng Sơn tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024.');
    expect(view.byline).toBe('Minh Thư – Quang Huy');
    expect(bodyLines(doc)).toEqual(['Năm 2023, tỉnh đã đưa 1.200 thủ tục hành chính lên dịch vụ công trực tuyến toàn trình.', 'Năm 2024, tỉnh đặt mục tiêu 80% hồ sơ được xử lý trực tuyến.']);
    expect(view.body).not.toMatch(/ads|font-family/);
    expect(readImportNotes(doc)).toEqual({ dropped: ['Báo Lạng Sơn điện tử', '• Lạng Sơn 18°C', 'Trang chủ › Thời sự › Chính trị'], footer: ['Bình luận', 'Tin liên quan'], dateLine: 'Cập nhật: 15/01/2024 - 08:45', byline: 'Minh Thư – Quang Huy' });
  });

  it('the copy of a provincial station page (../shared/fixtures): the headline is the story\'s, dated 17:53, 13/01/2022, by Đình Anh', async () => {
    const file = path.resolve(here, '../../../shared/fixtures/ha-giang-2022-01-13-dan-van.txt');
    const desk = await desks.open(await temp.make());
    const summary = await importFile(desk, path.basename(file), await fs.readFile(file));
    expect(summary.headline).toBe('Hội nghị trực tuyến toàn quốc triển khai công tác dân vận năm 2022');
    expect(summary.sapo).toMatch(/^Ngày 13\.1, Ban Dân vận T\.Ư/);
    expect(summary.byline).toBe('Đình Anh');
    expect(summary.storyDate).toBe('2022-01-13T17:53:00+07:00');
    const doc = await docOf(desk, summary.id);
    expect(readImportNotes(doc).dropped).toEqual(['Đài Phát thanh và Truyền hình Hà giang', '• Hà Giang', 'oC']);
    expect(bodyLines(doc).at(-1)).toMatch(/kéo dài\.\/\.$/);
  });

  it('an ordinary story comes in as it is: no notes, dated at its creation, its last line stays in the body', async () => {
    const desk = await desks.open(await temp.make());
    const text = ['Báo động tình trạng sạt lở trên quốc lộ 4C', '', 'Mưa lớn kéo dài khiến nhiều đoạn quốc lộ 4C bị sạt lở.', '', 'Lực lượng chức năng đã cắm biển cảnh báo.', '', 'Người dân được khuyến cáo không đi qua đèo vào ban đêm.'].join('\n');
    const summary = await importFile(desk, 'sat-lo.txt', new TextEncoder().encode(text));
    expect(summary).toMatchObject({ headline: 'Báo động tình trạng sạt lở trên quốc lộ 4C', byline: '', storyDate: summary.createdAt });
    const doc = await docOf(desk, summary.id);
    expect(bodyLines(doc)).toEqual(['Lực lượng chức năng đã cắm biển cảnh báo.', 'Người dân được khuyến cáo không đi qua đèo vào ban đêm.']);
    expect(doc.getMap('meta').has('importNotes')).toBe(false);
  });
});
