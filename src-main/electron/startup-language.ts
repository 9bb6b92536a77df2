/**
 * The language to speak before the desk is open (a refusal to start): the one saved in the
 * desk's settings when desk.json can be read, else the environment's.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Language } from '../../src-shared/models';
import { DESK_FILE } from '../services/desk-store';
import { languageFromEnv } from '../services/i18n';

export async function startupLanguage(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Language> {
  try {
    const data = JSON.parse(await fs.readFile(path.join(dataDir, DESK_FILE), 'utf8')) as { settings?: { language?: unknown } };
    const saved = Language.safeParse(data.settings?.language);
    if (saved.success) return saved.data;
  } catch {
    // No readable desk.json: the environment decides.
  }
  return languageFromEnv(env);
}
