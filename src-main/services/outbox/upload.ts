/**
 * One upload of a package: a multipart/form-data POST streamed from the file (a package of 50
 * photos never sits in memory), with the job's Idempotency-Key, so a retry after a lost answer
 * is recognised by a server that honours the key.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { UploadAuthKind, UploadProbe } from '../../../src-shared/outbox';

export interface UploadTarget {
  readonly url: string;
  readonly fileField: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly auth: UploadAuthKind;
  readonly username: string;
  readonly secret: string;
}

export type UploadOutcome =
  | { readonly kind: 'sent'; readonly status: number }
  /** The server did not answer, or answered that it cannot take it now: try again later. */
  | { readonly kind: 'retry'; readonly code: 'uploadUnreachable' | 'uploadServerBusy'; readonly status?: number }
  /** The server answered no: trying again will not help until something changes. */
  | { readonly kind: 'refused'; readonly code: 'uploadUnauthorized' | 'uploadRefused'; readonly status: number };

const quote = (s: string) => s.replace(/[\r\n"]/g, (c) => encodeURIComponent(c));

function authHeader(t: UploadTarget): Record<string, string> {
  if (t.auth === 'basic') return { authorization: `Basic ${Buffer.from(`${t.username}:${t.secret}`, 'utf8').toString('base64')}` };
  if (t.auth === 'bearer') return { authorization: `Bearer ${t.secret}` };
  return {};
}

export function classify(status: number): UploadOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent', status };
  if (status === 401 || status === 403) return { kind: 'refused', code: 'uploadUnauthorized', status };
  if (status === 408 || status === 425 || status === 429 || status >= 500) return { kind: 'retry', code: 'uploadServerBusy', status };
  return { kind: 'refused', code: 'uploadRefused', status };
}

export async function uploadPackage(file: string, name: string, target: UploadTarget, idempotencyKey: string, signal: AbortSignal, timeoutMs = 60_000): Promise<UploadOutcome> {
  const boundary = `----BanTin${randomBytes(12).toString('hex')}`;
  let head = '';
  for (const [k, v] of Object.entries(target.fields)) head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(k)}"\r\n\r\n${v}\r\n`;
  const ascii = path.basename(name).replace(/[^\x20-\x7e]/g, '_');
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(target.fileField)}"; filename="${quote(ascii)}"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: application/zip\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const size = (await fs.stat(file)).size;
  const length = Buffer.byteLength(head) + size + Buffer.byteLength(tail);
  const url = new URL(target.url);
  const client = url.protocol === 'https:' ? https : http;

  return new Promise<UploadOutcome>((resolve) => {
    let settled = false;
    const done = (o: UploadOutcome) => {
      if (settled) return;
      settled = true;
      resolve(o);
    };
    const req = client.request(url, {
      method: 'POST',
      signal,
      timeout: timeoutMs,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length), 'idempotency-key': idempotencyKey, ...authHeader(target) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => done(classify(res.statusCode ?? 0)));
      res.on('error', () => done({ kind: 'retry', code: 'uploadUnreachable' }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done({ kind: 'retry', code: 'uploadUnreachable' }));
    req.write(head);
    pipeline(createReadStream(file), req, { end: false })
      .then(() => req.end(tail))
      .catch(() => {
        req.destroy();
        done({ kind: 'retry', code: 'uploadUnreachable' });
      });
  });
}

/**
 * Tries the address without sending anything: a HEAD request carrying the login. An upload
 * endpoint rarely serves HEAD, so any answer other than a refused login, "nothing here" or a
 * server failure means the address is right (a 400 or 405 is the endpoint saying it wants a
 * package); no answer at all means it cannot be reached.
 */
export function probeUpload(target: UploadTarget, timeoutMs = 10_000): Promise<UploadProbe> {
  const url = new URL(target.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<UploadProbe>((resolve) => {
    const req = client.request(url, { method: 'HEAD', timeout: timeoutMs, headers: authHeader(target) });
    req.on('response', (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      if (status === 401 || status === 403) resolve({ result: 'unauthorized', status });
      else if (status === 404 || status === 410) resolve({ result: 'notFound', status });
      else if (status === 429 || status >= 500) resolve({ result: 'busy', status });
      else resolve({ result: 'reachable', status });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ result: 'unreachable' }));
    req.end();
  });
}
