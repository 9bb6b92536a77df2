import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createGuard, parseCookies } from '../../../src-main/web/guard';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('parseCookies', () => {
  it('reads name=value pairs, trimming spaces, keeping = inside values', () => {
    const c = parseCookies(' a=1; bantin_80=xy=z ;b=');
    expect(c.get('a')).toBe('1');
    expect(c.get('bantin_80')).toBe('xy=z');
    expect(c.get('b')).toBe('');
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('novalue').size).toBe(0);
  });
});

describe('createGuard', () => {
  const g = createGuard(4321);

  it('makes a long random token, different for every guard', () => {
    const other = createGuard(4321);
    expect(g.token.length).toBeGreaterThanOrEqual(32);
    expect(other.token).not.toBe(g.token);
    expect(createGuard(1, 'given').token).toBe('given');
  });

  it('allows only 127.0.0.1 and localhost at its own port', () => {
    expect(g.hostAllowed(req({ host: '127.0.0.1:4321' }))).toBe(true);
    expect(g.hostAllowed(req({ host: 'LOCALHOST:4321' }))).toBe(true);
    for (const host of ['127.0.0.1', '127.0.0.1:4322', 'evil.example:4321', '0.0.0.0:4321', '[::1]:4321', '127.0.0.2:4321', '']) {
      expect(g.hostAllowed(req({ host })), host).toBe(false);
    }
    expect(g.hostAllowed(req({}))).toBe(false);
  });

  it('allows only its own http origins', () => {
    expect(g.originAllowed('http://127.0.0.1:4321')).toBe(true);
    expect(g.originAllowed('http://localhost:4321')).toBe(true);
    for (const o of [undefined, 'null', '', 'https://127.0.0.1:4321', 'http://127.0.0.1:4321/', 'http://evil.example', 'http://127.0.0.1:43210']) {
      expect(g.originAllowed(o), String(o)).toBe(false);
    }
  });

  /** The session value a Set-Cookie header hands out. */
  const valueOf = (header: string) => header.split(';')[0]!.split('=').slice(1).join('=');

  it('exchanges the exact token once, for an HttpOnly, SameSite=Strict cookie named after the port', () => {
    const guard = createGuard(4321);
    for (const wrong of [null, '', guard.token + 'a', guard.token.slice(0, -1)]) expect(guard.exchange(wrong), String(wrong)).toBeNull();
    const header = guard.exchange(guard.token)!;
    const parts = header.split(';').map((s) => s.trim());
    expect(parts[0]).toMatch(/^bantin_4321=[A-Za-z0-9_-]{32,}$/);
    expect(parts).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(guard.exchange(guard.token)).toBeNull();
  });

  it('draws the session at the exchange: two guards with one token give different cookies', () => {
    const a = valueOf(createGuard(4321, 'same-token').exchange('same-token')!);
    const b = valueOf(createGuard(4321, 'same-token').exchange('same-token')!);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(a).not.toBe(b);
  });

  it('checks the session cookie by name and value, and knows none before the exchange', () => {
    const guard = createGuard(4321);
    expect(guard.hasSession(req({ cookie: `${guard.cookieName}=` }))).toBe(false);
    const value = valueOf(guard.exchange(guard.token)!);
    expect(guard.hasSession(req({ cookie: `other=1; ${guard.cookieName}=${value}` }))).toBe(true);
    expect(guard.hasSession(req({ cookie: `${guard.cookieName}=${value}x` }))).toBe(false);
    expect(guard.hasSession(req({ cookie: `${guard.cookieName}=` }))).toBe(false);
    expect(guard.hasSession(req({ cookie: `bantin_1=${value}` }))).toBe(false);
    expect(guard.hasSession(req({}))).toBe(false);
  });
});
