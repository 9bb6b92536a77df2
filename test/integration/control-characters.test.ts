/**
 * Control characters in an article: a NUL or an ESC in a headline or a photo credit (from a
 * package, a synced article or a photo's metadata) must not stop an export nor reach any
 * exported format; the command line prints them as visible escapes, never raw to the terminal;
 * and text a window sends as a raw update ends up NFC and clean like text typed at the desk.
 */
import path from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import { promises as fs } from 'node:fs';
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { body, headline, readArticle, sapo, setBodyLines, setText, writeMeta } from '../../src-shared/article-doc';
import { readPhotos, setPhotoText } from '../../src-shared/article-photos';
import type { ArticleSummary } from '../../src-shared/models';
import { newSession } from '../../src-shared/register';
import { exportPackage, exportServicesOf } from '../../src-main/services/export/package';
import type { Desk } from '../../src-main/services/desk';
import { call, replicaOf, TEST_VERSION, testDesks, updateFrom } from '../support/desk';
import { cli } from '../support/cli';
import { makePhoto } from '../support/photos';
import { tempDirs } from '../support/temp';
import { ninjsValidator, readZip, validateNewsml } from './export-support';

const temp = tempDirs();
const desks = testDesks();
const exif = new ExifTool({ maxProcs: 1 });
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});
afterAll(() => exif.end());

/** Any control character but tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** The same, written as a JSON escape. */
const CONTROL_ESCAPED = /\\u00(0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])/i;

const HEADLINE = 'Lũ quét\u0000 ở Hà Giang\u001b]0;owned\u0007\u001b[2J';
const CREDIT = 'TTXVN\u0000\u001b[31m';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** An article holding control characters as a document from elsewhere could (written straight into the Yjs document). */
async function hostileArticle(desk: Desk, dir: string): Promise<string> {
  const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
  const png = await makePhoto(dir, 'anh.png', { format: 'png', width: 64, height: 48 });
  const jpeg = await makePhoto(dir, 'anh.jpg', { width: 64, height: 48, seed: 2 });
  await call(desk, 'photo:add', { id, name: 'anh.png', bytes: png.bytes });
  await call(desk, 'photo:add', { id, name: 'anh.jpg', bytes: jpeg.bytes });
  await desk.articles.change(id, (doc) => {
    setText(headline(doc), HEADLINE);
    setText(sapo(doc), 'Mưa lớn\u001b[8m kéo dài');
    setBodyLines(doc, ['Nước dâng\u0000 cao.\u009b2J']);
    writeMeta(doc, 'byline', 'Minh\u0000 Thư', newSession());
    for (const i of [0, 1]) setPhotoText(doc, i, 'credit', CREDIT);
  });
  return id;
}

describe('control characters', () => {
  it('an article whose headline and photo credits hold a NUL and ESC exports, and no format holds a control character', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const id = await hostileArticle(desk, dir);
    const out = path.join(dir, 'out.zip');
    await exportPackage(exportServicesOf(desk, TEST_VERSION), id, out, {});
    const files = await readZip(out);

    const validate = await ninjsValidator();
    for (const lang of ['vi', 'en']) {
      const raw = files.get(`ninjs/${lang}.json`)!.toString('utf8');
      expect(raw).not.toMatch(CONTROL_ESCAPED);
      const obj = JSON.parse(raw) as unknown;
      expect(validate(obj)).toBe(true);
      for (const s of strings(obj)) expect(s).not.toMatch(CONTROL);
    }
    const vi = JSON.parse(files.get('ninjs/vi.json')!.toString('utf8')) as { headlines: Array<{ value: string }> };
    expect(vi.headlines[0]!.value).toBe('Lũ quét ở Hà Giang]0;owned[2J');

    const xml = files.get('newsml/item.xml')!.toString('utf8');
    const valid = await validateNewsml(xml);
    expect(valid.valid, valid.rawOutput).toBe(true);
    expect(xml).not.toMatch(CONTROL);
    expect(xml).toContain('Lũ quét ở Hà Giang]0;owned[2J');

    const html = files.get('article.html')!.toString('utf8');
    expect(html).not.toMatch(CONTROL);
    expect(html).toContain('Lũ quét ở Hà Giang]0;owned[2J');

    // Both photos: the PNG rewritten by ExifTool, the JPEG's header by the desk.
    for (const name of ['photos/anh.png', 'photos/anh.jpg']) {
      const bytes = files.get(name)!;
      const file = path.join(dir, path.basename(name));
      await fs.writeFile(file, bytes);
      const tags = await exif.read(file);
      expect(tags.Credit, name).toBe('TTXVN[31m');
      expect(tags.Headline, name).toBe('Lũ quét ở Hà Giang]0;owned[2J');
      const packet = bytes.toString('utf8');
      const start = packet.indexOf('<x:xmpmeta');
      expect(start, name).toBeGreaterThan(0);
      expect(packet.slice(start, packet.indexOf('</x:xmpmeta>', start)), name).not.toMatch(CONTROL);
    }
  }, 60_000);

  it('the command line prints control characters and bidi overrides as visible escapes, in text and in JSON', async () => {
    const dir = await temp.make();
    const data = path.join(dir, 'desk');
    const desk = await desks.open(data);
    const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    const title = 'Lũ quét\u001b]0;owned\u0007\u001b[2J \u202egnaiG aH\u202c \u009b31m';
    await desk.articles.change(id, (doc) => {
      setText(headline(doc), title);
      setText(sapo(doc), 'Mưa\rlớn');
    });
    await desks.close(desk);

    const [listed, shown] = [await cli(['--data', data, 'list']), await cli(['--data', data, 'show', id])];
    for (const res of [listed, shown]) {
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).not.toMatch(CONTROL);
      expect(res.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(res.stdout).toContain('Lũ quét\\u001B]0;owned\\u0007\\u001B[2J \\u202EgnaiG aH\\u202C \\u009B31m');
    }
    expect(shown.stdout).toContain('Mưa\\u000Dlớn');

    const json = await cli(['--data', data, 'show', id, '--json']);
    expect(json.stdout).not.toMatch(CONTROL);
    expect(json.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(json.stdout) as { headline: string }).headline).toBe(title);
  }, 60_000);

  it('text sent as a raw update is stored NFC and without control characters; the body once the article is opened again', async () => {
    const dir = await temp.make();
    const desk = await desks.open(path.join(dir, 'desk'));
    const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id }, 'window-1');
    const replica = replicaOf(state);
    const nfd = (s: string) => s.normalize('NFD');
    const update = updateFrom(replica, (doc) => {
      setText(headline(doc), nfd('Người dân xã Minh Tân\u0000'));
      writeMeta(doc, 'byline', nfd('Hoàng Thị Mai'), newSession());
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(nfd('Điện về bản Lũng Pù.'))]);
      body(doc).insert(0, [p]);
    });
    // The decomposed text is really what was sent.
    expect(readArticle(replica).headline).not.toBe(readArticle(replica).headline.normalize('NFC'));
    await call(desk, 'article:update', { id, update }, 'window-1');

    const after = readArticle(replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id }, 'window-2')).state));
    expect(after.headline).toBe('Người dân xã Minh Tân');
    expect(after.byline).toBe('Hoàng Thị Mai');
    expect(after.body).toBe('Điện về bản Lũng Pù.');
    expect(after.body).toBe(after.body.normalize('NFC'));
    expect(desk.articles.summary(id).headline).toBe('Người dân xã Minh Tân');
    expect(readPhotos(replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id }, 'window-2')).state))).toEqual([]);
  }, 60_000);
});
