/**
 * Photos by SHA-256 on a real server: PUT is idempotent and checks the hash and the size,
 * HEAD tells whether the server has one, GET gives back the same bytes; a token is needed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { api, serverFixtures, userWithToken, type TestServer } from '../support/server';
import { listDir } from '../support/temp';

const fixtures = serverFixtures();

async function server(options: Parameters<typeof fixtures.start>[0] = {}): Promise<{ s: TestServer; dir: string }> {
  const dir = await fixtures.temp('bantin-server-');
  const s = await fixtures.start(options, dir);
  return { s, dir };
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A JPEG's first bytes and then noise: the server sniffs the type, it does not decode. */
function fakeJpeg(size: number): Buffer {
  const b = randomBytes(size);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  return b;
}

describe('newsroom server: photos by hash', () => {
  it('stores a photo once: 201, then 200 without storing again; HEAD and GET give it back byte for byte', async () => {
    const { s, dir } = await server();
    const token = await userWithToken(s, 'minhthu', 'reporter');
    const bytes = fakeJpeg(3 * 1024 * 1024 + 17);
    const id = sha(bytes);

    const absent = await api(s.url, 'HEAD', `/api/photos/${id}`, { token });
    expect(absent.status).toBe(404);

    const put = await api(s.url, 'PUT', `/api/photos/${id}`, { token, body: bytes });
    expect(put.status).toBe(201);
    expect(put.json).toEqual({ id, size: bytes.length, stored: true });
    const stat = await fs.stat(path.join(dir, 'photos', id));
    const again = await api(s.url, 'PUT', `/api/photos/${id}`, { token, body: bytes });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ id, size: bytes.length, stored: false });
    expect((await fs.stat(path.join(dir, 'photos', id))).mtimeMs).toBe(stat.mtimeMs);

    const head = await api(s.url, 'HEAD', `/api/photos/${id}`, { token });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    expect(head.headers.get('content-type')).toBe('image/jpeg');

    const res = await fetch(`${s.url}/api/photos/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(id);
    expect(await listDir(path.join(dir, 'photos'))).toEqual([id]);
  });

  it('takes a streamed body (chunked, no length) and keeps nothing when its hash is not its name', async () => {
    const { s, dir } = await server();
    const token = await userWithToken(s, 'minhthu', 'reporter');
    const bytes = fakeJpeg(2 * 1024 * 1024);
    const chunks = Array.from({ length: 32 }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    const streamed = await api(s.url, 'PUT', `/api/photos/${sha(bytes)}`, { token, body: Readable.toWeb(Readable.from(chunks)) as ReadableStream });
    expect(streamed.status).toBe(201);

    const other = fakeJpeg(1000);
    const wrongName = sha(fakeJpeg(1000));
    const mismatch = await api(s.url, 'PUT', `/api/photos/${wrongName}`, { token, body: other });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json).toEqual({ error: 'photoHashMismatch' });
    expect((await api(s.url, 'HEAD', `/api/photos/${wrongName}`, { token })).status).toBe(404);
    expect(await listDir(path.join(dir, 'photos'))).toEqual([sha(bytes)]);
  });

  it('refuses a photo over the size limit, declared or streamed, and keeps nothing', async () => {
    const { s, dir } = await server({ photoMaxBytes: 256 * 1024 });
    const token = await userWithToken(s, 'minhthu', 'reporter');
    const big = fakeJpeg(256 * 1024 + 1);
    const declared = await api(s.url, 'PUT', `/api/photos/${sha(big)}`, { token, body: big });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual({ error: 'payloadTooLarge' });
    const chunks = Array.from({ length: 5 }, (_, i) => big.subarray(i * 65536, (i + 1) * 65536));
    const streamed = await api(s.url, 'PUT', `/api/photos/${sha(big)}`, { token, body: Readable.toWeb(Readable.from(chunks)) as ReadableStream });
    expect(streamed.status).toBe(413);
    expect(await listDir(path.join(dir, 'photos'))).toEqual([]);
    const fits = fakeJpeg(256 * 1024);
    expect((await api(s.url, 'PUT', `/api/photos/${sha(fits)}`, { token, body: fits })).status).toBe(201);
  });

  it('needs a token for every photo call and refuses a name that is not a SHA-256', async () => {
    const { s } = await server();
    const token = await userWithToken(s, 'minhthu', 'reporter');
    const bytes = fakeJpeg(1000);
    const id = sha(bytes);
    expect((await api(s.url, 'PUT', `/api/photos/${id}`, { body: bytes })).status).toBe(401);
    expect((await api(s.url, 'HEAD', `/api/photos/${id}`, {})).status).toBe(401);
    expect((await api(s.url, 'GET', `/api/photos/${id}`, { token: 'sai' })).json).toEqual({ error: 'unauthorized' });
    const notHash = await api(s.url, 'PUT', '/api/photos/..%2F..%2Fserver.sqlite', { token, body: bytes });
    expect(notHash.status).toBe(404);
    expect((await api(s.url, 'PUT', `/api/photos/${id.toUpperCase()}`, { token, body: bytes })).status).toBe(404);
    expect((await api(s.url, 'DELETE', `/api/photos/${id}`, { token })).json).toEqual({ error: 'methodNotAllowed' });
  });
});
