/** What a command needs from the outside: where to write, and the translator for LANG. */
import type { TFunction } from 'i18next';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly t: TFunction;
}

/** Exit codes: 0 done, 1 could not do it (bad file, locked desk, unknown id), 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
