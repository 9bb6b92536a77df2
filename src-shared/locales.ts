/** Every translation of the desk, for i18next in the renderer and in main alike. */
import enChecklist from '../locales/en/checklist.json';
import enCli from '../locales/en/cli.json';
import enCommon from '../locales/en/common.json';
import enEditor from '../locales/en/editor.json';
import enErrors from '../locales/en/errors.json';
import enEvent from '../locales/en/event.json';
import enExport from '../locales/en/export.json';
import enGlossary from '../locales/en/glossary.json';
import enImport from '../locales/en/import.json';
import enHistory from '../locales/en/history.json';
import enMenu from '../locales/en/menu.json';
import enNotices from '../locales/en/notices.json';
import enOutbox from '../locales/en/outbox.json';
import enPackage from '../locales/en/package.json';
import enPhotos from '../locales/en/photos.json';
import enSearch from '../locales/en/search.json';
import enSettings from '../locales/en/settings.json';
import enSpell from '../locales/en/spell.json';
import enSync from '../locales/en/sync.json';
import enTranslate from '../locales/en/translate.json';
import enWorkflow from '../locales/en/workflow.json';
import enWorkspace from '../locales/en/workspace.json';
import viChecklist from '../locales/vi/checklist.json';
import viCli from '../locales/vi/cli.json';
import viCommon from '../locales/vi/common.json';
import viEditor from '../locales/vi/editor.json';
import viErrors from '../locales/vi/errors.json';
import viEvent from '../locales/vi/event.json';
import viExport from '../locales/vi/export.json';
import viGlossary from '../locales/vi/glossary.json';
import viImport from '../locales/vi/import.json';
import viHistory from '../locales/vi/history.json';
import viMenu from '../locales/vi/menu.json';
import viNotices from '../locales/vi/notices.json';
import viOutbox from '../locales/vi/outbox.json';
import viPackage from '../locales/vi/package.json';
import viPhotos from '../locales/vi/photos.json';
import viSearch from '../locales/vi/search.json';
import viSettings from '../locales/vi/settings.json';
import viSpell from '../locales/vi/spell.json';
import viSync from '../locales/vi/sync.json';
import viTranslate from '../locales/vi/translate.json';
import viWorkflow from '../locales/vi/workflow.json';
import viWorkspace from '../locales/vi/workspace.json';

export const NAMESPACES = ['common', 'errors', 'notices', 'menu', 'cli', 'history', 'editor', 'search', 'import', 'event', 'glossary', 'checklist', 'photos', 'export', 'outbox', 'package', 'sync', 'workspace', 'settings', 'workflow', 'spell', 'translate'] as const;

export const resources = {
  vi: { package: viPackage, outbox: viOutbox, photos: viPhotos, common: viCommon, errors: viErrors, notices: viNotices, menu: viMenu, cli: viCli, history: viHistory, editor: viEditor, search: viSearch, import: viImport, event: viEvent, glossary: viGlossary, checklist: viChecklist, export: viExport, sync: viSync, workspace: viWorkspace, settings: viSettings, workflow: viWorkflow, spell: viSpell, translate: viTranslate },
  en: { package: enPackage, outbox: enOutbox, photos: enPhotos, common: enCommon, errors: enErrors, notices: enNotices, menu: enMenu, cli: enCli, history: enHistory, editor: enEditor, search: enSearch, import: enImport, event: enEvent, glossary: enGlossary, checklist: enChecklist, export: enExport, sync: enSync, workspace: enWorkspace, settings: enSettings, workflow: enWorkflow, spell: enSpell, translate: enTranslate },
} as const;

/** Vietnamese is the source language: its files define the keys (and types) of every namespace. */
export type Resources = (typeof resources)['vi'];
