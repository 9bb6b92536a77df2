/** The native menu's template, in Vietnamese and English, with the real translations. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READING_RATES, DEFAULT_SECTIONS, type Language, type Settings } from '../../../src-shared/models';
import { accessKeys, menuTemplate, type MenuActions } from '../../../src-main/electron/menu-template';
import { createTranslator } from '../../../src-main/services/i18n';

type Item = MenuItemConstructorOptions;

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    newArticle: () => calls.push('newArticle'),
    setLanguage: (l: Language) => calls.push(`language:${l}`),
    about: () => calls.push('about'),
  };
  return { calls, actions };
}

const settings = (language: Language): Settings => ({ language, windowState: null, readingRates: DEFAULT_READING_RATES, stripGpsOnExport: true, sections: [...DEFAULT_SECTIONS] });

async function build(language: Language, platform: NodeJS.Platform = 'linux', dev = false) {
  const t = await createTranslator(language);
  const { calls, actions } = recorder();
  return { template: menuTemplate(t, settings(language), actions, { platform, dev }), calls };
}

const sub = (item: Item | undefined): Item[] => (item?.submenu ?? []) as Item[];
const byId = (items: readonly Item[], id: string) => items.find((i) => i.id === id);
const labels = (items: readonly Item[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const click = (item: Item | undefined) => (item?.click as unknown as () => void)();

describe('menu template', () => {
  it('speaks Vietnamese', async () => {
    const { template } = await build('vi');
    expect(labels(template)).toEqual(['&Tệp', '&Sửa', '&Xem', '&Ngôn ngữ', 'Trợ &giúp']);
    expect(labels(sub(byId(template, 'file')))).toEqual(['Bài viết mới', 'Đóng cửa sổ', 'Thoát']);
    expect(labels(sub(byId(template, 'edit')))).toEqual(['Hoàn tác', 'Làm lại', 'Cắt', 'Sao chép', 'Dán', 'Chọn tất cả']);
    expect(labels(sub(byId(template, 'view')))).toEqual(['Cỡ chữ mặc định', 'Phóng to', 'Thu nhỏ', 'Toàn màn hình']);
    expect(labels(sub(byId(template, 'language')))).toEqual(['Tiếng Việt', 'English']);
    expect(labels(sub(byId(template, 'help')))).toEqual(['Giới thiệu Bàn Tin']);
  });

  it('speaks English', async () => {
    const { template } = await build('en');
    expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Language', '&Help']);
    expect(labels(sub(byId(template, 'file')))).toEqual(['New Article', 'Close Window', 'Quit']);
    expect(labels(sub(byId(template, 'edit')))).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']);
    expect(labels(sub(byId(template, 'view')))).toEqual(['Actual Size', 'Zoom In', 'Zoom Out', 'Full Screen']);
    expect(labels(sub(byId(template, 'help')))).toEqual(['About Bàn Tin']);
  });

  it('has a label for every item (none falls back to a key or to Electron’s English)', async () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const platform of ['linux', 'win32', 'darwin'] as const) {
        const { template } = await build(lang, platform, true);
        const walk = (items: readonly Item[]): void => {
          for (const item of items) {
            if (item.type === 'separator' || item.role === 'appMenu') {
              walk(sub(item));
              continue;
            }
            expect(item.label, `${lang}/${platform}: ${item.id ?? item.role}`).toBeTruthy();
            expect(item.label).not.toMatch(/^menu:|\./);
            walk(sub(item));
          }
        };
        walk(template);
      }
    }
  });

  it('uses the standard roles for editing, so undo, copy and paste work in every text field', async () => {
    const { template } = await build('vi');
    expect(sub(byId(template, 'edit')).filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(byId(sub(byId(template, 'file')), 'closeWindow')?.role).toBe('close');
    expect(byId(sub(byId(template, 'view')), 'fullScreen')?.role).toBe('togglefullscreen');
  });

  it('offers reload and developer tools in a development run only', async () => {
    expect(byId(sub(byId((await build('vi')).template, 'view')), 'reload')).toBeUndefined();
    expect(byId(sub(byId((await build('vi')).template, 'view')), 'devTools')).toBeUndefined();
    const dev = sub(byId((await build('vi', 'linux', true)).template, 'view'));
    expect(byId(dev, 'reload')?.role).toBe('reload');
    expect(byId(dev, 'reload')?.label).toBe('Tải lại');
    expect(byId(dev, 'devTools')?.role).toBe('toggleDevTools');
  });

  it('shows the current language as the checked radio item and switches to the other one', async () => {
    const { template, calls } = await build('vi');
    const items = sub(byId(template, 'language'));
    expect(items.map((i) => [i.type, i.checked])).toEqual([
      ['radio', true],
      ['radio', false],
    ]);
    click(byId(items, 'language-vi'));
    expect(calls).toEqual([]);
    click(byId(items, 'language-en'));
    expect(calls).toEqual(['language:en']);

    const en = sub(byId((await build('en')).template, 'language'));
    expect(en.map((i) => i.checked)).toEqual([false, true]);
  });

  it('creates an article and shows About from the menu', async () => {
    const { template, calls } = await build('en');
    const newArticle = byId(sub(byId(template, 'file')), 'newArticle');
    expect(newArticle?.accelerator).toBe('CmdOrCtrl+N');
    click(newArticle);
    click(byId(sub(byId(template, 'help')), 'about'));
    expect(calls).toEqual(['newArticle', 'about']);
  });

  it('follows macOS: the app menu first, a Window menu, no access keys, Quit in the app menu', async () => {
    const { template, calls } = await build('vi', 'darwin');
    expect(template[0]?.role).toBe('appMenu');
    expect(labels(template.slice(1))).toEqual(['Tệp', 'Sửa', 'Xem', 'Ngôn ngữ', 'Cửa sổ', 'Trợ giúp']);
    expect(labels(sub(byId(template, 'file')))).toEqual(['Bài viết mới', 'Đóng cửa sổ']);
    const appItems = sub(template[0]);
    expect(appItems.at(-1)).toMatchObject({ role: 'quit', label: 'Thoát Bàn Tin' });
    click(appItems[0]);
    expect(calls).toEqual(['about']);
  });

  it('strips access keys on macOS only, keeping a doubled ampersand', () => {
    expect(accessKeys('&File', 'darwin')).toBe('File');
    expect(accessKeys('Tin && Ảnh', 'darwin')).toBe('Tin & Ảnh');
    expect(accessKeys('&File', 'win32')).toBe('&File');
  });
});
