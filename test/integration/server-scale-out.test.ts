/**
 * Several server instances as one newsroom, all real: a throwaway PostgreSQL cluster, Debian's
 * redis-server, HAProxy with deploy/haproxy.cfg, and the instances as child processes started
 * the way `npm run server` starts them (--database, --redis). Desks connected to different
 * instances see each other's typing and presence live; an instance killed with SIGKILL while a
 * desk types through the balancer loses nothing it acknowledged, and the desk carries on through
 * another instance; an instance that joins serves at once; the login limits and the closing of
 * sockets (user disabled, assignment removed) hold across instances; notices reach desks
 * connected to another instance.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DIRECTORY_CHANNEL, type DeskNotice } from '../../src-shared/server-api';
import { haproxyAvailability, startBalancer, type Balancer } from '../support/haproxy';
import { freePort } from '../support/ports';
import { postgresAvailability, startPostgres, type PostgresCluster } from '../support/postgres';
import { redisAvailability, startRedis, type RedisServer } from '../support/redis';
import { acknowledged, api, closedWith, login, readThroughServer, spawnServer, SyncClient, until, wsUrlOf, type ServerChild } from '../support/server';
import { tempDirs } from '../support/temp';

const PASSWORD = 'mật-khẩu-quản-trị-đủ-dài';
const USER_PASSWORD = 'mật-khẩu-phóng-viên-dài';
const ARTICLE = 'cum-tin-nhieu-may-01';

const needs = [
  ['PostgreSQL', postgresAvailability()],
  ['Redis', redisAvailability()],
  ['HAProxy', haproxyAvailability()],
] as const;
const missing = needs.filter(([, a]) => !a.ok).map(([name, a]) => `${name}: ${a.ok ? '' : a.reason}`);
if (missing.length > 0) {
  // CI installs all three (.ci/run) and sets BANTIN_REQUIRE_SCALEOUT: there a skip would hide a broken install.
  if (process.env.BANTIN_REQUIRE_SCALEOUT) throw new Error(`BANTIN_REQUIRE_SCALEOUT is set but ${missing.join('; ')}`);
  console.warn(`SKIPPED: the scale-out tests: ${missing.join('; ')}`);
}

const temp = tempDirs();
const children: ServerChild[] = [];
const clients: SyncClient[] = [];
const balancers: Balancer[] = [];
let redis: RedisServer | null = null;
let postgres: PostgresCluster | null = null;

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(balancers.splice(0).map((b) => b.stop()));
  await Promise.all(children.splice(0).map((c) => c.kill('SIGKILL')));
  await redis?.stop(true);
  redis = null;
  await temp.cleanup();
});
afterAll(async () => {
  await postgres?.stop();
});

interface Newsroom {
  readonly dir: string;
  readonly env: Record<string, string>;
  instance(port?: number): Promise<ServerChild>;
}

/** A fresh database and Redis, and a way to start instances on them sharing one data folder (photos). */
async function newsroom(): Promise<Newsroom> {
  const pg = postgresAvailability();
  if (!pg.ok) throw new Error(pg.reason);
  postgres ??= await startPostgres(pg);
  const databaseUrl = await postgres.createDatabase();
  redis = await startRedis();
  const dir = await temp.make('bantin-scale-');
  // Behind the balancer: its X-Forwarded-For gives the desk's address to the login limits.
  const env = { BANTIN_ADMIN_PASSWORD: PASSWORD, BANTIN_DATABASE_URL: databaseUrl, BANTIN_REDIS_URL: redis.url, BANTIN_TRUST_PROXY: '127.0.0.1' };
  return {
    dir,
    env,
    async instance(port = 0) {
      const c = await spawnServer(dir, env, port);
      children.push(c);
      return c;
    },
  };
}

function client(url: string, token: string): SyncClient {
  const c = new SyncClient(wsUrlOf(url), token);
  clients.push(c);
  return c;
}

async function addUser(url: string, adminToken: string, name: string, role: 'reporter' | 'editor'): Promise<string> {
  const made = await api(url, 'POST', '/api/users', { token: adminToken, json: { name, role, password: USER_PASSWORD } });
  expect(made.status).toBe(201);
  return login(url, name, USER_PASSWORD);
}

const textOf = (p: HocuspocusProvider): string => p.document.getText('headline').toString();

describe.skipIf(missing.length > 0)(`newsroom server: instances on one PostgreSQL and one Redis, behind HAProxy${missing.length ? ` (skipped: ${missing.join('; ')})` : ''}`, () => {
  it('desks on two instances see each other’s typing and presence at once, and hear of an article stored and a word added to the dictionary on the other', async () => {
    const n = await newsroom();
    const [one, two] = [await n.instance(), await n.instance()];
    const admin = await login(one.url, 'admin', PASSWORD);
    const lan = await addUser(one.url, admin, 'lan', 'reporter');
    const hoa = await login(two.url, 'admin', PASSWORD); // an admin reads every article

    // Hoa's desk on instance two listens on the directory channel.
    const notices: DeskNotice[] = [];
    // As a desk attaches it: no awareness (the server takes no presence on the channel).
    const channel = new HocuspocusProvider({ websocketProvider: client(two.url, hoa).socket, name: DIRECTORY_CHANNEL, token: hoa, awareness: null });
    channel.attach();
    channel.on('stateless', ({ payload }: { payload: string }) => notices.push(JSON.parse(payload) as DeskNotice));
    await acknowledged(channel);

    const a = client(one.url, lan).open(ARTICLE);
    await acknowledged(a);
    a.document.getText('headline').insert(0, 'Dân vận khéo');
    await acknowledged(a);
    await until(() => notices.some((x) => x.kind === 'article' && x.id === ARTICLE), 'the notice of the article stored on instance one, on instance two', 5_000);

    // A word added to the newsroom dictionary on instance one is told on instance two too.
    expect((await api(one.url, 'POST', '/api/dictionary', { token: lan, json: { word: 'Lũng' } })).status).toBeLessThan(300);
    await until(() => notices.some((x) => x.kind === 'dictionary'), 'the dictionary notice on instance two', 5_000);

    const b = client(two.url, hoa).open(ARTICLE);
    await acknowledged(b);
    expect(textOf(b)).toBe('Dân vận khéo');

    // Live both ways, key by key.
    for (const [from, to, word] of [
      [a, b, ' ở Hà Giang'],
      [b, a, ' năm 2022'],
    ] as const) {
      const t0 = Date.now();
      from.document.getText('headline').insert(textOf(from).length, word);
      await until(() => textOf(to).endsWith(word), `“${word}” on the other instance`, 5_000);
      expect(Date.now() - t0, 'relayed at once, not at a reload').toBeLessThan(3_000);
    }
    expect(textOf(a)).toBe('Dân vận khéo ở Hà Giang năm 2022');

    // Presence: Lan's caret and name reach Hoa through the other instance.
    a.setAwarenessField('user', { name: 'lan', color: '#1a7f37' });
    await until(() => [...b.awareness!.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'lan'), 'Lan’s presence on instance two', 5_000);
  });

  it('an instance killed mid-typing loses nothing it acknowledged; the desk goes on through the balancer; an instance that joins serves at once', async () => {
    const n = await newsroom();
    const [one, two] = [await n.instance(), await n.instance()];
    const slot = await freePort();
    // `first`: every desk through the balancer lands on instance one while it lives.
    const lb = await startBalancer([new URL(one.url).host, new URL(two.url).host, `127.0.0.1:${slot}`], 'first');
    balancers.push(lb);
    const admin = await login(lb.url, 'admin', PASSWORD);
    const lan = await addUser(lb.url, admin, 'lan', 'reporter');

    const a = client(lb.url, lan).open(ARTICLE);
    await acknowledged(a);
    const watcher = client(two.url, await login(two.url, 'admin', PASSWORD)).open(ARTICLE);
    await acknowledged(watcher);

    const headline = a.document.getText('headline');
    const typed: number[] = [];
    const acked = new Set<number>();
    // Acknowledgements come in order: with `number` unacknowledged, all typed words but the last `number` have theirs.
    a.on('unsyncedChanges', ({ number }: { number: number }) => {
      for (const i of typed.slice(0, Math.max(0, typed.length - number))) acked.add(i);
    });
    let typing = true;
    const typist = (async () => {
      for (let i = 0; typing; i++) {
        headline.insert(headline.length, ` w${i}.`);
        typed.push(i);
        await new Promise((r) => setTimeout(r, i % 25 === 24 ? 15 : 3));
      }
    })();
    await until(() => acked.size > 20, 'words acknowledged by instance one', 10_000);
    await until(() => watcher.document.getText('headline').toString().includes(' w5.'), 'the typing, live on instance two', 5_000);
    expect((await one.kill('SIGKILL')).signal).toBe('SIGKILL');
    const ackedBeforeKill = new Set(acked);
    // The desk reconnects through the balancer (to instance two) and keeps typing.
    const afterKill = typed.length;
    await until(() => acked.size > afterKill + 20, 'words acknowledged after the kill, through the balancer', 20_000);
    typing = false;
    await typist;
    await acknowledged(a, 20_000);

    const onTwo = (await readThroughServer(wsUrlOf(two.url), await login(two.url, 'admin', PASSWORD), ARTICLE)).getText('headline').toString();
    for (const i of ackedBeforeKill) expect(onTwo, `word ${i}, acknowledged before the kill`).toContain(` w${i}.`);
    // And everything typed after, nothing else (compared word by word: the texts are long).
    const words = (t: string): string[] => t.split(' ').filter(Boolean);
    expect(words(onTwo).filter((w) => !words(headline.toString()).includes(w)), 'words no one typed').toEqual([]);
    expect(words(headline.toString()).filter((w) => !words(onTwo).includes(w)), 'words typed and missing').toEqual([]);
    expect(onTwo).toBe(headline.toString());
    await until(() => watcher.document.getText('headline').toString() === onTwo, 'the desk on instance two in step', 5_000);

    // A third instance joins in the balancer's free slot: it serves at once what the others stored
    // and is live with them; with instance two gone too, the balancer sends the desk to it.
    const three = await n.instance(slot);
    const c = client(three.url, await login(three.url, 'admin', PASSWORD)).open(ARTICLE);
    await acknowledged(c);
    expect(c.document.getText('headline').toString()).toBe(onTwo);
    await two.kill('SIGKILL');
    headline.insert(headline.length, ' Hết.');
    await acknowledged(a, 20_000);
    await until(() => c.document.getText('headline').toString().endsWith(' Hết.'), 'the last words, through the balancer to instance three', 10_000);
  });

  it('login limits and closed sockets hold across instances', async () => {
    const n = await newsroom();
    const [one, two] = [await n.instance(), await n.instance()];
    const admin = await login(one.url, 'admin', PASSWORD);
    await addUser(one.url, admin, 'lan', 'reporter');
    const nam = await addUser(one.url, admin, 'nam', 'reporter');

    // Five wrong passwords spread over both instances: the sixth attempt is refused, right password or not.
    const attempt = (url: string, password: string) => api(url, 'POST', '/api/login', { json: { name: 'lan', password }, headers: { 'x-forwarded-for': '203.0.113.9' } });
    for (const url of [one.url, two.url, one.url, two.url, one.url]) expect((await attempt(url, 'sai-mật-khẩu-rồi')).status).toBe(401);
    const sixth = await attempt(two.url, USER_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(sixth.json.error).toBe('tooManyAttempts');
    // From another address Lan still logs in (the count is per name and address).
    expect((await api(two.url, 'POST', '/api/login', { json: { name: 'lan', password: USER_PASSWORD }, headers: { 'x-forwarded-for': '203.0.113.10' } })).status).toBe(200);

    // Lan's article, assigned to Nam; Nam connected to instance two.
    const lanToken = await login(one.url, 'lan', USER_PASSWORD);
    const own = client(one.url, lanToken).open(ARTICLE);
    await acknowledged(own);
    expect((await api(one.url, 'PUT', `/api/articles/${ARTICLE}/assignees`, { token: admin, json: { users: ['nam'] } })).status).toBe(200);
    const assigned = client(two.url, nam).open(ARTICLE);
    await acknowledged(assigned);
    // Taken off the article on instance one: Nam's socket on instance two is closed.
    const closed = closedWith(assigned);
    expect((await api(one.url, 'PUT', `/api/articles/${ARTICLE}/assignees`, { token: admin, json: { users: [] } })).status).toBe(200);
    expect(await closed).toBe('forbidden');

    // Lan disabled on instance one: her socket on instance two is closed.
    const onTwo = client(two.url, lanToken).open(ARTICLE);
    await acknowledged(onTwo);
    const shut = closedWith(onTwo);
    expect((await api(one.url, 'PATCH', '/api/users/lan', { token: admin, json: { disabled: true } })).status).toBe(200);
    expect(await shut).toBe('unauthorized');
  });
});
