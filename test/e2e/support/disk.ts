/**
 * What the desk has written to its data folder, read the way the command line reads it: the
 * article's Yjs file straight from disk, and `cli show --json` as a real child process.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { readArticle, type ArticleView } from '../../../src-shared/article-doc';
import { spawn } from 'node:child_process';
import { cliArgs } from '../../support/cli';
import { exited, ROOT, stderrOf } from '../../support/child';

/** The article as saved in `articles/<id>.ydoc`, or null while the file is not there. */
export async function articleOnDisk(dataDir: string, id: string): Promise<ArticleView | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(dataDir, 'articles', `${id}.ydoc`));
  } catch {
    return null;
  }
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(bytes));
  const view = readArticle(doc);
  doc.destroy();
  return view;
}

/** `npm run cli -- --data <dir> show <id> --json` (the desk must be stopped: the CLI refuses a folder in use). */
export async function cliShow(dataDir: string, id: string): Promise<ArticleView> {
  const child = spawn(process.execPath, [...cliArgs(), '--data', dataDir, 'show', id, '--json'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env } });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => (out += c));
  const stderr = stderrOf(child);
  const { code } = await exited(child);
  if (code !== 0) throw new Error(`cli show exited with ${code}: ${stderr()}`);
  return JSON.parse(out) as ArticleView;
}
