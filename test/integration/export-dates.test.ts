/**
 * The story's own date and the event in every exported format: ninjs (schema-valid; firstCreated
 * when the desk made the article, contentCreated the story's date), NewsML-G2 (XSD-valid;
 * firstCreated in itemMeta, contentCreated in contentMeta, the event's dates and organiser in
 * its subject), the HTML page, the text and the script.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { body, headline, sapo, setBodyLines, setStoryDate, setText } from '../../src-shared/article-doc';
import { addOrganiser, setEventPlace, setEventText, setEventTimes } from '../../src-shared/article-event';
import type { ArticleSummary } from '../../src-shared/models';
import type { Desk } from '../../src-main/services/desk';
import { call, testDesks } from '../support/desk';
import { tempDirs } from '../support/temp';
import { ninjsValidator, PLACE, readZip, validateNewsml } from './export-support';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

const STORY_DATE = '2022-01-13T17:53:00+07:00';
const TITLE = 'Hội nghị trực tuyến toàn quốc triển khai công tác dân vận năm 2022';
const ORGANISER = 'Ban Dân vận Trung ương';

async function exportOf(desk: Desk, id: string): Promise<Map<string, Buffer>> {
  return readZip(await packageOf(desk, id));
}

async function packageOf(desk: Desk, id: string): Promise<string> {
  return (await call<{ file: string }>(desk, 'export:package', { id, job: `job-${id}` })).file;
}

async function storyWithEvent(desk: Desk, withDate: boolean): Promise<ArticleSummary> {
  const article = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
  return desk.articles.change(article.id, (doc) => {
    setText(headline(doc), 'Triển khai công tác dân vận năm 2022');
    setText(sapo(doc), 'Ban Dân vận Trung ương tổ chức hội nghị trực tuyến toàn quốc.');
    setBodyLines(doc, ['Dự hội nghị tại điểm cầu tỉnh Hà Giang có lãnh đạo tỉnh.']);
    if (withDate) setStoryDate(doc, STORY_DATE);
    setEventText(doc, 'title', TITLE);
    setEventText(doc, 'venue', 'Hội trường Tỉnh ủy');
    setEventTimes(doc, { start: '2022-01-13T08:00', end: '2022-01-13T11:30' });
    // Picked through its former name; the event is before the reform, so the dateline says "Nguyễn Trãi".
    setEventPlace(doc, PLACE);
    addOrganiser(doc, ORGANISER);
    expect(body(doc).length).toBe(1);
  });
}

describe('export: the story date and the event', () => {
  it('every format carries the story date, and the event with its date, place and organiser; ninjs and NewsML-G2 stay valid', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const article = await storyWithEvent(desk, true);
    expect(article.storyDate).toBe(STORY_DATE);
    expect(article.createdAt).not.toBe(STORY_DATE);
    const files = await exportOf(desk, article.id);

    const validate = await ninjsValidator();
    for (const lang of ['vi', 'en']) {
      const obj = JSON.parse(files.get(`ninjs/${lang}.json`)!.toString('utf8')) as Record<string, unknown>;
      expect(validate(obj), `${lang}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(obj.contentCreated).toBe(STORY_DATE);
      expect(obj.firstCreated).toBe(new Date(article.createdAt).toISOString());
      expect(obj.events).toEqual([{ name: TITLE, rel: 'about' }]);
      expect(obj.organisations).toEqual([{ name: ORGANISER, rel: 'organiser' }]);
      expect(obj.places).toEqual(expect.arrayContaining([expect.objectContaining({ name: PLACE.unit.name, rel: 'located' }), { name: PLACE.former.name, rel: 'formerUnit' }]));
    }

    const xml = files.get('newsml/item.xml')!.toString('utf8');
    const result = await validateNewsml(xml);
    expect(result.valid, result.rawOutput).toBe(true);
    expect(xml).toContain(`<contentCreated>${STORY_DATE}</contentCreated>`);
    expect(xml).toContain(`<firstCreated>${new Date(article.createdAt).toISOString()}</firstCreated>`);
    expect(xml).toContain(`<located type="loctype:adminArea2" literal="gso:${PLACE.unit.code}"><name xml:lang="vi">${PLACE.unit.name}</name></located>`);
    const subject = /<subject type="cpnat:event" literal="event">(.*?)<\/subject>/.exec(xml)?.[1] ?? '';
    expect(subject).toContain(`<name xml:lang="vi">${TITLE}</name>`);
    expect(subject).toContain('<related literal="start" value="2022-01-13T08:00:00+07:00" valuedatatype="xs:dateTime"');
    expect(subject).toContain('<related literal="end" value="2022-01-13T11:30:00+07:00" valuedatatype="xs:dateTime"');
    expect(subject).toContain(`<related type="cpnat:organisation" literal="organiser-1"><name xml:lang="vi">${ORGANISER}</name></related>`);

    const eventLine = `Sự kiện: ${TITLE} · Thời gian: 08:00–11:30, 13/01/2022 · Địa điểm: Hội trường Tỉnh ủy, Nguyễn Trãi · Đơn vị tổ chức: ${ORGANISER}`;
    const html = files.get('article.html')!.toString('utf8');
    expect(html).toContain('Ngày viết: 17:53, 13/01/2022');
    expect(html).toContain(`<p class="meta event">${eventLine}</p>`);
    const text = files.get('article.txt')!.toString('utf8');
    expect(text).toContain('17:53, 13/01/2022 · Nguyễn Trãi\n' + eventLine + '\n');
    const script = files.get('script.txt')!.toString('utf8');
    expect(script).toContain('Ngày viết: 17:53, 13/01/2022\n' + eventLine + '\n');
  });

  it('a package opened again keeps the story date', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const article = await storyWithEvent(desk, true);
    const file = await packageOf(desk, article.id);
    const back = await call<ArticleSummary>(desk, 'export:importPackage', { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) });
    expect(back.id).not.toBe(article.id);
    expect(back.storyDate).toBe(STORY_DATE);
  });

  it('an article without a story date of its own is dated when it was created, in every format', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const article = await storyWithEvent(desk, false);
    expect(article.storyDate).toBe(article.createdAt);
    const files = await exportOf(desk, article.id);
    const created = new Date(article.createdAt).toISOString();
    const vi = JSON.parse(files.get('ninjs/vi.json')!.toString('utf8')) as Record<string, unknown>;
    expect(vi.contentCreated).toBe(created);
    expect(files.get('newsml/item.xml')!.toString('utf8')).toContain(`<contentCreated>${created}</contentCreated>`);
    const { formatDateTime } = await import('../../src-shared/format');
    expect(files.get('article.html')!.toString('utf8')).toContain(`Ngày viết: ${formatDateTime(article.createdAt)}`);
  });
});
