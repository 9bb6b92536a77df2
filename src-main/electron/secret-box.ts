/** The sync token sealed with Electron's safeStorage (the OS keychain's key) when the OS offers it. */
import { safeStorage } from 'electron';
import { plainBox, type SecretBox } from '../services/sync/secret-box';

export function electronSecretBox(): SecretBox {
  if (!safeStorage.isEncryptionAvailable()) return plainBox;
  return {
    kind: 'safeStorage',
    seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
