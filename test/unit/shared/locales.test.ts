/**
 * vi and en must say the same things: same files, same keys, same {{placeholders}}, nothing
 * empty; and every code main can send (errors, notices) has a message in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, NOTICE_CODES } from '../../../src-shared/errors';
import { NAMESPACES, resources } from '../../../src-shared/locales';

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');
const LANGS = ['vi', 'en'] as const;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function jsonFiles(lang: string): string[] {
  return readdirSync(path.join(LOCALES, lang))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

function load(lang: string, file: string): Json {
  return JSON.parse(readFileSync(path.join(LOCALES, lang, file), 'utf8')) as Json;
}

/** Every leaf as [dotted key, value]. */
function leaves(value: Json, prefix = ''): Array<[string, Json]> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * i18next plural forms differ by language (Vietnamese has only `_other`, English `_one` and
 * `_other`): a key `x_one` counts as `x` when `x_other` exists. Each language must then carry
 * exactly the plural forms its rules use.
 */
function groupKeys(lang: string, keys: readonly string[]): { groups: Map<string, string[]>; problems: string[] } {
  const set = new Set(keys);
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const base = PLURAL.test(key) && set.has(key.replace(PLURAL, '_other')) ? key.replace(PLURAL, '') : key;
    groups.set(base, [...(groups.get(base) ?? []), key]);
  }
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const problems: string[] = [];
  for (const [base, forms] of groups) {
    if (forms.length === 1 && forms[0] === base) continue;
    const expected = categories.map((c) => `${base}_${c}`).sort();
    if (JSON.stringify([...forms].sort()) !== JSON.stringify(expected)) problems.push(`${lang}: ${base} has ${forms.join(', ')}; expected ${expected.join(', ')}`);
  }
  return { groups, problems };
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*-?\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();
}

describe('locales', () => {
  it('vi and en have the same files, and locales.ts loads every one of them', () => {
    const vi = jsonFiles('vi');
    const en = jsonFiles('en');
    expect(vi.length).toBeGreaterThan(0);
    expect(en).toEqual(vi);
    expect([...NAMESPACES].sort()).toEqual(vi.map((f) => f.replace(/\.json$/, '')));
  });

  for (const file of jsonFiles('vi')) {
    describe(file, () => {
      const vi = leaves(load('vi', file));
      const en = leaves(load('en', file));
      const viKeys = groupKeys('vi', vi.filter(([k]) => k).map(([k]) => k));
      const enKeys = groupKeys('en', en.filter(([k]) => k).map(([k]) => k));
      const viGroups = viKeys.groups;
      const enGroups = enKeys.groups;

      it('has the same keys in vi and en', () => {
        expect([...enGroups.keys()].sort()).toEqual([...viGroups.keys()].sort());
      });

      it('has exactly the plural forms each language uses', () => {
        expect([...viKeys.problems, ...enKeys.problems]).toEqual([]);
      });

      it('has only non-empty strings', () => {
        for (const [lang, entries] of [
          ['vi', vi],
          ['en', en],
        ] as const) {
          for (const [key, value] of entries) {
            if (!key) continue; // an empty namespace file: `{}`
            expect(typeof value, `${lang}/${file}: ${key}`).toBe('string');
            expect((value as string).trim(), `${lang}/${file}: ${key} is empty`).not.toBe('');
          }
        }
      });

      it('has the same {{placeholders}} per key', () => {
        const text = (entries: Array<[string, Json]>, keys: readonly string[]) =>
          placeholders(keys.map((k) => String(entries.find(([key]) => key === k)?.[1] ?? '')).join(' '));
        for (const [base, viForms] of viGroups) {
          const enForms = enGroups.get(base) ?? [];
          expect(text(en, enForms), `${file}: ${base}`).toEqual(text(vi, viForms));
        }
      });
    });
  }

  it('has a message for every error code in both languages', () => {
    for (const lang of LANGS) {
      const errors = resources[lang].errors as Record<string, unknown>;
      for (const code of ERROR_CODES) {
        expect(typeof errors[code], `${lang} errors:${code}`).toBe('string');
        expect((errors[code] as string).trim(), `${lang} errors:${code}`).not.toBe('');
      }
    }
  });

  it('has a message for every notice code in both languages', () => {
    for (const lang of LANGS) {
      const notices = resources[lang].notices as Record<string, unknown>;
      for (const code of NOTICE_CODES) {
        expect(typeof notices[code], `${lang} notices:${code}`).toBe('string');
        expect((notices[code] as string).trim(), `${lang} notices:${code}`).not.toBe('');
      }
    }
  });

  it('the checker itself notices a missing placeholder and a plural form', () => {
    expect(placeholders('Bài {{id}} và {{ count }} tệp, {{date, datetime}}')).toEqual(['count', 'date', 'id']);
    expect(placeholders('không có')).toEqual([]);
    expect([...groupKeys('en', ['n_one', 'n_other', 'plain']).groups.keys()].sort()).toEqual(['n', 'plain']);
    expect(groupKeys('en', ['n_one', 'n_other']).problems).toEqual([]);
    expect([...groupKeys('vi', ['n_other']).groups.keys()]).toEqual(['n']);
    expect(groupKeys('vi', ['n_one', 'n_other']).problems).toHaveLength(1);
  });
});
