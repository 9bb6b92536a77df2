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

  it('makes a long random token and session value, different for every guard', () => {
    const other = createGuard(4321);
    expect(g.token.length).toBeGreaterThanOrEqual(32);
    expect(g.cookieValue.length).toBeGreaterThanOrEqual(32);
    expect(other.token).not.toBe(g.token);
    expect(other.cookieValue).not.toBe(g.cookieValue);
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

  it('checks the session cookie by name and value', () => {
    expect(g.hasSession(req({ cookie: `other=1; ${g.cookieName}=${g.cookieValue}` }))).toBe(true);
    expect(g.hasSession(req({ cookie: `${g.cookieName}=${g.cookieValue}x` }))).toBe(false);
    expect(g.hasSession(req({ cookie: `${g.cookieName}=` }))).toBe(false);
    expect(g.hasSession(req({ cookie: `bantin_1=${g.cookieValue}` }))).toBe(false);
    expect(g.hasSession(req({}))).toBe(false);
  });

  it('matches the token exactly', () => {
    expect(g.tokenMatches(g.token)).toBe(true);
    expect(g.tokenMatches(null)).toBe(false);
    expect(g.tokenMatches('')).toBe(false);
    expect(g.tokenMatches(g.token + 'a')).toBe(false);
  });

  it('hands out an HttpOnly, SameSite=Strict cookie named after the port', () => {
    expect(g.cookieName).toBe('bantin_4321');
    const parts = g.sessionCookieHeader().split(';').map((s) => s.trim());
    expect(parts[0]).toBe(`bantin_4321=${g.cookieValue}`);
    expect(parts).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
  });
});
