/**
 * Web mode's checks, Jupyter-style: a random token in the first URL is exchanged, once, for an
 * HttpOnly SameSite=Strict cookie; every request must carry the cookie (401), name this
 * server by 127.0.0.1 or localhost at its port (403, against DNS rebinding), and a WebSocket
 * or a call must come from this server's own origin (403). The token is spent by its first
 * exchange, so an address found later (shell history, a screenshot, a proxy log) opens nothing;
 * the session value is drawn at the exchange, never derived from the token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Guard {
  readonly token: string;
  readonly cookieName: string;
  hostAllowed(req: IncomingMessage): boolean;
  originAllowed(origin: string | undefined): boolean;
  hasSession(req: IncomingMessage): boolean;
  /** The Set-Cookie header of a fresh session if `candidate` is the unspent token (spending it), else null. */
  exchange(candidate: string | null): string | null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

export function createGuard(port: number, token: string = randomBytes(24).toString('base64url')): Guard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  // One cookie per port, so two desks on one machine do not log each other out.
  const cookieName = `bantin_${port}`;
  let spent = false;
  let session: string | null = null;
  return {
    token,
    cookieName,
    hostAllowed: (req) => hosts.has((req.headers.host ?? '').toLowerCase()),
    originAllowed: (origin) => origin !== undefined && origins.has(origin.toLowerCase()),
    hasSession: (req) => session !== null && same(parseCookies(req.headers.cookie).get(cookieName) ?? '', session),
    exchange(candidate) {
      if (spent || candidate === null || !same(candidate, token)) return null;
      spent = true;
      session = randomBytes(32).toString('base64url');
      return `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}
