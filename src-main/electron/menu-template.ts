/**
 * The native menu, as data: File, Edit, View, Language, Help (and the app and Window menus of
 * macOS), every label from `locales/<lang>/menu.json`. `menu.ts` builds it with Electron's
 * `Menu.buildFromTemplate` and rebuilds it when the interface language changes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import { LANGUAGES, type Language, type Settings } from '../../src-shared/models';

export interface MenuActions {
  newArticle(): void;
  setLanguage(language: Language): void;
  about(): void;
}

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  /** A development run (not packaged): reload and developer tools in the View menu. */
  readonly dev: boolean;
}

/**
 * `&` marks the access key of a top-level menu on Windows and Linux; macOS has none, so the
 * marks are removed there (`&&` stays a literal `&`).
 */
export function accessKeys(label: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? label.replace(/&(&?)/g, '$1') : label;
}

export function menuTemplate(t: TFunction, settings: Settings, actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const top = (key: string) => accessKeys(t(key), options.platform);

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { label: t('menu:app.about'), click: () => actions.about() },
      { type: 'separator' },
      { role: 'services', label: t('menu:app.services') },
      { type: 'separator' },
      { role: 'hide', label: t('menu:app.hide') },
      { role: 'hideOthers', label: t('menu:app.hideOthers') },
      { role: 'unhide', label: t('menu:app.showAll') },
      { type: 'separator' },
      { role: 'quit', label: t('menu:app.quit') },
    ],
  };

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: top('menu:file.label'),
    submenu: [
      { id: 'newArticle', label: t('menu:file.newArticle'), accelerator: 'CmdOrCtrl+N', click: () => actions.newArticle() },
      { type: 'separator' },
      { id: 'closeWindow', role: 'close', label: t('menu:file.closeWindow') },
      ...(mac ? [] : [{ id: 'quit', role: 'quit', label: t('menu:file.quit') } satisfies MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: top('menu:edit.label'),
    submenu: [
      { id: 'undo', role: 'undo', label: t('menu:edit.undo') },
      { id: 'redo', role: 'redo', label: t('menu:edit.redo') },
      { type: 'separator' },
      { id: 'cut', role: 'cut', label: t('menu:edit.cut') },
      { id: 'copy', role: 'copy', label: t('menu:edit.copy') },
      { id: 'paste', role: 'paste', label: t('menu:edit.paste') },
      { id: 'selectAll', role: 'selectAll', label: t('menu:edit.selectAll') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: top('menu:view.label'),
    submenu: [
      ...(options.dev
        ? ([
            { id: 'reload', role: 'reload', label: t('menu:view.reload') },
            { id: 'devTools', role: 'toggleDevTools', label: t('menu:view.devTools') },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { id: 'resetZoom', role: 'resetZoom', label: t('menu:view.resetZoom') },
      { id: 'zoomIn', role: 'zoomIn', label: t('menu:view.zoomIn') },
      { id: 'zoomOut', role: 'zoomOut', label: t('menu:view.zoomOut') },
      { type: 'separator' },
      { id: 'fullScreen', role: 'togglefullscreen', label: t('menu:view.fullScreen') },
    ],
  };

  const language: MenuItemConstructorOptions = {
    id: 'language',
    label: top('menu:language.label'),
    submenu: LANGUAGES.map((lang) => ({
      id: `language-${lang}`,
      label: t(`menu:language.${lang}`),
      type: 'radio',
      checked: settings.language === lang,
      click: () => {
        if (settings.language !== lang) actions.setLanguage(lang);
      },
    })),
  };

  const windowMenu: MenuItemConstructorOptions = {
    id: 'window',
    role: 'windowMenu',
    label: top('menu:window.label'),
    submenu: [
      { role: 'minimize', label: t('menu:window.minimize') },
      { role: 'zoom', label: t('menu:window.zoom') },
    ],
  };

  const help: MenuItemConstructorOptions = {
    id: 'help',
    role: 'help',
    label: top('menu:help.label'),
    submenu: [{ id: 'about', label: t('menu:help.about'), click: () => actions.about() }],
  };

  return mac ? [appMenu, file, edit, view, language, windowMenu, help] : [file, edit, view, language, help];
}
