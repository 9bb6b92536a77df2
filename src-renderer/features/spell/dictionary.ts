/**
 * "Add to the dictionary" from a menu: the word is known in this window at once and goes to the
 * newsroom dictionary through the desk (kept there, sent to the server when it answers).
 */
import { spellService } from './service';

export function addToDictionary(word: string): void {
  spellService.addToDictionary(word).catch((err: unknown) => console.warn('[spell] the desk did not keep the word', word, err));
}
