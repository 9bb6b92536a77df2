/**
 * Text care for what is pasted into the body. Plain text is converted from the legacy
 * TCVN3/VNI encodings when it clearly is legacy, and made NFC; HTML (from Word, web pages) is
 * cleaned to the body's safe subset (headings, paragraphs, lists, bold, italic, http/https/mailto
 * links; scripts, styles, trackers and `javascript:` links dropped; legacy font runs converted)
 * before the editor parses it. Whatever enters is made NFC again by the NFC plugin.
 */
import { cleanHtml } from '../../../src-shared/html/clean';
import { repairLegacy } from '../../../src-shared/text/legacy';

export function pastedText(text: string): string {
  return repairLegacy(text);
}

export function pastedHtml(html: string): string {
  return cleanHtml(html);
}
