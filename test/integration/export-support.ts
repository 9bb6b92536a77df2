/**
 * What the export tests share: the sample article with real photos (made by the test, one with
 * a camera's GPS position), an event with a place, people and topics, and readers for a ZIP
 * and for the published schemas (read from ../shared/schemas beside the repository, as CI has it).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import * as Y from 'yjs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import yauzl, { type Entry } from 'yauzl';
import { ZipFile } from 'yazl';
import { body, meta, writeMeta } from '../../src-shared/article-doc';
import { addOrganiser, addParticipant, setEventPlace, setEventText, setEventTimes, setEventType, setKeywords, setTopic } from '../../src-shared/article-event';
import { setPersons, setPhotoText } from '../../src-shared/article-photos';
import type { ArticleSummary } from '../../src-shared/models';
import { newSession } from '../../src-shared/register';
import type { Desk } from '../../src-main/services/desk';
import { call } from '../support/desk';
import { CAMERA_TAGS, makePhoto, writeTags } from '../support/photos';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');

/** The published schemas, beside the repository (CI checks the shared folder out there). */
export function schemaFile(name: string): string {
  const dir = path.resolve(REPO, '../shared/schemas');
  const file = path.join(dir, name);
  if (!existsSync(file)) throw new Error(`The published schema ${name} is missing: expected at ${file} (the shared/schemas folder beside the repository, as CI checks it out).`);
  return file;
}

/** IPTC's ninjs 3.1 schema compiled (with the GeoJSON schema it references). */
export async function ninjsValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(JSON.parse(await fs.readFile(schemaFile('GeoJSON.json'), 'utf8')) as object, 'https://geojson.org/schema/GeoJSON.json');
  return ajv.compile(JSON.parse(await fs.readFile(schemaFile('ninjs-schema_3.1.json'), 'utf8')) as object);
}

/** Validates a NewsML-G2 document against IPTC's 2.35 XSD. */
export async function validateNewsml(xml: string) {
  return validateXML({
    xml: [{ fileName: 'item.xml', contents: xml }],
    schema: [await fs.readFile(schemaFile('NewsML-G2_2.35-spec-All-Power.xsd'), 'utf8')],
    preload: [{ fileName: 'xml.xsd', contents: await fs.readFile(schemaFile('xml.xsd'), 'utf8') }],
    maxMemoryPages: 16 * 1024,
  });
}

export const PLACE = {
  unit: { level: 'commune' as const, code: '02509', name: 'Phường Hà Giang 1', provinceCode: '08', provinceName: 'Tuyên Quang' },
  former: { level: 'commune' as const, name: 'Phường Nguyễn Trãi', district: 'Thành phố Hà Giang', province: 'Tỉnh Hà Giang' },
};

/**
 * The sample article, its two planned photos attached (real JPEGs; the first with a camera's
 * date and GPS), persons and a place on the first, the second placed in the body, and an event.
 */
export async function sampleWithPhotos(desk: Desk, dir: string): Promise<{ article: ArticleSummary; photoIds: string[] }> {
  const article = await call<ArticleSummary>(desk, 'library:loadSample', {});
  const one = await makePhoto(dir, 'Hội nghị – điểm cầu tỉnh.jpg', { width: 800, height: 600, seed: 3 });
  const withGps = await writeTags(one.file, CAMERA_TAGS);
  const two = await makePhoto(dir, 'phat-bieu.jpg', { width: 640, height: 480, seed: 5 });
  const a = await call<{ photo: { id: string } }>(desk, 'photo:add', { id: article.id, name: path.basename(one.file), bytes: new Uint8Array(withGps), into: 0 });
  const b = await call<{ photo: { id: string } }>(desk, 'photo:add', { id: article.id, name: path.basename(two.file), bytes: new Uint8Array(two.bytes), into: 1 });
  await desk.articles.change(article.id, (doc) => {
    setPersons(doc, 0, ['Lê Quang Đức', 'Hoàng Thị Mai']);
    setPhotoText(doc, 0, 'place', 'Hội trường UBND tỉnh');
    meta(doc).set('tags', ['chuyển đổi số', 'hội nghị']);
    writeMeta(doc, 'slug', 'hoi-nghi-chuyen-doi-so-2026', newSession());
    const figure = new Y.XmlElement('photo');
    figure.setAttribute('id', b.photo.id);
    body(doc).insert(2, [figure]);
    setEventText(doc, 'title', 'Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2026');
    setEventText(doc, 'venue', 'Hội trường UBND tỉnh');
    setEventType(doc, 'meeting');
    setEventTimes(doc, { start: '2026-01-09T08:00', end: '2026-01-09T11:30' });
    setEventPlace(doc, PLACE);
    addOrganiser(doc, 'Ban Chỉ đạo chuyển đổi số tỉnh');
    addParticipant(doc, { person: 'Lê Quang Đức', title: 'Phó Chủ tịch UBND tỉnh', organisation: 'UBND tỉnh Tuyên Quang' });
    addParticipant(doc, { person: 'Hoàng Thị Mai', title: 'Giám đốc', organisation: 'Sở Khoa học và Công nghệ' });
    setTopic(doc, 'medtop:11000000', true);
    setTopic(doc, 'medtop:13000000', true);
    setKeywords(doc, ['chuyển đổi số', 'dịch vụ công trực tuyến']);
  });
  return { article: desk.articles.summary(article.id), photoIds: [a.photo.id, b.photo.id] };
}

/** Every file of a ZIP, by name (tests only: small packages). */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const bytes = Buffer.concat(chunks);
            // Every entry's CRC-32 as any unzip tool checks it (yauzl does not).
            if (crc32(bytes) !== entry.crc32) return reject(new Error(`CRC-32 of ${entry.fileName} is wrong in the ZIP`));
            out.set(entry.fileName, bytes);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Writes a ZIP of `files` (in order), each with optional mode bits. */
export async function writeZip(file: string, files: ReadonlyArray<{ name: string; bytes: Buffer; mode?: number }>): Promise<void> {
  const zip = new ZipFile();
  for (const f of files) zip.addBuffer(f.bytes, f.name, { mode: f.mode ?? 0o100644, compress: false });
  zip.end();
  await fs.writeFile(file, await streamToBuffer(zip.outputStream));
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** A ZIP whose entry names are exactly `names` (even ones a zip library refuses to write), by renaming same-length placeholders in its bytes. */
export async function writeZipWithRawNames(file: string, files: ReadonlyArray<{ name: string; bytes: Buffer }>): Promise<void> {
  const placeholders = files.map((f, i) => `p${String(i).padStart(3, '0')}`.padEnd(Buffer.byteLength(f.name), 'x'));
  await writeZip(file, files.map((f, i) => ({ name: placeholders[i]!, bytes: f.bytes })));
  let bytes = await fs.readFile(file);
  files.forEach((f, i) => {
    const from = Buffer.from(placeholders[i]!);
    const to = Buffer.from(f.name);
    for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  });
  bytes = Buffer.from(bytes);
  await fs.writeFile(file, bytes);
}
