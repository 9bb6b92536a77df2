/**
 * "Add to the dictionary" from a menu: the word is known in this window at once and goes to the
 * newsroom dictionary through the desk (kept there, sent to the server when it answers). When
 * the desk cannot keep it (a full disk), the page's error banner says so in the user's language.
 */
import { reportError } from '../../app/error-bus';
import { spellService } from './service';

export function addToDictionary(word: string): void {
  spellService.addToDictionary(word).catch(reportError);
}
