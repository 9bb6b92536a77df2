import { describe, expect, it } from 'vitest';
import { DeskError, ERROR_CODES, errorCodeForSystemError, isErrorCode, NOTICE_CODES, toErrorPayload } from '../../../src-shared/errors';
import { NoticeSchema } from '../../../src-shared/models';

/** What Node throws for a failed system call: an Error with errno fields. */
function sysError(code: string, path?: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`${code}: failed`);
  err.code = code;
  err.errno = -28;
  err.syscall = 'write';
  if (path) err.path = path;
  return err;
}

describe('toErrorPayload', () => {
  it('maps ENOSPC and EDQUOT to diskFull, keeping the path', () => {
    expect(toErrorPayload(sysError('ENOSPC', '/data/articles/x.ydoc'))).toEqual({ code: 'diskFull', params: { path: '/data/articles/x.ydoc' } });
    expect(toErrorPayload(sysError('EDQUOT')).code).toBe('diskFull');
  });

  it('maps a plain errno-like object too (what crosses a worker or a library boundary)', () => {
    expect(toErrorPayload({ code: 'ENOSPC', errno: -28, syscall: 'write' })).toEqual({ code: 'diskFull', params: {} });
  });

  it('maps permission errors to readOnly, others (ENOENT included: a missing file is not a missing article) to io', () => {
    expect(toErrorPayload(sysError('EACCES', '/ro')).code).toBe('readOnly');
    expect(toErrorPayload(sysError('EROFS')).code).toBe('readOnly');
    expect(toErrorPayload(sysError('EPERM')).code).toBe('readOnly');
    expect(toErrorPayload(sysError('ENOENT')).code).toBe('io');
    expect(toErrorPayload(sysError('EIO')).code).toBe('io');
    expect(errorCodeForSystemError(undefined)).toBe('io');
  });

  it('passes a DeskError through with its params', () => {
    expect(toErrorPayload(new DeskError('deskLocked', { dir: '/d', pid: 7 }))).toEqual({ code: 'deskLocked', params: { dir: '/d', pid: 7 } });
  });

  it('turns anything else into internal, without leaking its message', () => {
    expect(toErrorPayload(new Error('secret /home/user path'))).toEqual({ code: 'internal', params: {} });
    expect(toErrorPayload('boom')).toEqual({ code: 'internal', params: {} });
    expect(toErrorPayload(null)).toEqual({ code: 'internal', params: {} });
    expect(toErrorPayload({ code: 'not-an-errno' })).toEqual({ code: 'internal', params: {} });
  });

  it('only produces known codes', () => {
    for (const e of [sysError('ENOSPC'), sysError('EXYZ'), new Error('x'), new DeskError('notFound')]) {
      expect(isErrorCode(toErrorPayload(e).code)).toBe(true);
    }
    expect(isErrorCode('nope')).toBe(false);
    expect(ERROR_CODES.length).toBe(new Set(ERROR_CODES).size);
  });
});

describe('notice codes', () => {
  it('the contract schema accepts exactly the notice codes the store raises', () => {
    expect([...NoticeSchema.shape.code.options].sort()).toEqual([...NOTICE_CODES].sort());
  });
});
