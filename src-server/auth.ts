/**
 * Passwords (scrypt, a random salt each, compared in constant time), login tokens (random,
 * kept only as their SHA-256) and the limit on failed logins per user name and address.
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

/**
 * At most `max` failed logins per (user name, address) within `windowMs`, and `10 × max` per
 * address whatever the names; after that every attempt — even with the right password — is
 * refused until the window has passed since the first failure counted. A success clears the
 * count of its user name (not the address's).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { first: number; count: number }>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private key(name: string, address: string): string {
    return `${name.toLowerCase()}\n${address}`;
  }

  /** Seconds to wait before trying again, or 0 when an attempt may be made now. */
  retryAfter(name: string, address: string, now = Date.now()): number {
    // Per user name and address, and — against one address trying many names — per address
    // with ten times the allowance.
    return Math.max(this.wait(this.key(name, address), this.max, now), this.wait(this.key('\u0000', address), this.max * 10, now));
  }

  private wait(k: string, max: number, now: number): number {
    const f = this.failures.get(k);
    if (!f) return 0;
    if (now - f.first >= this.windowMs) {
      this.failures.delete(k);
      return 0;
    }
    return f.count >= max ? Math.ceil((f.first + this.windowMs - now) / 1000) : 0;
  }

  fail(name: string, address: string, now = Date.now()): void {
    for (const k of [this.key(name, address), this.key('\u0000', address)]) {
      const f = this.failures.get(k);
      if (!f || now - f.first >= this.windowMs) this.failures.set(k, { first: now, count: 1 });
      else f.count++;
    }
    if (this.failures.size > 100_000) this.prune(now);
  }

  succeed(name: string, address: string): void {
    this.failures.delete(this.key(name, address));
  }

  private prune(now: number): void {
    for (const [k, f] of this.failures) if (now - f.first >= this.windowMs) this.failures.delete(k);
  }
}
