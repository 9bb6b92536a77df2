// Translation pairs on one desk: the contract's operations, the library's rows and the command line.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, setText } from '../../src-shared/article-doc';
import type { ArticleSummary } from '../../src-shared/models';
import { articleBlocks } from '../../src-shared/translation/blocks';
import { writeBlock } from '../../src-shared/translation/pairs';
import type { TranslationStateOutput } from '../../src-shared/translation/schema';
import { runCli } from '../../src-main/cli/main';
import { call, replicaOf, testDesks, updateFrom } from '../support/desk';
import type { Desk } from '../../src-main/services/desk';

const desks = testDesks();
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bantin-translation-'));
});
afterEach(async () => {
  await desks.cleanup();
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], lang = 'vi_VN.UTF-8'): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { LANG: lang }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const PARAS = ['Đoạn một về cơn bão số 3.', 'Đoạn hai: 63 tỉnh thành họp trực tuyến.', 'Đoạn ba nói về đê điều.'];

async function open(desk: Desk, id: string): Promise<Y.Doc> {
  const { state } = await call<{ state: Uint8Array }>(desk, 'article:open', { id });
  return replicaOf(state);
}

/** A Vietnamese article with a headline, a lead and three paragraphs, written as a window would. */
async function vietnamese(desk: Desk): Promise<string> {
  const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
  const doc = await open(desk, id);
  await call(desk, 'article:update', {
    id,
    update: updateFrom(doc, (d) => {
      d.getText('headline').insert(0, 'Bão số 3 đổ bộ');
      d.getText('sapo').insert(0, 'Sáng nay, bão vào đất liền.');
      body(d).insert(0, PARAS.map((text) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(text)]);
        return p;
      }));
    }),
  });
  await call(desk, 'article:close', { id });
  return id;
}

describe('translation pairs on the desk', () => {
  it('makes a linked translation, counts its stale blocks in the library, and confirms them', async () => {
    const desk = await desks.open(dir);
    const vi = await vietnamese(desk);
    const { id: en } = await call<{ id: string }>(desk, 'translation:create', { id: vi, to: 'en' });
    expect(en).not.toBe(vi);
    // Asked again, the same translation.
    expect((await call<{ id: string }>(desk, 'translation:create', { id: vi, to: 'en' })).id).toBe(en);
    const refused = await desk.dispatch('translation:create', { id: vi, to: 'vi' }, { client: 'test' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'translationSameLanguage' } });

    let rows = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(rows.find((r) => r.id === vi)).toMatchObject({ translations: { en } });
    expect(rows.find((r) => r.id === en)).toMatchObject({ language: 'en', translationOf: { id: vi, language: 'vi' } });

    const before = await call<TranslationStateOutput>(desk, 'translation:state', { id: en });
    expect(before).toMatchObject({ source: vi, translation: en });
    expect(before.state.pairs.map((p) => p.state)).toEqual(['untranslated', 'untranslated', 'untranslated', 'untranslated', 'untranslated']);

    // The translator writes every block (as the side-by-side view does, on replicas of both).
    const source = await open(desk, vi);
    const translation = await open(desk, en);
    await call(desk, 'article:update', {
      id: en,
      update: updateFrom(translation, (t) => articleBlocks(t).forEach((b, i) => writeBlock(source, t, b.id, `English ${i}`, '2022-01-13T10:53:00.000Z'))),
    });
    expect((await call<TranslationStateOutput>(desk, 'translation:state', { id: vi })).state.stale).toBe(0);

    // Paragraph 2 of the Vietnamese changes: one stale block, on both rows.
    await call(desk, 'article:update', { id: vi, update: updateFrom(source, (s) => setText((body(s).get(1) as Y.XmlElement).get(0) as Y.XmlText, 'Đoạn hai: 64 tỉnh thành họp trực tuyến.')) });
    rows = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(rows.find((r) => r.id === en)?.staleBlocks).toBe(1);
    expect(rows.find((r) => r.id === vi)?.staleBlocks).toBe(1);
    const stale = await call<TranslationStateOutput>(desk, 'translation:state', { id: en });
    const pair = stale.state.pairs[3]!;
    expect(pair.state).toBe('stale');
    expect(pair.diff!.filter((s) => s.op !== 'same').map((s) => `${s.op}:${s.text}`)).toEqual(['removed:63', 'added:64']);
    await call(desk, 'article:close', { id: vi });
    await call(desk, 'article:close', { id: en });

    // The command line shows the pair and its stale block.
    await desks.close(desk);
    const shown = await cli(['--data', dir, 'show', en, '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    const json = JSON.parse(shown.stdout) as { translation: { translationOf: unknown; stale: Array<{ source: string; translation: string; diff: unknown[] }> } };
    expect(json.translation.translationOf).toEqual({ id: vi, language: 'vi' });
    expect(json.translation.stale).toHaveLength(1);
    expect(json.translation.stale[0]).toMatchObject({ source: 'Đoạn hai: 64 tỉnh thành họp trực tuyến.', translation: 'English 3' });
    const sourceShown = JSON.parse((await cli(['--data', dir, 'show', vi, '--json'])).stdout) as { translation: { translations: unknown; stale: unknown[] } };
    expect(sourceShown.translation.translations).toEqual({ en });
    expect(sourceShown.translation.stale).toHaveLength(1);

    // Confirmed: in step again.
    const again = await desks.open(dir);
    const confirmed = await call<TranslationStateOutput>(again, 'translation:confirm', { id: en, blockId: pair.targets[0]!.id });
    expect(confirmed.state.stale).toBe(0);
    expect((await call<ArticleSummary[]>(again, 'library:list', { trashed: false })).find((r) => r.id === en)?.staleBlocks).toBeUndefined();
  });

  it('translate <id> --to prints the new id; a wrong language is refused in the user language', async () => {
    const desk = await desks.open(dir);
    const vi = await vietnamese(desk);
    await desks.close(desk);
    const made = await cli(['--data', dir, 'translate', vi, '--to', 'en']);
    expect(made.code, made.stderr).toBe(0);
    const id = made.stdout.trim();
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]{7,63}$/);
    const listed = JSON.parse((await cli(['--data', dir, 'list', '--json'])).stdout) as ArticleSummary[];
    expect(listed.find((r) => r.id === id)).toMatchObject({ language: 'en', translationOf: { id: vi, language: 'vi' } });
    const same = await cli(['--data', dir, 'translate', vi, '--to', 'vi']);
    expect(same.code).not.toBe(0);
    expect(same.stderr).toContain('không dịch sang chính ngôn ngữ đó');
    const bad = await cli(['--data', dir, 'translate', vi, '--to', 'fr'], 'en_GB.UTF-8');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--to fr');
  });
});
