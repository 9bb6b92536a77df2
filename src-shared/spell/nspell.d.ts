/**
 * The part of nspell (a Hunspell-compatible checker in plain JavaScript) the spellchecker uses.
 * Declared here rather than taken from @types/nspell, which pulls Node's types into a layer that
 * must compile without them (the checker runs in a Web Worker as well as in Node).
 */
declare module 'nspell' {
  interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
    add(word: string, model?: string): NSpell;
  }
  function nspell(dictionary: { aff: string; dic: string }): NSpell;
  export default nspell;
}
