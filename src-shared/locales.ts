/** Every translation of the desk, for i18next in the renderer and in main alike. */
import enCli from '../locales/en/cli.json';
import enCommon from '../locales/en/common.json';
import enErrors from '../locales/en/errors.json';
import enMenu from '../locales/en/menu.json';
import enNotices from '../locales/en/notices.json';
import viCli from '../locales/vi/cli.json';
import viCommon from '../locales/vi/common.json';
import viErrors from '../locales/vi/errors.json';
import viMenu from '../locales/vi/menu.json';
import viNotices from '../locales/vi/notices.json';

export const NAMESPACES = ['common', 'errors', 'notices', 'menu', 'cli'] as const;

export const resources = {
  vi: { common: viCommon, errors: viErrors, notices: viNotices, menu: viMenu, cli: viCli },
  en: { common: enCommon, errors: enErrors, notices: enNotices, menu: enMenu, cli: enCli },
} as const;

/** Vietnamese is the source language: its files define the keys (and types) of every namespace. */
export type Resources = (typeof resources)['vi'];
