/**
 * The login limits of auth.ts (`LoginLimiter`: per name and address, per address, and the
 * growing delay per account) counted in Redis, so that instances sharing a newsroom allow no
 * more attempts than one instance would. Each check-and-count is one Lua script, atomic in
 * Redis as the in-memory limiter's is in one process. While Redis does not answer, this
 * instance's own in-memory counts stand in (limits per instance, as without Redis) rather than
 * letting every attempt through or refusing every login.
 */
import { createHash } from 'node:crypto';
import type IORedis from 'ioredis';
import { LoginLimiter, type LoginAttempt, type LoginGate, type LoginLimits } from '../auth';

const BEGIN = `
local now, windowMs, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local free, delayMs, maxDelayMs, keepMs = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local function windowWait(key, limit)
  local first = tonumber(redis.call('HGET', key, 'first'))
  if not first then return 0 end
  if now - first >= windowMs then redis.call('DEL', key) return 0 end
  local count = tonumber(redis.call('HGET', key, 'count')) or 0
  if count >= limit then return first + windowMs - now end
  return 0
end
local function delayWait(key)
  local last = tonumber(redis.call('HGET', key, 'last'))
  if not last then return 0 end
  if now - last >= keepMs then redis.call('DEL', key) return 0 end
  local count = tonumber(redis.call('HGET', key, 'count')) or 0
  if count < free then return 0 end
  return math.max(0, last + math.min(delayMs * 2 ^ (count - free), maxDelayMs) - now)
end
local wait = math.max(windowWait(KEYS[1], max), windowWait(KEYS[2], max * 10), delayWait(KEYS[3]))
if wait > 0 then return {math.ceil(wait), 0, 0} end
local function count(key)
  local first = tonumber(redis.call('HGET', key, 'first'))
  if not first then
    first = now
    redis.call('HSET', key, 'first', now, 'count', 1)
  else
    redis.call('HINCRBY', key, 'count', 1)
  end
  redis.call('PEXPIRE', key, math.max(1, first + windowMs - now))
  return first
end
local pairFirst, addressFirst = count(KEYS[1]), count(KEYS[2])
redis.call('HINCRBY', KEYS[3], 'count', 1)
redis.call('HSET', KEYS[3], 'last', now)
redis.call('PEXPIRE', KEYS[3], keepMs)
return {0, pairFirst, addressFirst}
`;

/** Takes back one count of a window, if it is still the window the attempt was counted in. */
const UNCOUNT = `
for i, key in ipairs(KEYS) do
  local first = redis.call('HGET', key, 'first')
  if first and tonumber(first) == tonumber(ARGV[i]) and tonumber(redis.call('HGET', key, 'count')) > 0 then
    redis.call('HINCRBY', key, 'count', -1)
  end
end
`;

const key = (kind: string, ...parts: string[]): string => `bantin:login:${kind}:${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)}`;

export class RedisLoginLimiter implements LoginGate {
  private readonly max: number;
  private readonly windowMs: number;
  private readonly accountFree: number;
  private readonly accountDelayMs: number;
  private readonly accountMaxDelayMs: number;
  private readonly local: LoginLimiter;

  constructor(
    private readonly redis: IORedis,
    limits: LoginLimits = {},
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.max = limits.max ?? 5;
    this.windowMs = limits.windowMs ?? 15 * 60_000;
    this.accountFree = limits.accountFree ?? 10;
    this.accountDelayMs = limits.accountDelayMs ?? 1000;
    this.accountMaxDelayMs = limits.accountMaxDelayMs ?? 60_000;
    this.local = new LoginLimiter(limits);
  }

  async begin(name: string, address: string, now = Date.now()): Promise<{ readonly retryAfter: number; readonly attempt: LoginAttempt | null }> {
    const account = name.toLowerCase();
    const pairKey = key('pair', account, address);
    const addressKey = key('address', address);
    const delayKey = key('account', account);
    let answer: [number, number, number];
    try {
      answer = (await this.redis.eval(BEGIN, 3, pairKey, addressKey, delayKey, now, this.windowMs, this.max, this.accountFree, this.accountDelayMs, this.accountMaxDelayMs, Math.max(this.windowMs, this.accountMaxDelayMs))) as [number, number, number];
    } catch (err) {
      this.log(`login limits: Redis did not answer (${(err as Error).message}); counting on this instance alone`);
      return this.local.begin(name, address, now);
    }
    const [waitMs, pairFirst, addressFirst] = answer;
    if (waitMs > 0) return { retryAfter: Math.max(1, Math.ceil(waitMs / 1000)), attempt: null };

    let settled = false;
    const settle = (then: () => Promise<unknown>): void => {
      if (settled) return;
      settled = true;
      then().catch((err: unknown) => this.log(`login limits: could not settle an attempt in Redis: ${(err as Error).message}`));
    };
    return {
      retryAfter: 0,
      attempt: {
        succeed: () => settle(() => Promise.all([this.redis.del(pairKey, delayKey), this.redis.eval(UNCOUNT, 1, addressKey, addressFirst)])),
        // Already counted; the account's delay runs from the answer.
        fail: () => settle(() => this.redis.hset(delayKey, 'last', Date.now())),
        abandon: () => settle(() => Promise.all([this.redis.eval(UNCOUNT, 2, pairKey, addressKey, pairFirst, addressFirst), this.redis.hincrby(delayKey, 'count', -1)])),
      },
    };
  }
}
