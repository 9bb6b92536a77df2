// The package of an article in a translation pair: each language's ninjs object and the NewsML-G2 carry that language's real text.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body } from '../../src-shared/article-doc';
import type { ArticleSummary } from '../../src-shared/models';
import { articleBlocks } from '../../src-shared/translation/blocks';
import { pairRecords } from '../../src-shared/translation/package';
import { writeBlock } from '../../src-shared/translation/pairs';
import type { TranslationStateOutput } from '../../src-shared/translation/schema';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';
import { ninjsValidator, readZip, validateNewsml } from './export-support';

const desks = testDesks();
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-export-translation-'));
});
afterEach(async () => {
  await desks.cleanup();
  await fs.rm(dir, { recursive: true, force: true });
});

type Ninjs = { uri: string; language: string; headlines?: Array<{ role: string; value: string }>; bodies?: Array<{ value: string }>; edNote?: string; associations: Array<{ rel: string; uri: string; language?: string }> };

describe('the package of a translated article', () => {
  it('carries the Vietnamese and the English text, linked as translations, schema-valid', async () => {
    const desk = await desks.open(dir);
    const { id: vi } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    const open = async (id: string) => replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id })).state);
    const source = await open(vi);
    await call(desk, 'article:update', {
      id: vi,
      update: updateFrom(source, (d) => {
        d.getText('headline').insert(0, 'Bão số 3 đổ bộ');
        d.getText('sapo').insert(0, 'Sáng nay, bão vào đất liền.');
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('Gió giật cấp 12 ở ven biển.')]);
        body(d).insert(0, [p]);
      }),
    });
    const { id: en } = await call<{ id: string }>(desk, 'translation:create', { id: vi, to: 'en' });
    const translation = await open(en);
    const english = ['Typhoon No. 3 makes landfall', 'The storm reached land this morning.', 'Gusts reached level 12 on the coast.'];
    await call(desk, 'article:update', { id: en, update: updateFrom(translation, (t) => articleBlocks(t).forEach((b, i) => writeBlock(source, t, b.id, english[i]!, '2022-01-13T10:53:00.000Z'))) });

    const validate = await ninjsValidator();
    for (const exported of [vi, en]) {
      const { file } = await call<{ file: string }>(desk, 'export:package', { id: exported, job: `pair-${exported}` });
      const files = await readZip(file);
      const obj = (lang: string) => JSON.parse(files.get(`ninjs/${lang}.json`)!.toString('utf8')) as Ninjs;
      const [nv, ne] = [obj('vi'), obj('en')];
      for (const o of [nv, ne]) expect(validate(o), JSON.stringify(validate.errors)).toBe(true);
      expect(nv.headlines![0]!.value).toBe('Bão số 3 đổ bộ');
      expect(nv.bodies![0]!.value).toContain('Gió giật cấp 12');
      expect(ne.headlines).toEqual([
        { role: 'main', value: english[0] },
        { role: 'subheadline', value: english[1] },
      ]);
      expect(ne.bodies![0]!.value).toContain(english[2]);
      expect(ne.edNote).toBeUndefined();
      // Each names the other, by the other article's URI.
      expect(nv.uri).toBe(`urn:bantin:article:${vi}:vi`);
      expect(ne.uri).toBe(`urn:bantin:article:${en}:en`);
      expect(nv.associations.find((a) => a.rel === 'translation')).toMatchObject({ uri: ne.uri, language: 'en' });
      expect(ne.associations.find((a) => a.rel === 'translation')).toMatchObject({ uri: nv.uri, language: 'vi' });

      const xml = files.get('newsml/item.xml')!.toString('utf8');
      const valid = await validateNewsml(xml);
      expect(valid.valid, valid.rawOutput).toBe(true);
      expect(xml).toContain('<headline xml:lang="vi">Bão số 3 đổ bộ</headline>');
      expect(xml).toContain(`<headline xml:lang="en">${english[0]}</headline>`);
      expect(xml).toContain(english[2]);
      expect(xml).toContain(`residref="urn:bantin:article:${en}"`);
      expect(xml).toContain(`residref="urn:bantin:article:${vi}"`);
    }
  });

  it('opens on another desk as the same pair: both articles linked, the same block ids and records, the same blocks stale', async () => {
    const desk = await desks.open(path.join(dir, 'a'));
    const { id: vi } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    const open = async (d: typeof desk, id: string) => replicaOf((await call<{ state: Uint8Array }>(d, 'article:open', { id })).state);
    const paragraphs = ['Một hai ba.', 'Bốn năm sáu.', 'Bảy tám chín.', 'Mười một.'];
    let source = await open(desk, vi);
    await call(desk, 'article:update', {
      id: vi,
      update: updateFrom(source, (d) => {
        d.getText('headline').insert(0, 'Đếm số');
        // No block ids yet: the source's blocks are named from their Yjs items until paired.
        body(d).insert(
          0,
          paragraphs.map((text) => {
            const p = new Y.XmlElement('paragraph');
            p.insert(0, [new Y.XmlText(text)]);
            return p;
          }),
        );
      }),
    });
    const { id: en } = await call<{ id: string }>(desk, 'translation:create', { id: vi, to: 'en' });
    source = await open(desk, vi);
    const translation = await open(desk, en);
    const english = ['Counting', '', 'One two three.', 'Four five six.', 'Seven eight nine.', 'Ten one.'];
    await call(desk, 'article:update', { id: en, update: updateFrom(translation, (t) => articleBlocks(t).forEach((b, i) => english[i] && writeBlock(source, t, b.id, english[i], '2022-01-13T10:53:00.000Z'))) });
    // The second paragraph changes after it was translated: stale.
    source = await open(desk, vi);
    await call(desk, 'article:update', { id: vi, update: updateFrom(source, (d) => (((body(d).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Và '))) });
    const before = await call<TranslationStateOutput>(desk, 'translation:state', { id: en });
    expect(before.state.stale).toBe(1);
    const recordsBefore = pairRecords(await open(desk, en));

    const other = await desks.open(path.join(dir, 'b'));
    for (const exported of [en, vi]) {
      const { file } = await call<{ file: string }>(desk, 'export:package', { id: exported, job: `pair-${exported}` });
      expect((await readZip(file)).has('translation.json')).toBe(true);
      const own = await call<ArticleSummary>(other, 'export:importPackage', { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) });
      expect(own.language).toBe(exported === en ? 'en' : 'vi');
      const after = await call<TranslationStateOutput>(other, 'translation:state', { id: own.id });
      expect(exported === en ? after.translation : after.source).toBe(own.id);
      expect([after.source, after.translation]).not.toContain(vi);
      expect([after.source, after.translation]).not.toContain(en);
      // Pair by pair as on the first desk: the same ids, states, texts and diff.
      expect(after.state).toEqual(before.state);
      expect(pairRecords(await open(other, after.translation))).toEqual(recordsBefore);
      const rows = await call<ArticleSummary[]>(other, 'library:list', { trashed: false });
      expect(rows.find((r) => r.id === after.translation)).toMatchObject({ translationOf: { id: after.source, language: 'vi' }, staleBlocks: 1 });
      expect(rows.find((r) => r.id === after.source)?.translations).toEqual({ en: after.translation });
    }
  });
});
