/**
 * The newsroom server's HTTP API as the desk calls it (src-shared/server-api.ts): login, the
 * directory, photos by hash. Every failure becomes a DeskError with a `sync*` code the
 * renderer and the command line translate; nothing here keeps state.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { DeskError } from '../../../src-shared/errors';
import type { ArticleStateResponse, ArticleWriter, DictionaryResponse, DirectoryResponse, LoginResponse, ServerError } from '../../../src-shared/server-api';

const CALL_TIMEOUT_MS = 15_000;
const PHOTO_TIMEOUT_MS = 15 * 60_000;

/** The DeskError for a refused call, from the server's `{ error }` body and the status. */
export function refusalOf(status: number, body: Partial<ServerError> | null, server: string): DeskError {
  switch (body?.error) {
    case 'badCredentials':
      return new DeskError('syncBadCredentials');
    case 'tooManyAttempts':
      return new DeskError('syncTooManyAttempts', { retryAfter: body.retryAfter ?? 60 });
    case 'unauthorized':
      return new DeskError('syncUnauthorized');
    case 'forbidden':
      return new DeskError('syncForbidden');
    case 'storageFailed':
      return new DeskError('syncServerStorage');
    case 'workflowReadOnly':
      return new DeskError('syncWorkflowReadOnly');
    case 'tooManyPhotos':
      return new DeskError('syncTooManyPhotos');
    case undefined:
      // Not our server's answer (a web server, a proxy page): the address is wrong.
      return status >= 500 ? new DeskError('syncServerError', { status }) : new DeskError('syncNotServer', { server });
    default:
      return new DeskError('syncServerError', { status });
  }
}

async function call(server: string, path: string, init: RequestInit & { timeoutMs?: number }): Promise<Response> {
  try {
    return await fetch(server + path, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? CALL_TIMEOUT_MS), redirect: 'error' });
  } catch (err) {
    throw new DeskError('syncUnreachable', {}, { cause: err });
  }
}

async function jsonOf<T>(res: Response, server: string): Promise<T> {
  let body: unknown = null;
  const type = res.headers.get('content-type') ?? '';
  if (/^application\/json\b/i.test(type)) {
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      // The body cut off or timed out (a directory of ten thousand articles on a slow link):
      // the server is not reachable enough now, which is not an answer that it is not ours.
      throw new DeskError('syncUnreachable', {}, { cause: err });
    }
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = null;
    }
  } else await res.body?.cancel().catch(() => undefined);
  if (!res.ok) throw refusalOf(res.status, body as Partial<ServerError> | null, server);
  if (body === null || typeof body !== 'object') throw new DeskError('syncNotServer', { server });
  return body as T;
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export async function login(server: string, name: string, password: string): Promise<LoginResponse> {
  const res = await call(server, '/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  const body = await jsonOf<LoginResponse>(res, server);
  if (typeof body.token !== 'string' || typeof body.user?.name !== 'string') throw new DeskError('syncNotServer', { server });
  return body;
}

export async function directory(server: string, token: string): Promise<DirectoryResponse> {
  const body = await jsonOf<DirectoryResponse>(await call(server, '/api/directory', { headers: bearer(token) }), server);
  if (!Array.isArray(body.articles)) throw new DeskError('syncNotServer', { server });
  return body;
}

/** The article as the server holds it now: its Yjs state, version and writers; null when the server does not have it. */
export async function articleState(server: string, token: string, id: string): Promise<{ state: Uint8Array; version: number; writers: readonly ArticleWriter[] } | null> {
  const res = await call(server, `/api/articles/${encodeURIComponent(id)}/state`, { headers: bearer(token) });
  if (res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  const body = await jsonOf<ArticleStateResponse>(res, server);
  if (typeof body.state !== 'string' || typeof body.version !== 'number' || !Array.isArray(body.writers)) throw new DeskError('syncNotServer', { server });
  return { state: new Uint8Array(Buffer.from(body.state, 'base64')), version: body.version, writers: body.writers };
}

/** Whether the server holds the photo with this SHA-256 (HEAD). */
export async function hasPhoto(server: string, token: string, id: string): Promise<boolean> {
  const res = await call(server, `/api/photos/${id}`, { method: 'HEAD', headers: bearer(token) });
  if (res.status === 404) return false;
  if (res.ok) return true;
  throw refusalOf(res.status, null, server);
}

/**
 * Uploads a stored photo by its SHA-256, streamed from the file (idempotent: the server keeps
 * one copy), for `article`: the server tells that article's readers it is there.
 */
export async function putPhoto(server: string, token: string, id: string, file: string, size: number, article?: string): Promise<void> {
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const query = article ? `?article=${encodeURIComponent(article)}` : '';
  const res = await call(server, `/api/photos/${id}${query}`, {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': 'application/octet-stream', 'content-length': String(size) },
    body,
    duplex: 'half',
    timeoutMs: PHOTO_TIMEOUT_MS,
  } as RequestInit & { duplex: 'half'; timeoutMs: number });
  await jsonOf<unknown>(res, server);
}

/** A photo's bytes from the server (the caller checks them against `id`). */
export async function getPhoto(server: string, token: string, id: string, maxBytes: number): Promise<Uint8Array> {
  const res = await call(server, `/api/photos/${id}`, { headers: bearer(token), timeoutMs: PHOTO_TIMEOUT_MS });
  if (!res.ok) {
    const type = res.headers.get('content-type') ?? '';
    const body = /json/i.test(type) ? ((await res.json().catch(() => null)) as Partial<ServerError> | null) : null;
    if (res.status === 404) throw new DeskError('notFound', { photo: id });
    throw refusalOf(res.status, body, server);
  }
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > maxBytes) throw new DeskError('photoTooLarge', { file: id });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new DeskError('photoTooLarge', { file: id });
  return bytes;
}

/** The newsroom dictionary (GET /api/dictionary). */
export async function dictionary(server: string, token: string): Promise<DictionaryResponse> {
  const body = await jsonOf<DictionaryResponse>(await call(server, '/api/dictionary', { headers: bearer(token) }), server);
  if (!Array.isArray(body.words)) throw new DeskError('syncNotServer', { server });
  return body;
}

/** Adds a word to the newsroom dictionary (POST /api/dictionary): the dictionary with it. */
export async function addDictionaryWord(server: string, token: string, word: string): Promise<DictionaryResponse> {
  const res = await call(server, '/api/dictionary', { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify({ word }) });
  const body = await jsonOf<DictionaryResponse>(res, server);
  if (!Array.isArray(body.words)) throw new DeskError('syncNotServer', { server });
  return body;
}
