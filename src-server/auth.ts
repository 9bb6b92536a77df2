/**
 * Passwords (scrypt, a random salt each, compared in constant time), login tokens (random,
 * kept only as their SHA-256), the limits on failed logins and the client's address behind a
 * trusted reverse proxy.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, KEYLEN, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$<salt>$<key>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A hash no password matches, compared against when the user does not exist (same time spent). */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A readable one-time password: 20 characters of base64url (120 bits). */
export function newPassword(): string {
  return randomBytes(15).toString('base64url');
}

export interface LoginLimits {
  /** Failed logins allowed per (user name, address) within `windowMs`; ten times as many per address. */
  readonly max?: number;
  readonly windowMs?: number;
  /** Failed logins for one account, from anywhere, before each further attempt must wait. */
  readonly accountFree?: number;
  /** The first wait; it doubles with each further failure, up to `accountMaxDelayMs`. */
  readonly accountDelayMs?: number;
  readonly accountMaxDelayMs?: number;
}

/**
 * Where login attempts are counted: this process's memory (LoginLimiter) or, with instances
 * sharing a Redis, Redis (scale/login-limits.ts). `begin` counts an attempt or says how many
 * seconds to wait.
 */
export interface LoginGate {
  begin(name: string, address: string): { readonly retryAfter: number; readonly attempt: LoginAttempt | null } | Promise<{ readonly retryAfter: number; readonly attempt: LoginAttempt | null }>;
}

/** One login attempt, counted from before its password is checked until it is settled. */
export interface LoginAttempt {
  succeed(): void;
  fail(): void;
  /** The attempt did not get to an answer (an unexpected error): it counts for nothing. */
  abandon(): void;
}

interface Window {
  first: number;
  count: number;
}
interface Delay {
  count: number;
  last: number;
}

/**
 * Failed logins, counted when an attempt starts (before the slow scrypt check), so that
 * attempts sent at once cannot all be checked before the first failure is known:
 * - at most `max` per (user name, address) within `windowMs`, and `10 × max` per address
 *   whatever the names; after that every attempt — even with the right password — is refused
 *   until the window has passed since the first one counted;
 * - per account from any address, after `accountFree` failures each further attempt waits
 *   `accountDelayMs` after the last one, doubled with each failure, at most
 *   `accountMaxDelayMs`: a guesser spread over many addresses is slowed, while the real user
 *   is only ever delayed, never locked out.
 * A success clears its user name's counts (not its address's). The counts are in this
 * process's memory: forgotten on a restart; instances sharing a Redis count in Redis instead
 * (scale/login-limits.ts).
 */
export class LoginLimiter implements LoginGate {
  private readonly windows = new Map<string, Window>();
  private readonly delays = new Map<string, Delay>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly accountFree: number;
  private readonly accountDelayMs: number;
  private readonly accountMaxDelayMs: number;

  constructor(limits: LoginLimits = {}) {
    this.max = limits.max ?? 5;
    this.windowMs = limits.windowMs ?? 15 * 60_000;
    this.accountFree = limits.accountFree ?? 10;
    this.accountDelayMs = limits.accountDelayMs ?? 1000;
    this.accountMaxDelayMs = limits.accountMaxDelayMs ?? 60_000;
  }

  /**
   * Counts an attempt for `name` from `address` and returns it, or the seconds to wait when
   * one may not be made now. Check and count happen together, with no await between.
   */
  begin(name: string, address: string, now = Date.now()): { readonly retryAfter: number; readonly attempt: LoginAttempt | null } {
    const account = name.toLowerCase();
    const pairKey = `${account}\n${address}`;
    const addressKey = `\u0000\n${address}`;
    const waitMs = Math.max(this.windowWait(pairKey, this.max, now), this.windowWait(addressKey, this.max * 10, now), this.delayWait(account, now));
    if (waitMs > 0) return { retryAfter: Math.max(1, Math.ceil(waitMs / 1000)), attempt: null };

    const pair = this.count(pairKey, now);
    const perAddress = this.count(addressKey, now);
    let delay = this.delays.get(account);
    if (!delay) this.delays.set(account, (delay = { count: 0, last: now }));
    delay.count++;
    delay.last = now;
    if (this.windows.size + this.delays.size > 100_000) this.prune(now);

    let settled = false;
    const settle = (then: () => void): void => {
      if (settled) return;
      settled = true;
      then();
    };
    const uncount = (key: string, w: Window): void => {
      if (this.windows.get(key) === w) w.count--;
    };
    return {
      retryAfter: 0,
      attempt: {
        succeed: () =>
          settle(() => {
            this.windows.delete(pairKey);
            uncount(addressKey, perAddress);
            this.delays.delete(account);
          }),
        // Already counted; the account's delay runs from the answer.
        fail: () =>
          settle(() => {
            if (this.delays.get(account) === delay) delay.last = Date.now();
          }),
        abandon: () =>
          settle(() => {
            uncount(pairKey, pair);
            uncount(addressKey, perAddress);
            if (this.delays.get(account) === delay) delay.count--;
          }),
      },
    };
  }

  private count(key: string, now: number): Window {
    let w = this.windows.get(key);
    if (!w || now - w.first >= this.windowMs) this.windows.set(key, (w = { first: now, count: 0 }));
    w.count++;
    return w;
  }

  /** Milliseconds until the window of `key` lets another attempt through. */
  private windowWait(key: string, max: number, now: number): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    if (now - w.first >= this.windowMs) {
      this.windows.delete(key);
      return 0;
    }
    return w.count >= max ? w.first + this.windowMs - now : 0;
  }

  private delayWait(account: string, now: number): number {
    const d = this.delays.get(account);
    if (!d) return 0;
    if (now - d.last >= Math.max(this.windowMs, this.accountMaxDelayMs)) {
      this.delays.delete(account);
      return 0;
    }
    if (d.count < this.accountFree) return 0;
    const delay = Math.min(this.accountDelayMs * 2 ** (d.count - this.accountFree), this.accountMaxDelayMs);
    return Math.max(0, d.last + delay - now);
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.first >= this.windowMs) this.windows.delete(k);
    for (const [k, d] of this.delays) if (now - d.last >= Math.max(this.windowMs, this.accountMaxDelayMs)) this.delays.delete(k);
  }
}

/**
 * The client's address: the socket's, unless the socket is one of the trusted reverse
 * proxies; then the right-most `X-Forwarded-For` entry that is not a trusted proxy (entries to
 * its left were written by the client and may be forged).
 */
export function clientAddress(socketAddress: string, forwardedFor: string | string[] | undefined, trusted: ReadonlySet<string>): string {
  const peer = plainAddress(socketAddress);
  if (!trusted.has(peer) || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((s) => plainAddress(s.trim()))
    .filter((s) => s !== '');
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return hops[0] ?? peer;
}

/** An IPv4 address as an IPv6 socket reports it (`::ffff:10.0.0.1`) is written as IPv4. */
export function plainAddress(address: string): string {
  const a = address.toLowerCase();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}
