import { readArticle } from '../../../src-shared/article-doc';
import { createSpellChecker, type Misspelling } from '../../../src-shared/spell/checker';
import { spellFields, type SpellField } from '../../../src-shared/spell/fields';
import type { ToneStyle } from '../../../src-shared/spell/tones';
import type { Desk } from '../../services/desk';
import { loadDictionaries } from '../../services/spell/dictionaries';
import { knownWords } from '../../services/spell/known';
import { EXIT, type CliIo } from '../io';

export interface SpellReport {
  readonly id: string;
  readonly language: SpellField['language'];
  /** Every field checked, with its misspellings (none: an empty list). */
  readonly fields: ReadonlyArray<Omit<SpellField, 'text'> & { readonly misspellings: readonly Misspelling[] }>;
}

/**
 * The misspellings of an article, per field, with suggestions: the same checker as the editor's.
 * With `style`, the tone-mark style check too: syllables whose tone stands where the other style
 * puts it are listed with the chosen style's form.
 */
export async function spell(desk: Desk, id: string, json: boolean, io: CliIo, style?: ToneStyle): Promise<number> {
  const view = await desk.articles.read(id, readArticle);
  const checker = createSpellChecker(await loadDictionaries(), { known: await knownWords(desk), ...(style ? { style, styleCheck: style } : {}) });
  const report: SpellReport = {
    id,
    language: view.language,
    fields: spellFields(view).map(({ text, ...field }) => ({ ...field, misspellings: checker.check(text, field.language) })),
  };
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return EXIT.ok;
  }
  let any = false;
  for (const f of report.fields) {
    const name = f.field === 'caption' ? io.t('cli:spell.caption', { n: f.photo, language: f.language }) : io.t(`cli:spell.field.${f.field}`);
    for (const m of f.misspellings) {
      any = true;
      const suggestions = m.suggestions.length ? m.suggestions.join(', ') : io.t('cli:spell.noSuggestions');
      io.out(io.t('cli:spell.line', { field: name, word: m.word, suggestions }));
    }
  }
  if (!any) io.out(io.t('cli:spell.none'));
  return EXIT.ok;
}
