/**
 * The native menu in the interface language, rebuilt when the language changes (from the menu
 * itself or from the renderer: both go through the desk's settings, which every hub client hears).
 */
import { dialog, Menu } from 'electron';
import type { OpOutput } from '../../src-shared/contract';
import type { Language } from '../../src-shared/models';
import type { Desk } from '../services/desk';
import { createTranslator } from '../services/i18n';
import { DESK_VERSION } from '../services/version';
import { menuTemplate, type MenuActions } from './menu-template';
import type { Launch } from './paths';
import type { DeskWindows } from './windows';

/** The menu's own name on the desk's hub: it listens for settings and creates articles. */
export const MENU_CLIENT = 'main-menu';

export async function setupMenu(desk: Desk, windows: DeskWindows, launch: Launch): Promise<void> {
  const actions: MenuActions = {
    newArticle() {
      void desk.dispatch('article:create', { language: desk.settings().language }, { client: MENU_CLIENT }).then(async (result) => {
        if (result.ok) return windows.openArticle((result.value as OpOutput<'article:create'>).id);
        const t = await createTranslator(desk.settings().language);
        dialog.showErrorBox(t('menu:file.newArticle'), t(`errors:${result.error.code}`, { ...result.error.params }));
      });
    },
    setLanguage(language: Language) {
      void desk.updateSettings({ language }).catch((err: unknown) => console.error('[menu] could not change the language:', err));
    },
    about() {
      void about();
    },
  };

  async function about(): Promise<void> {
    const t = await createTranslator(desk.settings().language);
    const options = {
      type: 'info' as const,
      title: t('menu:dialog.aboutTitle'),
      message: t('menu:dialog.aboutMessage', { version: DESK_VERSION }),
      detail: t('menu:dialog.aboutDetail', { dir: desk.dataDir }),
      buttons: [t('menu:dialog.ok')],
    };
    const parent = windows.current();
    await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  }

  let built: Language | null = null;
  async function build(): Promise<void> {
    const settings = desk.settings();
    if (built === settings.language) return;
    built = settings.language;
    const t = await createTranslator(settings.language);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(t, settings, actions, { platform: process.platform, dev: launch.dev })));
  }

  desk.hub.connect(MENU_CLIENT, (event) => {
    if (event === 'settings:changed') void build();
  });
  await build();
}
