import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import { LibraryPage } from './support/pages/library-page';

describe('a damaged desk.json', () => {
  const h = useHarness();

  it('is set aside and the user is told so in Vietnamese', async () => {
    const dataDir = await h.dataDir();
    await fs.writeFile(path.join(dataDir, 'desk.json'), '{"version": 1, "settings": {"lang');
    const desk = await h.startDesk(dataDir);
    const page = await h.page();
    const library = new LibraryPage(page, 'vi');
    await library.goto(desk.url);

    const notice = library.notices().getByRole('alert');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Tệp desk.json bị hỏng và không có bản sao');
    const aside = (await fs.readdir(dataDir)).find((name) => name.startsWith('desk.json') && name !== 'desk.json' && !name.endsWith('.bak'));
    expect(aside).toBeTruthy();
    expect(text).toContain(aside!);

    // The notice is dismissible, with a labelled button.
    await library.notices().getByRole('button', { name: library.t.notices.dismiss, exact: true }).click();
    await library.notices().waitFor({ state: 'detached' });
    // The desk still works: the library is there, empty.
    await library.emptyState().waitFor();
  });
});
