/**
 * The interface's own strings, taken from the locale files the renderer ships, so page objects
 * find controls by their accessible names in either language.
 */
import { resources } from '../../../src-shared/locales';
import type { Language } from '../../../src-shared/models';

export type Texts = (typeof resources)['vi']['common'];

export function texts(language: Language): Texts {
  return resources[language].common;
}

export type EditorTexts = (typeof resources)['vi']['editor'];

/** The rich editor's strings (toolbar, link dialog, counters, slug). */
export function editorTexts(language: Language): EditorTexts {
  return resources[language].editor;
}

/** Fills `{{name}}` placeholders the way i18next does. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching the template with each placeholder standing for `what`. */
export function pattern(template: string, what: Readonly<Record<string, string>>): RegExp {
  const parts = template.split(/\{\{(\w+)\}\}/);
  const source = parts.map((p, i) => (i % 2 === 1 ? (what[p] ?? '.*') : escapeRegExp(p))).join('');
  return new RegExp(`^${source}$`);
}
