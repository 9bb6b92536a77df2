/**
 * Web mode's transport: calls are `POST /api/call/<op>` (JSON, bytes as base64), events arrive
 * on one same-origin WebSocket at `/api/events`. The socket's first message names this page
 * as a desk client; every call carries that name so main knows which replica a Yjs update came
 * from (and does not echo it back). A dropped socket is reopened with backoff, and whoever
 * holds state that lives on the socket (an open article) is told to re-sync.
 */
import type { Transport } from '../../src-shared/api';
import type { Envelope, EventName, OpName } from '../../src-shared/contract';
import type { ErrorCode } from '../../src-shared/errors';
import { decodeWire, encodeWire, hasBytes, packWire, WIRE_BINARY_TYPE, type PackedWire } from '../../src-shared/wire';

export const CLIENT_HEADER = 'x-desk-client';
const EVENTS_PATH = '/api/events';
const CALL_PATH = '/api/call/';
/** How long a call waits for the socket to name the client before going without a name. */
const HELLO_WAIT_MS = 4000;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 5000;
/** Chrome refuses keepalive requests whose bodies add up to more than 64 KiB. */
const KEEPALIVE_MAX_BYTES = 60 * 1024;

export interface WebTransport extends Transport {
  /** Called each time the socket comes back after a drop (not on the first connection). */
  onReconnect(listener: () => void): () => void;
}

type Listener = (payload: unknown) => void;

function failure(code: ErrorCode, params: Record<string, string> = {}): Envelope<unknown> {
  return { ok: false, error: { code, params } };
}

function statusCode(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbiddenSender';
    case 404:
      return 'unknownOperation';
    case 413:
    case 415:
      return 'invalidPayload';
    default:
      return 'internal';
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

/**
 * Below this size a packed payload is sent as one array of bytes, copied together; above it as a
 * Blob of its pieces (a photo is not copied again on the page's thread). Making a Blob costs
 * the page's main thread more than copying a few kilobytes (in a profile of typing, the Blob of
 * each article update took about as long as the fetch itself): too much for the small update a
 * few keystrokes make, sent every few hundred ms while someone types.
 */
const SMALL_BODY_BYTES = 256 * 1024;

function packedBody(packed: PackedWire): BodyInit {
  if (packed.size > SMALL_BODY_BYTES) return new Blob(packed.pieces.map((p) => p as Uint8Array<ArrayBuffer>));
  const bytes = new Uint8Array(packed.size);
  let at = 0;
  for (const piece of packed.pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return bytes;
}

export function createWebTransport(origin: Location = window.location): WebTransport {
  const listeners = new Map<EventName, Set<Listener>>();
  const reconnectListeners = new Set<() => void>();
  let clientId: string | null = null;
  let waiters: Array<(id: string | null) => void> = [];
  let connectedOnce = false;
  let attempt = 0;
  let unloading = false;

  // Registered before any page code, so calls made while the page unloads use keepalive.
  window.addEventListener('pagehide', () => (unloading = true));
  window.addEventListener('beforeunload', () => (unloading = true));
  // Back from the back-forward cache: the page lives again and its socket must come back.
  window.addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    unloading = false;
    if (clientId === null) connect();
  });

  function resolveWaiters(id: string | null): void {
    const pending = waiters;
    waiters = [];
    for (const w of pending) w(id);
  }

  function connect(): void {
    const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${origin.host}${EVENTS_PATH}`);
    socket.addEventListener('message', (message: MessageEvent<unknown>) => {
      if (typeof message.data !== 'string') return;
      let data: unknown;
      try {
        data = decodeWire(message.data);
      } catch {
        return;
      }
      if (typeof data !== 'object' || data === null) return;
      if ('hello' in data && typeof data.hello === 'string') {
        clientId = data.hello;
        attempt = 0;
        resolveWaiters(clientId);
        if (connectedOnce) for (const l of reconnectListeners) l();
        connectedOnce = true;
        return;
      }
      if ('event' in data && typeof data.event === 'string') {
        const set = listeners.get(data.event as EventName);
        if (set) for (const l of [...set]) l((data as { payload?: unknown }).payload);
      }
    });
    socket.addEventListener('close', () => {
      clientId = null;
      if (unloading) return;
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
      attempt++;
      setTimeout(connect, delay);
    });
  }

  function currentClient(): Promise<string | null> {
    if (clientId) return Promise.resolve(clientId);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== done);
        resolve(null);
      }, HELLO_WAIT_MS);
      const done = (id: string | null) => {
        clearTimeout(timer);
        resolve(id);
      };
      waiters.push(done);
    });
  }

  connect();

  return {
    async invoke(op: OpName, input: unknown): Promise<Envelope<unknown>> {
      const client = unloading ? clientId : await currentClient();
      // Bytes travel as they are (a photo is not base64-encoded on the page's thread).
      const packed = hasBytes(input) ? packWire(input) : null;
      const text = packed ? '' : encodeWire(input ?? {});
      const body: BodyInit = packed ? packedBody(packed) : text;
      const size = packed ? packed.size : text.length;
      const headers: Record<string, string> = { 'content-type': packed ? WIRE_BINARY_TYPE : 'application/json' };
      if (client) headers[CLIENT_HEADER] = client;
      let response: Response;
      try {
        response = await fetch(CALL_PATH + op, {
          method: 'POST',
          headers,
          body,
          credentials: 'same-origin',
          cache: 'no-store',
          keepalive: unloading && size < KEEPALIVE_MAX_BYTES,
        });
      } catch {
        // The desk process is gone or unreachable; the caller keeps what it sent and retries.
        return failure('unreachable');
      }
      if (!response.ok) return failure(statusCode(response.status));
      try {
        const value = decodeWire(await response.text());
        return isEnvelope(value) ? value : failure('internal');
      } catch {
        return failure('internal');
      }
    },
    subscribe(event: EventName, listener: Listener): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
    onReconnect(listener: () => void): () => void {
      reconnectListeners.add(listener);
      return () => void reconnectListeners.delete(listener);
    },
  };
}
