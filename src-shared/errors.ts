/**
 * Error codes that cross process boundaries. They carry no human text: the renderer (and the
 * command line, in the language of LANG) translates `errors:<code>` from `locales/<lang>/errors.json`.
 */
export const ERROR_CODES = [
  'invalidPayload',
  'unknownOperation',
  'forbiddenSender',
  'unauthorized',
  'notFound',
  'diskFull',
  'readOnly',
  /** The desk was opened read-only (its folder cannot be written, or its disk is full): `dir`. */
  'deskReadOnly',
  'io',
  'deskLocked',
  'badInput',
  'unsupportedFile',
  'fileInvalid',
  'fileTooLarge',
  'fileEmpty',
  'unreachable',
  'versionNotFound',
  'photoNotImage',
  'photoDamaged',
  'photoTooLarge',
  'photoTooManyPixels',
  'glossaryNotFound',
  'glossaryDuplicate',
  'glossaryKindMismatch',
  'gazetteerUnavailable',
  'exportCancelled',
  'packageInvalid',
  'packageUnsafeEntry',
  'packageTooLarge',
  'packageChecksum',
  'packageVersion',
  'uploadNotConfigured',
  'uploadUnreachable',
  'uploadServerBusy',
  'uploadUnauthorized',
  'uploadRefused',
  'outboxBusy',
  /** Sync: the address is not a newsroom server's (no Bàn Tin API answered there). */
  'syncNotServer',
  /** Sync: the server cannot be reached (no answer, refused connection, DNS). */
  'syncUnreachable',
  /** Sync: wrong user name or password at login. */
  'syncBadCredentials',
  /** Sync: too many failed logins; `retryAfter` seconds. */
  'syncTooManyAttempts',
  /** Sync: the server no longer takes the saved login (expired, revoked, account disabled): log in again. */
  'syncUnauthorized',
  /** Sync: this user may not have that article on the server (another reporter's). */
  'syncForbidden',
  /** Sync: the server refused a change to the article's workflow (only its transition API changes it). */
  'syncWorkflowReadOnly',
  /** Sync: the account created as many articles in the last hour as the server allows; this one waits. */
  'syncTooManyArticles',
  /** Sync: the article is larger than the server allows; it stays on this desk. */
  'syncArticleTooLarge',
  /** Sync: the account uploaded as many photos in the last hour as the server allows. */
  'syncTooManyPhotos',
  /** Sync: the server could not store the change (its disk); it will be sent again. */
  'syncServerStorage',
  /** Sync: the server answered with something unexpected (`status`). */
  'syncServerError',
  /** Sync (command line): no server configured; run `login` first. */
  'syncNotConfigured',
  /** Sync (command line): the round did not finish (`pending` articles left). */
  'syncIncomplete',
  /** Workflow: the article cannot go from `status` to `to` (the state machine, src-shared/workflow.ts). */
  'workflowNotAllowed',
  /** Workflow: an assignment is made on the server at once; it cannot be made while the server does not answer. */
  'workflowAssignOffline',
  /** Workflow: the server refused an assignment (only editors and admins assign). */
  'workflowAssignForbidden',
  /** Workflow: this account's role (or not being the article's writer) does not allow the move. */
  'workflowForbidden',
  /** Workflow: a return needs a note. */
  'workflowNoteRequired',
  /** Workflow: another move of the article (`to`) waits to be sent; cancel it first. */
  'workflowPending',
  /** Translation: the article is already in that language (`language`). */
  'translationSameLanguage',
  /** Translation: the article has no translation and translates none. */
  'translationNone',
  /** Translation: the translation has no block `block` (or its source block is gone). */
  'translationBlockNotFound',
  /** Accounts: the newsroom server does not answer (or this desk is not logged in); accounts are changed on it only. */
  'adminOffline',
  /** Accounts: only an admin of the newsroom server manages accounts. */
  'adminForbidden',
  /** Accounts: a user named `name` exists already. */
  'adminUserExists',
  /** Accounts: the name is not one the server takes (letters, digits, . _ - and single spaces, up to 64). */
  'adminInvalidName',
  /** Accounts: the server has no user `name`. */
  'adminUserNotFound',
  /** Accounts: a password needs at least `min` characters. */
  'adminPasswordTooShort',
  /** Accounts: an admin does not disable or demote the account they are logged in with. */
  'adminSelf',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values interpolated into the translated message (file names, counts, ids). */
export type ErrorParams = Readonly<Record<string, string | number>>;

export interface ErrorPayload {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
}

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`, options);
    this.name = 'DeskError';
    this.code = code;
    this.params = params;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, params: this.params };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Maps a Node.js system error code (ENOSPC, EACCES…) to the desk's code. */
export function errorCodeForSystemError(sysCode: unknown): ErrorCode {
  switch (sysCode) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'diskFull';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'readOnly';
    default:
      return 'io';
  }
}

/** Any thrown value → a payload safe to send to another process. */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof DeskError) return err.toPayload();
  const crossed = err instanceof Error ? payloadFromMessage(err.message) : null;
  if (crossed) return crossed;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && err.code.startsWith('E')) {
    const path = 'path' in err && typeof err.path === 'string' ? err.path : '';
    return { code: errorCodeForSystemError(err.code), params: path ? { path } : {} };
  }
  return { code: 'internal', params: {} };
}

/**
 * A DeskError that crossed Electron's contextBridge arrives as a plain Error carrying only its
 * message (`<code>` or `<code> <params as JSON>`, see the constructor): read the payload back.
 */
export function payloadFromMessage(message: string): ErrorPayload | null {
  const m = /^(?:Error: )?([A-Za-z]+)(?: (\{.*\}))?$/s.exec(message);
  if (!m || !isErrorCode(m[1])) return null;
  if (!m[2]) return { code: m[1], params: {} };
  try {
    const parsed: unknown = JSON.parse(m[2]);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    return { code: m[1], params };
  } catch {
    return null;
  }
}

/** Notices the store raises when it had to repair something the user should know about. */
export const NOTICE_CODES = ['restoredFromBackup', 'restoredMissing', 'resetNoBackup', 'indexRebuilt', 'articleRestoredFromBackup', 'articleUnreadable', 'openedReadOnly', 'openedReadOnlyDiskFull'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];
export interface Notice {
  readonly code: NoticeCode;
  readonly params: Readonly<Record<string, string>>;
  readonly at: string;
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
