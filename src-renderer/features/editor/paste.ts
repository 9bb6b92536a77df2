/**
 * Text care for what is pasted into the body. Plain text becomes NFC here; pasted HTML is
 * parsed by the editor's schema (scripts, styles and unknown tags are dropped, links other
 * than http/https/mailto refused by the link mark) and every text that enters is made NFC by
 * the NFC plugin. `legacyText` and `cleanPastedHtml` are where the legacy-encoding converter
 * (TCVN3/VNI) and the HTML cleaner of `src-shared/` plug in.
 */
import { nfc } from '../../../src-shared/text/vietnamese';

/** Legacy TCVN3/VNI text to Unicode; the identity until the converter is wired here. */
export function legacyText(text: string): string {
  return text;
}

/** Pasted HTML cleaned before the editor parses it; the identity until the cleaner is wired here. */
export function cleanPastedHtml(html: string): string {
  return html;
}

export function pastedText(text: string): string {
  return nfc(legacyText(text));
}

export function pastedHtml(html: string): string {
  return cleanPastedHtml(html);
}
