/**
 * "Add to the newsroom dictionary" from a menu: the word is known in this window at once.
 */
import { spellService } from './service';

export function addToDictionary(word: string): void {
  spellService.addToDictionary(word);
}
