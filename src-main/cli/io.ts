/** What a command needs from the outside: where to write, and the translator for LANG. */
import type { TFunction } from 'i18next';
import { visibleControls } from '../../src-shared/text/controls';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly t: TFunction;
}

/** Exit codes: 0 done, 1 could not do it (bad file, locked desk, unknown id), 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The bold on and off the search prints around a match in a terminal (commands/search.ts). */
const BOLD_ESCAPED = /\\u001B\[(1|22)m/g;

/**
 * A line as it is printed: headlines, captions and EXIF strings come from packages, synced
 * articles and photos, so every control character but tab and line feed, and every bidi
 * override, is printed as a visible escape (`\u001B`) — in JSON too, where it is JSON's own
 * escape for the same character. The one sequence kept is the search's bold on and off; a text
 * holding those very characters can make a line bold, and nothing more.
 */
export function printable(line: string): string {
  return visibleControls(line).replace(BOLD_ESCAPED, '\u001b[$1m');
}
