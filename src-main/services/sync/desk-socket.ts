/**
 * The WebSocket class the desk's HocuspocusProviderWebsocket makes its sockets with (`ws`,
 * with what a desk on a flaky link needs and the browser WebSocket the provider expects lacks):
 *
 * - A heartbeat: a WebSocket ping every `heartbeatMs`; a server that has not answered one
 *   (a pong) for `deadAfterMs` is taken for gone and the socket is dropped at once (terminate,
 *   not a closing handshake a dead peer never answers). A server that stopped cleanly closes
 *   the socket itself; this is for the one that froze, or a link that went silent (Wi-Fi
 *   dropped, a cable pulled), which TCP alone notices only after minutes. The provider then
 *   says "disconnected" and starts reconnecting.
 * - The opening handshake is given `deadAfterMs` too: an address that accepts the connection
 *   but never answers is an attempt that failed, and the next one follows.
 * - ws emits 'error' (an uncaught exception in main when nobody listens) for a socket closed
 *   while still connecting — as when sync stops during a reconnect attempt. The provider
 *   learns of every failure from the 'close' that follows, so errors are only listened to here.
 *
 * Pings are answered by the server's `ws` library itself, so the heartbeat costs the server no
 * work of its own: a few bytes a second per desk.
 */
import WebSocket from 'ws';

export interface Heartbeat {
  readonly heartbeatMs: number;
  readonly deadAfterMs: number;
}

export const DEFAULT_HEARTBEAT: Heartbeat = { heartbeatMs: 1_000, deadAfterMs: 2_500 };

export type DeskWebSocketClass = new (address: string | URL, protocols?: string | string[]) => WebSocket;

/** A `ws` WebSocket class with the heartbeat, for the provider's `WebSocketPolyfill`. */
export function deskWebSocket({ heartbeatMs, deadAfterMs }: Heartbeat): DeskWebSocketClass {
  return class DeskWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { handshakeTimeout: deadAfterMs });
      this.on('error', () => undefined);
      let answeredAt = 0;
      let timer: NodeJS.Timeout | null = null;
      this.once('open', () => {
        answeredAt = Date.now();
        timer = setInterval(() => {
          if (Date.now() - answeredAt > deadAfterMs) {
            this.terminate();
            return;
          }
          try {
            this.ping();
          } catch {
            // Closing already: the 'close' that follows stops the beat.
          }
        }, heartbeatMs);
      });
      // Anything from the server shows it is alive, not only pongs.
      this.on('pong', () => (answeredAt = Date.now()));
      this.on('message', () => (answeredAt = Date.now()));
      this.once('close', () => {
        if (timer) clearInterval(timer);
      });
    }
  };
}
