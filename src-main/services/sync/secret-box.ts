/**
 * Seals the sync token before it is written to desk.json. In Electron, main passes a box over
 * `safeStorage` (the OS keychain's key); elsewhere (web mode, the command line) the token is
 * kept as it is in desk.json, and the data folder is restricted to its owner (0700) at login.
 */
import { DeskError } from '../../../src-shared/errors';
import type { SealedSecret } from './records';

export interface SecretBox {
  readonly kind: SealedSecret['box'];
  seal(secret: string): string;
  open(sealed: string): string;
}

export const plainBox: SecretBox = { kind: 'plain', seal: (s) => s, open: (s) => s };

export function seal(box: SecretBox, secret: string): SealedSecret {
  return { box: box.kind, value: box.seal(secret) };
}

/** The secret, or `syncUnauthorized` when this box cannot open it (sealed by Electron, read by the command line). */
export function unseal(box: SecretBox, sealed: SealedSecret): string {
  if (sealed.box !== box.kind) throw new DeskError('syncUnauthorized');
  try {
    return box.open(sealed.value);
  } catch (err) {
    throw new DeskError('syncUnauthorized', {}, { cause: err });
  }
}
