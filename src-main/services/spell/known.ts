/**
 * The words the spellchecker takes as known on this desk: the glossary's names (people and
 * organisations) and the newsroom dictionary.
 */
import type { Desk } from '../desk';

export async function knownWords(desk: Pick<Desk, 'dispatch'>): Promise<string[]> {
  const glossary = await desk.dispatch('glossary:list', {}, { client: 'cli' });
  const names = glossary.ok ? (glossary.value as ReadonlyArray<{ readonly name: string }>).map((e) => e.name) : [];
  const dictionary = await desk.dispatch('spell:words', {}, { client: 'cli' });
  const words = dictionary.ok ? (dictionary.value as { readonly words: readonly string[] }).words : [];
  return [...names, ...words];
}
