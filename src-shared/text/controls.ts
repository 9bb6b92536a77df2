/**
 * Control characters in text that came from elsewhere (a photo's metadata, a package, a synced
 * article, a pasted line). None belongs in an article: a NUL stops ExifTool and makes XML
 * invalid, an ESC sequence printed to a terminal sets its title or clears its screen. Tab and
 * line ends are text, and stay.
 */
import { nfc } from './vietnamese';

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls (Unicode's Cc). */
const CONTROLS = /[^\P{Cc}\t\n\r]/gu;

/** Bidirectional embeddings, overrides and isolates: they reorder what a reader sees. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/gu;

export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** What enters the desk from outside: NFC, without control characters. */
export function clean(text: string): string {
  return withoutControls(nfc(text));
}

/** Every string in a plain value (objects, arrays) without control characters; other values as they are. */
export function withoutControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return withoutControls(value) as T;
  if (Array.isArray(value)) return value.map(withoutControlsDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControlsDeep(v)])) as T;
  }
  return value;
}

const escaped = (c: string) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Text for a terminal: every control character but tab and line feed, and every bidirectional
 * override, shown as a visible escape (`\u001B`, `\u202E`), so that no text can move the cursor,
 * retitle the window or reorder the line it is printed on. The escapes are JSON's: JSON output
 * stays valid JSON, with the same values.
 */
export function visibleControls(text: string): string {
  return text.replace(/[^\P{Cc}\t\n]/gu, escaped).replace(BIDI, escaped);
}
