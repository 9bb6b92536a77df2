/**
 * The event feature through a real desk's door: the gazetteer (`place:search`) and the
 * glossary (`glossary:*`) learnt, suggested, corrected, merged, removed, and still there after
 * the desk is closed and opened again; a desk.json from before the glossary still opens.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../src-shared/glossary';
import type { PlaceMatch } from '../../src-shared/places';
import type { Desk } from '../../src-main/services/desk';
import { call, testDesks } from '../support/desk';
import { tempDirs } from '../support/temp';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

/** The error code a call was refused with. */
async function failure(desk: Desk, op: string, input: unknown): Promise<string> {
  const result = await desk.dispatch(op, input, { client: 'test' });
  if (result.ok) throw new Error('expected a failure');
  return result.error.code;
}

describe('place:search', () => {
  it('finds a former province typed without accents, and today\'s unit it became', async () => {
    const desk = await desks.open(await temp.make());
    const matches = await call<PlaceMatch[]>(desk, 'place:search', { query: 'ha giang', limit: 5 });
    expect(matches).toHaveLength(5);
    expect(matches[0]).toMatchObject({ unit: { level: 'province', code: '08', name: 'Tuyên Quang' }, former: { level: 'province', name: 'Tỉnh Hà Giang' } });
    const ward = await call<PlaceMatch[]>(desk, 'place:search', { query: 'Phường Nguyễn Trãi, Thành phố Hà Giang' });
    expect(ward.map((m) => m.unit.name)).toEqual(['Phường Hà Giang 1']);
  });

  it('checks its input at the door', async () => {
    const desk = await desks.open(await temp.make());
    const bad = await desk.dispatch('place:search', { query: 'x', limit: 1000 }, { client: 'test' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
    const extra = await desk.dispatch('place:search', { query: 'x', other: 1 }, { client: 'test' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
  });
});

describe('glossary', () => {
  it('learns people and organisations from an event, suggests them accent-insensitively, and keeps them across reopening', async () => {
    const dir = await temp.make();
    let desk = await desks.open(dir);
    const learnt = await call<{ added: number; updated: number }>(desk, 'glossary:learn', {
      people: [
        { name: 'Nguyễn Văn An'.normalize('NFD'), title: 'Chủ tịch UBND tỉnh', organisation: 'UBND tỉnh Tuyên Quang' },
        { name: 'Trần Thị Bình', title: 'Giám đốc', organisation: 'Sở Y tế' },
      ],
      organisations: ['Báo Nhân Dân'],
    });
    expect(learnt).toEqual({ added: 5, updated: 0 });

    const found = await call<GlossaryEntry[]>(desk, 'glossary:suggest', { query: 'nguyen van', kind: 'person' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'person', name: 'Nguyễn Văn An', title: 'Chủ tịch UBND tỉnh', organisation: 'UBND tỉnh Tuyên Quang', uses: 1 });
    expect(found[0]!.name.normalize('NFC')).toBe(found[0]!.name);
    // A word inside the name, and "d" for "đ".
    expect((await call<GlossaryEntry[]>(desk, 'glossary:suggest', { query: 'binh' })).map((e) => e.name)).toEqual(['Trần Thị Bình']);
    expect((await call<GlossaryEntry[]>(desk, 'glossary:suggest', { query: 'tuyen', kind: 'organisation' })).map((e) => e.name)).toEqual(['UBND tỉnh Tuyên Quang']);

    // The same person again (accents and case aside) is one entry, with the title given now.
    const again = await call<{ added: number; updated: number }>(desk, 'glossary:learn', { people: [{ name: 'nguyễn văn an', title: 'Bí thư Tỉnh uỷ' }] });
    expect(again).toEqual({ added: 0, updated: 1 });
    await desks.close(desk);

    desk = await desks.open(dir);
    const list = await call<GlossaryEntry[]>(desk, 'glossary:list', {});
    expect(list.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'person:Nguyễn Văn An',
      'person:Trần Thị Bình',
      'organisation:Báo Nhân Dân',
      'organisation:Sở Y tế',
      'organisation:UBND tỉnh Tuyên Quang',
    ]);
    expect(list[0]).toMatchObject({ title: 'Bí thư Tỉnh uỷ', organisation: 'UBND tỉnh Tuyên Quang', uses: 2 });
  });

  it('corrects, merges and removes entries, durably', async () => {
    const dir = await temp.make();
    let desk = await desks.open(dir);
    await call(desk, 'glossary:learn', {
      people: [
        { name: 'Lê Văn Cường', title: 'Phó giám đốc', organisation: 'Sở GD&ĐT' },
        { name: 'Le Van Cuong Jr' },
        { name: 'Phạm Minh', organisation: 'Sở Giáo dục và Đào tạo' },
      ],
    });
    const all = await call<GlossaryEntry[]>(desk, 'glossary:list', {});
    const byName = (n: string) => all.find((e) => e.name === n)!;

    const fixed = await call<GlossaryEntry>(desk, 'glossary:update', { id: byName('Le Van Cuong Jr').id, name: 'Lê Văn Cường (con)', title: 'Phóng viên' });
    expect(fixed).toMatchObject({ name: 'Lê Văn Cường (con)', title: 'Phóng viên' });
    // A name another entry of that kind already has is refused: merge instead.
    expect(await failure(desk, 'glossary:update', { id: fixed.id, name: 'le van cuong' })).toBe('glossaryDuplicate');

    // Two spellings of one organisation become one; people of the merged one follow.
    const merged = await call<GlossaryEntry>(desk, 'glossary:merge', { into: byName('Sở Giáo dục và Đào tạo').id, from: [byName('Sở GD&ĐT').id] });
    expect(merged).toMatchObject({ name: 'Sở Giáo dục và Đào tạo', uses: 2 });
    // People cannot be merged into an organisation.
    expect(await failure(desk, 'glossary:merge', { into: merged.id, from: [fixed.id] })).toBe('glossaryKindMismatch');

    await call(desk, 'glossary:remove', { id: byName('Phạm Minh').id });
    expect(await failure(desk, 'glossary:remove', { id: byName('Phạm Minh').id })).toBe('glossaryNotFound');
    await desks.close(desk);

    desk = await desks.open(dir);
    const after = await call<GlossaryEntry[]>(desk, 'glossary:list', {});
    expect(after.map((e) => e.name)).toEqual(['Lê Văn Cường', 'Lê Văn Cường (con)', 'Sở Giáo dục và Đào tạo']);
    expect(after[0]!.organisation).toBe('Sở Giáo dục và Đào tạo');
  });

  it('opens a desk.json written before the glossary existed', async () => {
    const dir = await temp.make();
    const desk = await desks.open(dir);
    await desks.close(desk);
    const file = path.join(dir, 'desk.json');
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    delete data.glossary;
    await fs.writeFile(file, JSON.stringify(data));
    const reopened = await desks.open(dir);
    expect(reopened.notices()).toEqual([]);
    expect(await call<GlossaryEntry[]>(reopened, 'glossary:list', {})).toEqual([]);
    await call(reopened, 'glossary:learn', { organisations: ['Bộ Y tế'] });
    expect((await call<GlossaryEntry[]>(reopened, 'glossary:suggest', { query: 'bo y' })).map((e) => e.name)).toEqual(['Bộ Y tế']);
  });
});
