/**
 * The check at the door: every call goes through `dispatch`, which must refuse unknown
 * operations and malformed payloads with a code, and turn failures into codes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headline, setText } from '../../../src-shared/article-doc';
import type { Envelope } from '../../../src-shared/contract';
import { DeskError } from '../../../src-shared/errors';
import type { ArticleSummary } from '../../../src-shared/models';
import type { Desk, Handlers } from '../../../src-main/services/desk';
import { createDispatcher } from '../../../src-main/services/dispatch';
import { call, openTestDesk, replicaOf, updateFrom } from '../../support/desk';
import { tempDirs } from '../../support/temp';

const temp = tempDirs();
let desk: Desk;
let article: ArticleSummary;

beforeEach(async () => {
  desk = await openTestDesk(await temp.make());
  article = await call<ArticleSummary>(desk, 'article:create', { language: 'vi' });
});
afterEach(async () => {
  await desk.close();
  await temp.cleanup();
});

const ctx = { client: 'unit' };

function errorOf(envelope: Envelope<unknown>) {
  expect(envelope.ok, JSON.stringify(envelope)).toBe(false);
  return (envelope as Extract<Envelope<unknown>, { ok: false }>).error;
}

describe('dispatch', () => {
  it('refuses an unknown operation', async () => {
    for (const op of ['article:delete', 'constructor', '__proto__', 'toString', '', 42, null, undefined]) {
      expect(errorOf(await desk.dispatch(op, {}, ctx)).code, String(op)).toBe('unknownOperation');
    }
    const long = errorOf(await desk.dispatch('x'.repeat(10_000), {}, ctx));
    expect(String(long.params?.op).length).toBeLessThanOrEqual(64);
  });

  it.each<[string, string, unknown]>([
    ['missing id', 'article:open', {}],
    ['id of the wrong type', 'article:open', { id: 12345678 }],
    ['id that is not an article id', 'article:open', { id: '../../etc/passwd' }],
    ['id with upper case and spaces', 'article:trash', { id: 'ABC DEF GHI' }],
    ['extra key on a strict schema', 'article:open', { id: 'a1b2c3d4-0000', extra: true }],
    ['extra key on an empty schema', 'app:info', { please: 'leak' }],
    ['not an object', 'library:list', 'trashed'],
    ['array for an object', 'library:list', [true]],
    ['wrong type for a flag', 'library:list', { trashed: 'yes' }],
    ['unknown language', 'article:create', { language: 'fr' }],
    ['unknown setting', 'settings:update', { theme: 'dark' }],
    ['bad window state', 'settings:update', { windowState: { width: 10, height: 10, maximized: false } }],
    ['update as a plain array', 'article:update', { id: 'a1b2c3d4-0000', update: [1, 2, 3] }],
    ['update as a string', 'article:update', { id: 'a1b2c3d4-0000', update: 'AQID' }],
    ['update as a Buffer-like object', 'article:update', { id: 'a1b2c3d4-0000', update: { type: 'Buffer', data: [1] } }],
    ['update missing', 'article:update', { id: 'a1b2c3d4-0000' }],
  ])('refuses a malformed payload: %s', async (_name, op, input) => {
    const error = errorOf(await desk.dispatch(op, input, ctx));
    expect(error.code).toBe('invalidPayload');
    expect(error.params).toMatchObject({ op });
  });

  it('names the offending field', async () => {
    const error = errorOf(await desk.dispatch('article:update', { id: article.id, update: 'nope' }, ctx));
    expect(error).toEqual({ code: 'invalidPayload', params: { op: 'article:update', field: 'update' } });
  });

  it('treats a missing payload as empty', async () => {
    expect((await desk.dispatch('app:info', undefined, ctx)).ok).toBe(true);
    expect(errorOf(await desk.dispatch('article:open', undefined, ctx)).code).toBe('invalidPayload');
  });

  it('refuses garbage Yjs bytes, and the article stays intact and writable', async () => {
    const opened = await call<{ state: Uint8Array }>(desk, 'article:open', { id: article.id });
    const replica = replicaOf(opened.state);
    await call(desk, 'article:update', { id: article.id, update: updateFrom(replica, (d) => setText(headline(d), 'Tít trước')) });
    for (const garbage of [new Uint8Array([255, 255, 255, 255, 255]), new Uint8Array([]), new Uint8Array([0]), new Uint8Array([7, 7, 7, 7, 7, 7, 7, 7])]) {
      const error = errorOf(await desk.dispatch('article:update', { id: article.id, update: garbage }, ctx));
      expect(error).toEqual({ code: 'invalidPayload', params: { field: 'update' } });
    }
    await call(desk, 'article:update', { id: article.id, update: updateFrom(replica, (d) => setText(headline(d), 'Tít sau')) });
    const again = replicaOf((await call<{ state: Uint8Array }>(desk, 'article:open', { id: article.id })).state);
    expect(headline(again).toString()).toBe('Tít sau');
  });

  it('answers notFound for a well-formed id that does not exist', async () => {
    const error = errorOf(await desk.dispatch('article:open', { id: 'a1b2c3d4-0000-4000-8000-000000000000' }, ctx));
    expect(error).toEqual({ code: 'notFound', params: { id: 'a1b2c3d4-0000-4000-8000-000000000000' } });
  });

  it('passes a valid call through', async () => {
    const list = await call<ArticleSummary[]>(desk, 'library:list', { trashed: false });
    expect(list.map((a) => a.id)).toEqual([article.id]);
  });
});

describe('createDispatcher error mapping', () => {
  /** Handlers that each fail in one way (the table is the dispatcher's input, not a service). */
  function failing(err: unknown): Handlers {
    const fail = async () => {
      throw err;
    };
    return new Proxy({} as Handlers, { get: () => fail });
  }

  it('maps a disk-full failure (ENOSPC) to diskFull with the path', async () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write', path: '/data/articles/x.ydoc' });
    const dispatch = createDispatcher(failing(enospc), () => undefined);
    const envelope = await dispatch('article:update', { id: 'a1b2c3d4-0000', update: new Uint8Array([1]) }, ctx);
    expect(envelope).toEqual({ ok: false, error: { code: 'diskFull', params: { path: '/data/articles/x.ydoc' } } });
  });

  it('keeps a DeskError code and logs only unexpected failures, without their text leaving', async () => {
    const logged: unknown[] = [];
    const d1 = createDispatcher(failing(new DeskError('deskLocked', { dir: '/d', pid: 1 })), (e) => logged.push(e));
    expect(await d1('app:info', {}, ctx)).toEqual({ ok: false, error: { code: 'deskLocked', params: { dir: '/d', pid: 1 } } });
    expect(logged).toHaveLength(0);
    const d2 = createDispatcher(failing(new TypeError('x is undefined at /home/secret')), (e) => logged.push(e));
    expect(await d2('app:info', {}, ctx)).toEqual({ ok: false, error: { code: 'internal', params: {} } });
    expect(logged).toHaveLength(1);
  });

  it('validates before calling the handler', async () => {
    let called = 0;
    const handlers = new Proxy({} as Handlers, {
      get: () => async () => {
        called++;
        return {};
      },
    });
    const dispatch = createDispatcher(handlers, () => undefined);
    await dispatch('article:open', { id: 1 }, ctx);
    await dispatch('nope', {}, ctx);
    expect(called).toBe(0);
    await dispatch('article:close', { id: 'a1b2c3d4-0000' }, ctx);
    expect(called).toBe(1);
  });
});
