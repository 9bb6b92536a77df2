// `spell <id> [--json]` as a script would run it: a real child process on a real desk folder,
// the engine the editor uses, the desk's glossary names as known words.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headline, sapo, setBodyLines, setText } from '../../src-shared/article-doc';
import type { SpellReport } from '../../src-main/cli/commands/spell';
import { cli } from '../support/cli';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';
import { makePhoto } from '../support/photos';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

describe('cli spell', () => {
  it('lists misspellings per field, each caption in its own language, glossary names known', async () => {
    const dir = await temp.make();
    const dataDir = path.join(dir, 'desk');
    const desk = await desks.open(dataDir);
    const { id } = await call<{ id: string }>(desk, 'article:create', { language: 'vi' });
    await call(desk, 'glossary:learn', { people: [{ name: 'Antony Blinken', title: 'Ngoại trưởng Mỹ' }] });
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
    const doc = replicaOf(state);
    await call(desk, 'article:update', {
      id,
      update: updateFrom(doc, (d) => {
        setText(headline(d), 'Ngoại trưởng Antony Blinken thăm Hà Nội');
        setText(sapo(d), 'Chuyến thăm dduwowcj dư luận quan tâm.'.normalize('NFD'));
        setBodyLines(d, ['Đoạn một không có lỗi.', 'Đoạn hai có hoir một chữ.']);
      }),
    });
    const made = await makePhoto(dir, 'a.jpg');
    const captions = { vi: 'Ông Blinken tại sân bay', en: 'Mr Blinken recieves flowers at Nội Bài airport' };
    await call(desk, 'photo:add', { id, name: 'a.jpg', bytes: new Uint8Array(await readFile(made.file)), init: { captions } });
    await desks.close(desk);

    const json = await cli(['--data', dataDir, 'spell', id, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as SpellReport;
    const found = report.fields.map((f) => [f.field, f.language, f.photo ?? null, f.misspellings.map((m) => [m.word, m.suggestions[0]])]);
    expect(found).toEqual([
      ['headline', 'vi', null, []],
      ['sapo', 'vi', null, [['dduwowcj', 'được']]],
      ['body', 'vi', null, [['hoir', 'hỏi']]],
      ['caption', 'vi', 1, []],
      ['caption', 'en', 1, [['recieves', 'receives']]],
    ]);

    const text = await cli(['--data', dataDir, 'spell', id]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('sa-pô: “dduwowcj” → được');
    expect(text.stdout).toContain('chú thích ảnh 1 (en): “recieves” → receives');
  });

  it('says when there is nothing to fix; with --style, lists the tones placed unlike the chosen style', async () => {
    const dir = await temp.make();
    const desk = await desks.open(dir);
    const { id } = await call<{ id: string }>(desk, 'article:create', { language: 'vi' });
    const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
    await call(desk, 'article:update', { id, update: updateFrom(replicaOf(state), (d) => setText(sapo(d), 'Hòa bình và thủy lợi, sức khoẻ')) });
    await desks.close(desk);
    const r = await cli(['--data', dir, 'spell', id], 'en_US.UTF-8');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('No misspellings.');
    const styled = await cli(['--data', dir, 'spell', id, '--style', 'modern', '--json']);
    expect(styled.code, styled.stderr).toBe(0);
    const sapoField = (JSON.parse(styled.stdout) as SpellReport).fields.find((f) => f.field === 'sapo');
    expect(sapoField?.misspellings.map((m) => [m.word, m.suggestions])).toEqual([
      ['Hòa', ['Hoà']],
      ['thủy', ['thuỷ']],
    ]);
  });
});
