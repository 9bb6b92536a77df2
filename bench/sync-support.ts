/**
 * What the two sync benchmarks share: a `ws` WebSocket that counts what it sends (message
 * payloads and TCP bytes), generated Vietnamese articles shaped as the desk makes them, the
 * one-word edit a reporter makes, and the newsroom server's accounts.
 */
import { promises as fs } from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { body, headline, initArticle, sapo, setBodyLines, setText } from '../src-shared/article-doc';
import type { Role } from '../src-shared/server-api';
import { api, login } from '../test/support/server';
import { sentence, vocabulary, zipf } from './search';

export const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
export const pct = (values: readonly number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
export const int = (n: number): string => Math.round(n).toLocaleString('en');

export async function tmp(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'bantin-bench-sync-'));
}

const byteLength = (data: unknown): number => {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((sum: number, part: unknown) => sum + byteLength(part), 0);
  return 0;
};

/** Reads a varUint at `pos` of a lib0-encoded message: [value, next position]. */
function varUint(bytes: Uint8Array, pos: number): [number, number] {
  let value = 0;
  let mult = 1;
  for (;;) {
    const byte = bytes[pos++];
    if (byte === undefined) return [NaN, pos];
    value += (byte & 0x7f) * mult;
    if (byte < 0x80) return [value, pos];
    mult *= 128;
  }
}

const HOCUSPOCUS_TYPES = ['sync', 'awareness', 'auth', 'queryAwareness', 'syncReply', 'stateless', 'broadcastStateless', 'close', 'syncStatus'];
const SYNC_STEPS = ['step1 (state vector)', 'step2 (missing changes)', 'update'];

/** The kind of a Hocuspocus message: its type after the document name, and the step of a sync message. */
export function messageKind(data: unknown): string {
  if (!(data instanceof Uint8Array)) return 'other';
  const [nameLength, afterLength] = varUint(data, 0);
  const [type, afterType] = varUint(data, afterLength + nameLength);
  const name = HOCUSPOCUS_TYPES[type] ?? `type ${type}`;
  if (type !== 0 && type !== 4) return name;
  const [step] = varUint(data, afterType);
  return `${name} ${SYNC_STEPS[step] ?? step}`;
}

/** What a client sent and received, counted at its WebSockets (every socket made from `WebSocket`, reconnections included). */
export class Traffic {
  /** Payload bytes of the messages sent (what the application handed to `send`). */
  sent = 0;
  messages = 0;
  /** Size of the last message sent: the provider sends an update synchronously, inside the edit's transaction. */
  lastSent = 0;
  received = 0;
  /** Messages and payload bytes sent, by Hocuspocus message kind. */
  readonly kinds = new Map<string, { messages: number; bytes: number }>();
  private readonly sockets: Socket[] = [];

  /** A `ws` WebSocket class to give `HocuspocusProviderWebsocket` as its `WebSocketPolyfill`. */
  readonly WebSocket: new (address: string | URL, protocols?: string | string[], options?: WebSocket.ClientOptions) => WebSocket;

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class below is made per Traffic and counts into it
    const traffic = this;
    this.WebSocket = class CountingWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[], options?: WebSocket.ClientOptions) {
        super(address, protocols, options);
        this.on('upgrade', (response) => traffic.sockets.push(response.socket));
        this.on('message', (data) => (traffic.received += byteLength(data)));
      }

      override send(data: unknown, ...rest: unknown[]): void {
        const size = byteLength(data);
        traffic.sent += size;
        traffic.messages += 1;
        traffic.lastSent = size;
        const kind = messageKind(data);
        const counted = traffic.kinds.get(kind) ?? { messages: 0, bytes: 0 };
        traffic.kinds.set(kind, { messages: counted.messages + 1, bytes: counted.bytes + size });
        (WebSocket.prototype.send as (...a: unknown[]) => void).call(this, data, ...rest);
      }
    };
  }

  /** Bytes written to TCP by every socket so far: the HTTP upgrade, WebSocket framing and masking included. */
  wire(): number {
    return this.sockets.reduce((sum, s) => sum + s.bytesWritten, 0);
  }

  describeKinds(): string {
    return [...this.kinds].map(([kind, k]) => `${kind} ${k.messages.toLocaleString('en')} msgs ${(k.bytes / 1024).toFixed(1)} KiB`).join(', ');
  }

  snapshot(): { sent: number; messages: number; wire: number } {
    return { sent: this.sent, messages: this.messages, wire: this.wire() };
  }
}

export interface ArticleText {
  readonly headline: string;
  readonly sapo: string;
  readonly byline: string;
  readonly paragraphs: readonly string[];
}

/** Words drawn from a seeded Vietnamese vocabulary with Zipf's law (the search benchmark's generator). */
export function wordSource(rand: () => number): () => string {
  return zipf(rand, vocabulary(rand, 4000));
}

/** An article of `words` body words in paragraphs of 40–90 words, with a headline, a lead and a byline. */
export function articleText(rand: () => number, word: () => string, words: number): ArticleText {
  const paragraphs: string[] = [];
  for (let left = words; left > 0; ) {
    const n = Math.min(left, 40 + Math.floor(rand() * 50));
    paragraphs.push(sentence(word, n) + '.');
    left -= n;
  }
  return { headline: sentence(word, 8 + Math.floor(rand() * 8)), sapo: sentence(word, 25 + Math.floor(rand() * 20)) + '.', byline: sentence(word, 3), paragraphs };
}

/** The article's Yjs document as the desk creates it (meta, headline, lead, body paragraphs); no workflow. */
export function articleDoc(id: string, text: ArticleText): Y.Doc {
  const doc = new Y.Doc();
  initArticle(doc, { id, language: 'vi', createdAt: '2026-11-28T04:00:00.000Z', byline: text.byline, section: 'Thời sự' });
  setText(headline(doc), text.headline);
  setText(sapo(doc), text.sapo);
  setBodyLines(doc, text.paragraphs);
  return doc;
}

/** A reporter's small edit: one word typed at a word boundary in a random paragraph of the body. */
export function insertWord(doc: Y.Doc, rand: () => number, word: string): void {
  const frag = body(doc);
  const paragraph = frag.get(Math.floor(rand() * frag.length)) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  const plain = text.toString();
  const space = plain.indexOf(' ', Math.floor(rand() * plain.length));
  text.insert(space < 0 ? plain.length : space, ` ${word}`);
}

/** Creates an account as admin and logs it in; returns its token. */
export async function userToken(url: string, adminToken: string, name: string, role: Role): Promise<string> {
  const password = `${name}-mật-khẩu-đủ-dài`;
  const created = await api(url, 'POST', '/api/users', { token: adminToken, json: { name, role, password } });
  if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${JSON.stringify(created.json)}`);
  return login(url, name, password);
}
