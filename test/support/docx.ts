/** A Word document made the way Word makes one (the `docx` package), for import tests. */
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export const DOCX_STORY = {
  headline: 'Hà Giang mở lại tuyến xe khách lên Đồng Văn',
  sapo: 'Sau ba tháng tạm dừng vì sạt lở, tuyến xe khách từ thành phố Hà Giang lên cao nguyên đá đã chạy lại từ sáng nay.',
  heading: 'Người dân phấn khởi',
  paragraph: 'Ông Sùng Mí Páo, trưởng thôn Lũng Cẩm, nói chuyến xe đầu tiên chở đầy hàng Tết.',
  bold: 'Giá vé không đổi',
  items: ['Xuất bến lúc 6 giờ sáng', 'Chuyến cuối lúc 14 giờ'],
  link: 'Sở Giao thông vận tải',
  href: 'https://sgtvt.hagiang.gov.vn/lich-chay',
} as const;

/** A document typed in the TCVN3 era: every run in `.VnTime`, its text the TCVN3 codes. */
export async function legacyDocx(headline: string, lead: string): Promise<Buffer> {
  const run = (text: string) => new TextRun({ text, font: '.VnTime' });
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [run(headline)] }), new Paragraph({ children: [run(lead)] })] }] });
  return Packer.toBuffer(doc);
}

export async function storyDocx(): Promise<Buffer> {
  const s = DOCX_STORY;
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.headline)] }),
          new Paragraph({ children: [new TextRun(s.sapo)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.heading)] }),
          new Paragraph({ children: [new TextRun(s.paragraph)] }),
          new Paragraph({ children: [new TextRun({ text: s.bold, bold: true }), new TextRun(' và '), new TextRun({ text: 'lịch chạy', italics: true }), new TextRun(' như sau:')] }),
          ...s.items.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
          new Paragraph({
            children: [new TextRun('Theo '), new ExternalHyperlink({ link: `${s.href}?utm_source=zalo`, children: [new TextRun({ text: s.link, style: 'Hyperlink' })] }), new TextRun('.')],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
