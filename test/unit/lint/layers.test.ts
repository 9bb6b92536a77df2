// The lint configuration makes a wrong-layer import fail (DESIGN §2, STYLE habit 5).
import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
let eslint: ESLint;

// The first lint loads the whole configuration (parsers, plugins): seconds on a busy machine,
// taken here rather than inside the first test's time limit.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export const warm = 1;\n', { filePath: path.join(root, 'src-shared/warm.ts') });
}, 60_000);

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'bantin/layers' || m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['src-shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;", /Node\.js/],
    ['src-shared/x.ts', "import { app } from 'electron';\nexport const a = app;", /Electron/],
    ['src-shared/x.ts', "import { openDesk } from '../src-main/services/desk';\nexport const a = openDesk;", /src-shared may not import from services/],
    ['src-main/services/x.ts', "import { app } from 'electron';\nexport const a = app;", /Electron/],
    ['src-main/services/x.ts', "import { useState } from 'react';\nexport const a = useState;", /React/],
    ['src-main/services/x.ts', "import { a } from '../electron/window';\nexport const b = a;", /services may not import from electron/],
    ['src-main/web/x.ts', "import { a } from '../../src-renderer/app/App';\nexport const b = a;", /web may not import from src-renderer/],
    ['src-renderer/app/x.ts', "import path from 'path';\nexport const a = path;", /Node\.js/],
    ['src-renderer/app/x.ts', "import { openDesk } from '../../src-main/services/desk';\nexport const a = openDesk;", /src-renderer may not import from services/],
    ['src-renderer/app/x.ts', "export const a = () => import('electron');", /Electron/],
    ['src-main/preload/x.ts', "import { openDesk } from '../services/desk';\nexport const a = openDesk;", /preload may not import from services/],
  ])('%s: refuses %s', async (file, code, message) => {
    const found = await problems(file, code);
    expect(found.some((m) => message.test(m)), found.join('\n') || 'no problem reported').toBe(true);
  });

  it.each([
    ['src-shared/x.ts', "import { z } from 'zod';\nimport { nfc } from './text/vietnamese';\nexport const a = [z, nfc];"],
    ['src-main/services/x.ts', "import fs from 'node:fs';\nimport { nfc } from '../../src-shared/text/vietnamese';\nexport const a = [fs, nfc];"],
    ['src-main/electron/x.ts', "import { app } from 'electron';\nimport { openDesk } from '../services/desk';\nexport const a = [app, openDesk];"],
    ['src-renderer/app/x.ts', "import { useState } from 'react';\nimport { fold } from '../../src-shared/text/vietnamese';\nexport const a = [useState, fold];"],
  ])('%s: allows its own layer and those below', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('one door per side', () => {
  it('only the IPC wrapper may import ipcMain', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const a = ipcMain;";
    expect((await problems('src-main/electron/window.ts', code)).join()).toMatch(/ipcMain/);
    expect(await problems('src-main/electron/ipc.ts', code)).toEqual([]);
  });

  it('only the preload may import ipcRenderer', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;";
    expect((await problems('src-main/electron/menu.ts', code)).join()).toMatch(/ipcRenderer/);
    expect(await problems('src-main/preload/preload.ts', code)).toEqual([]);
  });

  it('only platform/api.ts reads window.desk', async () => {
    const code = 'export const a = window.desk;';
    expect((await problems('src-renderer/app/App.tsx', code)).join()).toMatch(/platform\/api\.ts/);
    expect(await problems('src-renderer/platform/api.ts', code)).toEqual([]);
  });
});
