import { describe, expect, it } from 'vitest';
import { isByline, isPageHead, readWebCopy } from '../../../../src-main/services/import/web-copy';

const read = (text: string) => readWebCopy(text.split('\n'), (l) => l, false);

describe('web copies: the page around the story', () => {
  it('knows a masthead, a location or weather line and menu words from a headline', () => {
    for (const line of ['Đài Phát thanh và Truyền hình Hà giang', 'Báo Tuyên Quang điện tử', '• Hà Giang', '• Hà Giang 25oC', 'oC', '25°C', 'Trang chủ | Thời sự | Kinh tế', 'Trang chủ › Thời sự', 'TRANG CHỦ  VIDEO  PODCAST']) {
      expect(isPageHead(line), line).toBe(true);
    }
    for (const line of ['Báo động đỏ về nạn phá rừng ở Hà Giang', 'Hội nghị trực tuyến toàn quốc triển khai công tác dân vận năm 2022', 'Thời sự ngày 13/1: mưa lớn ở vùng cao', 'Đài tưởng niệm liệt sĩ được khánh thành']) {
      expect(isPageHead(line), line).toBe(false);
    }
  });

  it('knows a byline from a last sentence', () => {
    for (const line of ['Đình Anh', 'Minh Thư – Quang Huy', 'Theo TTXVN', 'Hồng Nhung (Báo Đắk Lắk)']) expect(isByline(line), line).toBe(true);
    for (const line of ['Xin cảm ơn.', 'Hết', 'Các đại biểu dự hội nghị tại điểm cầu tỉnh', 'Năm 2022 có 63 điểm cầu', 'Người dân phấn khởi']) expect(isByline(line), line).toBe(false);
  });

  it('drops the head, reads the date line under the headline, takes the byline and drops the footer', () => {
    const web = read(['Đài Phát thanh và Truyền hình Hà giang', '  • Hà Giang', '    oC', '', 'Tít bài', '', '17:53, 13/01/2022', '', 'Sa-pô.', '', 'Thân bài.', '', 'Đình Anh', '', ' ', '', 'Ý kiến bạn đọc'].join('\n'));
    expect(web.items).toEqual(['Tít bài', '', '', 'Sa-pô.', '', 'Thân bài.']);
    expect(web.notes).toEqual({ dropped: ['Đài Phát thanh và Truyền hình Hà giang', '• Hà Giang', 'oC'], footer: ['Ý kiến bạn đọc'], dateLine: '17:53, 13/01/2022', byline: 'Đình Anh' });
    expect(web.storyDate).toBe('2022-01-13T10:53:00.000Z');
  });

  it('reads a date line above the headline too', () => {
    const web = read('Thứ Năm, 13/01/2022 17:53\nTít bài\n\nSa-pô.\n\nThân bài.');
    expect(web.notes.dateLine).toBe('Thứ Năm, 13/01/2022 17:53');
    expect(web.items[0]).toBe('Tít bài');
  });

  it('leaves an ordinary story as it is', () => {
    const story = ['Báo động tình trạng sạt lở trên quốc lộ 4C', '', 'Mưa lớn kéo dài khiến nhiều đoạn quốc lộ 4C bị sạt lở.', '', 'Lực lượng chức năng đã cắm biển cảnh báo.', '', 'Người dân được khuyến cáo không đi qua đèo vào ban đêm.'];
    const web = read(story.join('\n'));
    expect(web.items).toEqual(story);
    expect(web.notes).toEqual({ dropped: [], footer: [], dateLine: null, byline: null });
    expect(web.storyDate).toBeNull();
  });

  it('a byline must stand alone in a .txt, and never empties a short note', () => {
    expect(read('Tít\n\nSa-pô.\nĐình Anh').notes.byline).toBeNull();
    expect(read('Tít\n\nĐình Anh').notes.byline).toBeNull();
    expect(read('• Hà Giang\nTít').items).toEqual(['• Hà Giang', 'Tít']);
  });
});
