/**
 * An export of an article with open suggestions carries only accepted text: proposed words left
 * out, words proposed for removal kept, a proposed bold undone, no trace of the marks in any
 * file; it stays valid against ninjs, and the manifest says how many suggestions were open.
 * The headline's suggestions likewise (proposed words left out of every file). The command
 * line's export says so, in the user's language.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { body, headline, setBodyLines } from '../../src-shared/article-doc';
import type { ArticleSummary } from '../../src-shared/models';
import type { Manifest } from '../../src-shared/package-format';
import { checklist } from '../../src-shared/checklist';
import { runCli } from '../../src-main/cli/main';
import { SUGGEST_DELETE, SUGGEST_FORMAT, SUGGEST_INSERT } from '../../src-shared/suggestions';
import { call, testDesks } from '../support/desk';
import { editAs } from '../support/sync-desk';
import { tempDirs } from '../support/temp';
import { ninjsValidator, readZip } from './export-support';

const temp = tempDirs();
const desks = testDesks();
afterEach(async () => {
  await desks.cleanup();
  await temp.cleanup();
});

const AT = Date.UTC(2022, 0, 13, 10, 53);

describe('export with open suggestions', () => {
  it('holds only accepted text and says suggestions were open', async () => {
    const dir = await temp.make();
    const desk = await desks.open(dir);
    const { id } = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
    await editAs(desk, 'writer', id, (doc) => {
      doc.getText('headline').insert(0, 'Hội nghị trực tuyến');
      setBodyLines(doc, ['Hội nghị có 63 điểm cầu.', 'Kết quả rất tốt.']);
    });
    // The editor's suggestions as the body editor stores them: "63" struck and "64" proposed
    // (one suggestion), and bold proposed on "Kết quả".
    await desk.articles.change(id, (doc) => {
      const first = (body(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const at = first.toString().indexOf('63');
      const replace = { id: 's-1', author: 'bientap', at: AT };
      first.format(at, 2, { [SUGGEST_DELETE]: replace });
      first.insert(at + 2, '64', { [SUGGEST_INSERT]: replace });
      const second = (body(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText;
      second.format(0, 7, { bold: {}, [SUGGEST_FORMAT]: { id: 's-2', author: 'bientap', at: AT, op: 'add', mark: '{"type":"bold"}' } });
      // In the headline (a Y.Text), " toàn quốc" proposed at its end.
      headline(doc).insert(headline(doc).length, ' toàn quốc', { [SUGGEST_INSERT]: { id: 's-3', author: 'bientap', at: AT } });
      expect(checklist(doc).items.find((i) => i.id === 'suggestions')).toEqual({ id: 'suggestions', ok: false, suggestions: 3 });
    });

    const { file } = await call<{ file: string }>(desk, 'export:package', { id, job: 'job-suggestions' });
    const files = await readZip(file);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.article.openSuggestions).toBe(3);
    expect(manifest.article.headline).toBe('Hội nghị trực tuyến');
    const item = JSON.parse(files.get('ninjs/vi.json')!.toString('utf8')) as { bodies: Array<{ value: string }> };
    expect((await ninjsValidator())(item)).toBe(true);
    expect(item.bodies[0]!.value).toBe('<p>Hội nghị có 63 điểm cầu.</p>\n<p>Kết quả rất tốt.</p>');
    for (const [name, bytes] of files) {
      if (!/\.(json|xml|html|txt|md)$/.test(name) || name === 'manifest.json') continue;
      const text = bytes.toString('utf8');
      expect(text, name).not.toMatch(/suggest|6364|64 điểm|toàn quốc/i);
      expect(text, name).not.toMatch(/<(strong|b)>Kết quả/);
    }
    // The desk's own article is untouched by the export.
    await desk.articles.read(id, (doc) => expect((body(doc).get(0) as Y.XmlElement).get(0)!.toString()).toContain('64'));

    // The command line exports it too, and says suggestions were left open.
    await desks.close(desk);
    for (const [LANG, said] of [
      ['en_US.UTF-8', '3 suggestions are still open: the package holds only accepted text.'],
      ['vi_VN.UTF-8', 'Bài còn 3 đề xuất chưa xử lý: gói chỉ chứa phần chữ đã chấp nhận.'],
    ] as const) {
      const err: string[] = [];
      const out: string[] = [];
      const code = await runCli(['--data', dir, 'export', id, '--out', path.join(dir, `cli-${LANG}.zip`), '--json'], { LANG }, { out: (l) => out.push(l), err: (l) => err.push(l) });
      expect(code).toBe(0);
      expect(err).toContain(said);
      expect(JSON.parse(out.join('\n'))).toMatchObject({ approved: false, openSuggestions: 3 });
    }
  }, 60_000);
});
