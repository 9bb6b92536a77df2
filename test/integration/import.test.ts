// Import of .docx, .md and .txt files into new articles: through the desk's contract and the
// command line, on real folders, with files made here.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-shared/contract';
import { readArticle, type ArticleView } from '../../src-shared/article-doc';
import type { ArticleSummary } from '../../src-shared/models';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, testDesks } from '../support/desk';
import { DOCX_STORY, legacyDocx, storyDocx } from '../support/docx';
import { bytesOf, toTcvn3, toVni } from '../support/legacy';
import { tempDirs } from '../support/temp';
import { cliArgs } from '../support/cli';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

async function importFile(desk: Desk, name: string, bytes: Uint8Array, language: 'vi' | 'en' = 'vi'): Promise<ArticleView> {
  const summary = await call<ArticleSummary>(desk, 'article:import', { name, bytes, language });
  return articleOf(desk, summary.id);
}

async function articleOf(desk: Desk, id: string): Promise<ArticleView> {
  const opened = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
  return readArticle(replicaOf(opened.state));
}

const TXT = [
  'Đường lên Đồng Văn thông xe sau sạt lở',
  '',
  'Sáng nay, tuyến quốc lộ 4C qua đèo Mã Pì Lèng đã thông xe trở lại sau hai ngày khắc phục sạt lở.',
  '',
  'Hơn một trăm công nhân và máy xúc làm việc suốt đêm để dọn đất đá.',
].join('\n');
const TXT_BODY = 'Hơn một trăm công nhân và máy xúc làm việc suốt đêm để dọn đất đá.';

const MD = [
  '# Chợ phiên Mèo Vạc họp sớm',
  '',
  'Chợ phiên cuối năm ở **Mèo Vạc** họp từ 4 giờ sáng, đông hơn mọi năm.',
  '',
  '## Mặt hàng',
  '',
  '- Ngựa và *bò vàng*',
  '- Rượu ngô',
  '',
  '> “Năm nay bán được giá”, anh Giàng A Tủa nói.',
  '',
  'Xem [bản đồ](https://maps.example.vn/meo-vac?fbclid=abc) và [đây](javascript:alert(1)).',
  '',
  '<script>alert(1)</script>',
].join('\n');

describe('article:import', () => {
  it('imports a .docx with headline, lead, heading, bold, italic, list and link', async () => {
    const desk = await desks.open(await temp.make());
    const a = await importFile(desk, 'Bài xe khách.docx'.normalize('NFD'), await storyDocx());
    const s = DOCX_STORY;
    expect(a.headline).toBe(s.headline);
    expect(a.sapo).toBe(s.sapo);
    expect(a.bodyHtml).toBe(
      [
        `<h2>${s.heading}</h2>`,
        `<p>${s.paragraph}</p>`,
        `<p><strong>${s.bold}</strong> và <em>lịch chạy</em> như sau:</p>`,
        `<ul><li><p>${s.items[0]}</p></li><li><p>${s.items[1]}</p></li></ul>`,
        `<p>Theo <a href="${s.href}">${s.link}</a>.</p>`,
      ].join('\n'),
    );
    expect(a.language).toBe('vi');
    const listed = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(listed.map((r) => r.headline)).toEqual([s.headline]);
  });

  it('converts a .docx typed in TCVN3 (.VnTime)', async () => {
    const desk = await desks.open(await temp.make());
    const headline = 'Đường lên Đồng Văn thông xe sau sạt lở';
    const lead = 'Sáng nay, tuyến quốc lộ qua đèo đã thông xe trở lại sau hai ngày khắc phục.';
    const a = await importFile(desk, 'cu.docx', await legacyDocx(toTcvn3(headline), toTcvn3(lead)));
    expect(a.headline).toBe(headline);
    expect(a.sapo).toBe(lead);
  });

  it('imports Markdown, cleaned like a paste', async () => {
    const desk = await desks.open(await temp.make());
    const a = await importFile(desk, 'cho.md', new TextEncoder().encode(MD.normalize('NFD')), 'en');
    expect(a.headline).toBe('Chợ phiên Mèo Vạc họp sớm');
    expect(a.sapo).toBe('Chợ phiên cuối năm ở Mèo Vạc họp từ 4 giờ sáng, đông hơn mọi năm.');
    expect(a.language).toBe('en');
    expect(a.bodyHtml).toBe(
      [
        '<h2>Mặt hàng</h2>',
        '<ul><li><p>Ngựa và <em>bò vàng</em></p></li><li><p>Rượu ngô</p></li></ul>',
        '<blockquote><p>“Năm nay bán được giá”, anh Giàng A Tủa nói.</p></blockquote>',
        '<p>Xem <a href="https://maps.example.vn/meo-vac">bản đồ</a> và đây.</p>',
      ].join('\n'),
    );
  });

  it('imports .txt in UTF-8, TCVN3 bytes, VNI bytes, and TCVN3 read as Windows-1252 then saved as UTF-8', async () => {
    const desk = await desks.open(await temp.make());
    const tcvn3 = bytesOf(toTcvn3(TXT));
    const files: Array<[string, Uint8Array]> = [
      ['utf8.txt', new TextEncoder().encode('\uFEFF' + TXT.normalize('NFD'))],
      ['tcvn3.txt', tcvn3],
      ['vni.txt', bytesOf(toVni(TXT))],
      ['cp1252.txt', new TextEncoder().encode(new TextDecoder('windows-1252').decode(tcvn3))],
    ];
    for (const [name, bytes] of files) {
      const a = await importFile(desk, name, bytes);
      expect(a.headline, name).toBe('Đường lên Đồng Văn thông xe sau sạt lở');
      expect(a.sapo, name).toBe('Sáng nay, tuyến quốc lộ 4C qua đèo Mã Pì Lèng đã thông xe trở lại sau hai ngày khắc phục sạt lở.');
      expect(a.body, name).toBe(TXT_BODY);
    }
  });

  it('refuses bad files and creates nothing', async () => {
    const dir = await temp.make();
    const desk = await desks.open(dir);
    const zipNotDocx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('không phải Word')]);
    const cases: Array<[string, Uint8Array, string]> = [
      ['bao-cao.pdf', new TextEncoder().encode('%PDF-1.7'), 'unsupportedFile'],
      ['khong-duoi', new TextEncoder().encode('Tít'), 'unsupportedFile'],
      ['story.docx', new TextEncoder().encode('Tít bài\n\nSa-pô'), 'fileInvalid'],
      ['story.docx', zipNotDocx, 'fileInvalid'],
      ['anh.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 'fileInvalid'],
      ['rong.md', new TextEncoder().encode('\n\n   \n'), 'fileEmpty'],
      ['rong.txt', new Uint8Array(0), 'fileEmpty'],
      ['lon.txt', new Uint8Array(32 * 1024 * 1024 + 1).fill(0x61), 'fileTooLarge'],
    ];
    for (const [name, bytes, code] of cases) {
      const res = (await desk.dispatch('article:import', { name, bytes, language: 'vi' }, { client: 'test' })) as Envelope<unknown>;
      expect(res.ok, name).toBe(false);
      if (!res.ok) expect(res.error.code, name).toBe(code);
    }
    expect(await call<unknown[]>(desk, 'library:list', { trashed: false })).toEqual([]);
    expect(await fs.readdir(path.join(dir, 'articles')).catch(() => [])).toEqual([]);
  });
});

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

describe('cli import', () => {
  it('imports .docx, .md and TCVN3 .txt through the same service', async () => {
    const dir = await temp.make();
    const files = await temp.make('bantin-files-');
    await fs.writeFile(path.join(files, 'xe.docx'), await storyDocx());
    await fs.writeFile(path.join(files, 'chợ.md'), MD);
    await fs.writeFile(path.join(files, 'cu.txt'), bytesOf(toTcvn3(TXT)));
    const ids: string[] = [];
    for (const name of ['xe.docx', 'chợ.md', 'cu.txt']) {
      const { stdout } = await run(process.execPath, [...cliArgs(), '--data', dir, 'import', path.join(files, name)], {
        cwd: root,
        env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      });
      ids.push(stdout.trim());
    }
    const desk = await desks.open(dir);
    const [docx, md, txt] = await Promise.all(ids.map((id) => articleOf(desk, id)));
    expect(docx!.headline).toBe(DOCX_STORY.headline);
    expect(docx!.bodyHtml).toContain(`<strong>${DOCX_STORY.bold}</strong>`);
    expect(md!.headline).toBe('Chợ phiên Mèo Vạc họp sớm');
    expect(md!.bodyHtml).toContain('<h2>Mặt hàng</h2>');
    expect(txt!.headline).toBe('Đường lên Đồng Văn thông xe sau sạt lở');
    expect(txt!.body).toBe(TXT_BODY);
  });
});
