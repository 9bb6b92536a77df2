/**
 * `npm run server -- --data <dir> [--port <n>] [--host <address>] [--database postgres://…]
 *   [--trust-proxy <ip>[,<ip>…]] [--articles-per-hour <n>] [--article-max-mb <n>] [--photos-per-hour <n>]`
 *
 * Starts the newsroom server: SQLite in the data folder, or PostgreSQL when `--database` (or
 * BANTIN_DATABASE_URL) gives its address; the photos are in the data folder either way. On the first start with an empty data folder it creates the
 * `admin` account, with the password from BANTIN_ADMIN_PASSWORD or one it prints once.
 * Behind a reverse proxy, `--trust-proxy` (or BANTIN_TRUST_PROXY) names the proxies whose
 * X-Forwarded-For gives the client's address to the login limits.
 * What one account may put on the server (src-server/access.ts): new articles and photos per
 * hour and the size of one article, by flag or BANTIN_ARTICLES_PER_HOUR,
 * BANTIN_ARTICLE_MAX_MB, BANTIN_PHOTOS_PER_HOUR (defaults 200, 16, 500).
 * SIGTERM and SIGINT stop it cleanly (connections closed, logs compacted, database closed).
 * Its log goes to stderr as JSON lines (ops/request-log.ts), one per HTTP request among them;
 * `--metrics-port <n>` (or BANTIN_METRICS_PORT) serves `GET /metrics` on 127.0.0.1 without a token.
 * `server backup|migrate|users …` are the admin's commands (cli/commands.ts).
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { runCommand, COMMANDS } from './cli/commands';
import { jsonLines } from './ops/request-log';
import { startServer } from './server';
import { isRedisUrl } from './scale/cluster';
import { isPostgresUrl } from './storage';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      database: { type: 'string' },
      'trust-proxy': { type: 'string' },
      'articles-per-hour': { type: 'string' },
      'article-max-mb': { type: 'string' },
      'photos-per-hour': { type: 'string' },
      'metrics-port': { type: 'string' },
      redis: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values.data ?? process.env.BANTIN_SERVER_DATA;
  if (!dataDir) {
    console.error('usage: npm run server -- --data <dir> [--port <n>] [--host <address>] [--database postgres://…] [--trust-proxy <ip>[,<ip>…]] [--articles-per-hour <n>] [--article-max-mb <n>] [--photos-per-hour <n>] [--metrics-port <n>] [--redis redis://…]\n       npm run server -- backup|migrate|users … (npm run server -- help)');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: not a port number: ${values.port}`);
    process.exit(2);
  }
  const databaseUrl = values.database ?? (process.env.BANTIN_DATABASE_URL || undefined);
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    console.error('--database: not a PostgreSQL address (postgres://user:password@host:port/database)');
    process.exit(2);
  }
  const trustProxy = (values['trust-proxy'] ?? process.env.BANTIN_TRUST_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const notIp = trustProxy.find((a) => isIP(a) === 0);
  if (notIp !== undefined) {
    console.error(`--trust-proxy: not an IP address: ${notIp}`);
    process.exit(2);
  }
  const limit = (flag: 'articles-per-hour' | 'article-max-mb' | 'photos-per-hour', env: string): number | undefined => {
    const text = values[flag] ?? (process.env[env] || undefined);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) {
      console.error(`--${flag}: not a positive number: ${text}`);
      process.exit(2);
    }
    return n;
  };
  const articleMaxMb = limit('article-max-mb', 'BANTIN_ARTICLE_MAX_MB');
  const limits = {
    articlesPerHour: limit('articles-per-hour', 'BANTIN_ARTICLES_PER_HOUR'),
    articleMaxBytes: articleMaxMb === undefined ? undefined : Math.round(articleMaxMb * 1024 * 1024),
    photosPerHour: limit('photos-per-hour', 'BANTIN_PHOTOS_PER_HOUR'),
  };
  const metricsText = values['metrics-port'] ?? (process.env.BANTIN_METRICS_PORT || undefined);
  const metricsPort = metricsText === undefined ? undefined : Number(metricsText);
  if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)) {
    console.error(`--metrics-port: not a port number: ${metricsText}`);
    process.exit(2);
  }
  const redisUrl = values.redis ?? (process.env.BANTIN_REDIS_URL || undefined);
  if (redisUrl !== undefined && !isRedisUrl(redisUrl)) {
    console.error('--redis: not a Redis address (redis://[:password@]host[:port][/db])');
    process.exit(2);
  }
  if (redisUrl !== undefined && databaseUrl === undefined) {
    // Instances that share live documents must share what is stored: SQLite is one instance's.
    console.error('--redis: instances sharing a Redis must share a PostgreSQL database too (--database postgres://…)');
    process.exit(2);
  }
  const logJson = jsonLines();
  const server = await startServer({
    dataDir,
    databaseUrl,
    port,
    host: values.host,
    trustProxy,
    limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
    adminPassword: process.env.BANTIN_ADMIN_PASSWORD || undefined,
    log: (line) => logJson({ msg: line }),
    requestLog: logJson,
    metricsPort,
    redisUrl,
  });
  if (server.createdAdmin) {
    console.log(`Admin account created: ${server.createdAdmin.name}`);
    if (server.createdAdmin.password) console.log(`Admin password (shown once, change it): ${server.createdAdmin.password}`);
    else console.log('Admin password: the one in BANTIN_ADMIN_PASSWORD');
  }
  console.log(`Data folder: ${dataDir}`);
  console.log(`Database: ${server.storage.where}`);
  if (server.metricsUrl) console.log(`Metrics (this machine only): ${server.metricsUrl}/metrics`);
  console.log(`Newsroom server listening on ${server.url} (sync: ${server.url.replace(/^http/, 'ws')}/sync)`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

const [command, ...rest] = process.argv.slice(2);
if (command !== undefined && (COMMANDS as readonly string[]).includes(command)) {
  runCommand(command, rest).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exit(1);
    },
  );
} else {
  main().catch((err: unknown) => {
    console.error(`The newsroom server could not start: ${(err as Error).message}`);
    process.exit(1);
  });
}
