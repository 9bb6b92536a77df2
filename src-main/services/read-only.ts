/**
 * A desk whose folder cannot be written — a read-only disk or mount, a folder that is not the
 * user's, or a disk so full that not even the lock fits — is opened read-only instead of failing
 * with the system's error: the library, articles, search and history can be read; every
 * operation that would write is refused (`deskReadOnly`) before it starts, and the desk says why
 * in a notice. No lock is taken (there is nowhere to write it): a read-only desk only reads
 * files that writers replace whole, by rename.
 */
import { constants, promises as fs } from 'node:fs';
import type { OpName } from '../../src-shared/contract';

/** Why a folder cannot be written, from a system error; null for any other error. */
export type WriteRefusal = 'readOnly' | 'diskFull';

export function writeRefusal(err: unknown): WriteRefusal | null {
  const code = err && typeof err === 'object' && 'code' in err ? (err as { code: unknown }).code : null;
  switch (code) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'readOnly';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'diskFull';
    default:
      return null;
  }
}

/** Whether the folder refuses writing (a read-only file system, or permissions), asked of the system without writing. */
export async function folderRefusesWriting(dir: string): Promise<boolean> {
  try {
    await fs.access(dir, constants.W_OK);
    return false;
  } catch (err) {
    return writeRefusal(err) === 'readOnly';
  }
}

/** The operations that only read: the ones a read-only desk answers. Every other one is refused. */
export const READ_OPERATIONS: ReadonlySet<OpName> = new Set<OpName>([
  'app:info',
  'settings:get',
  'library:list',
  'library:search',
  'article:open',
  'article:close',
  'article:awareness',
  'history:list',
  'history:get',
  'history:diff',
  'photo:thumb',
  'photo:original',
  'place:search',
  'glossary:suggest',
  'glossary:list',
  'spell:words',
  'outbox:list',
  'outbox:config',
  'export:cancel',
  'sync:status',
  'sync:networkUp',
  // The workflow read as kept (a move is refused: it would have to be written down first).
  'workflow:state',
  'workflow:queue',
  'workflow:pending',
]);
