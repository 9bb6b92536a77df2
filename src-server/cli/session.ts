/**
 * The commands that act on a running server do it through its HTTP API, as an admin: the
 * token in BANTIN_TOKEN, or a login (`--user`, `admin` unless given; the password from
 * BANTIN_PASSWORD or one line of standard input) whose token is revoked when the command ends.
 * The API, not the database: a SQLite server holds its file locked, instances on PostgreSQL
 * each hold connections to close (a disabled user's), and the API's rules apply as they do for
 * a desk.
 */
import { CommandError, type CommandIo } from './io';

export const DEFAULT_URL = 'http://127.0.0.1:8787';

export interface AdminSession {
  readonly url: string;
  /** A call to the API with the session's token; the raw Response (the caller reads it). */
  fetch(method: string, path: string, json?: unknown): Promise<Response>;
  end(): Promise<void>;
}

/** What a refusal from the API says, for the command's message. */
export async function refusal(res: Response): Promise<string> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string };
  const why = body.error ?? `HTTP ${res.status}`;
  return body.field ? `${why} (${body.field})` : why;
}

export async function adminSession(options: { url?: string | undefined; user?: string | undefined }, io: CommandIo): Promise<AdminSession> {
  const url = (options.url ?? io.env.BANTIN_SERVER_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  const call = async (method: string, path: string, token: string | null, json?: unknown): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (json !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(url + path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    } catch (err) {
      throw new CommandError(`cannot reach the server at ${url}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`);
    }
  };
  let token = io.env.BANTIN_TOKEN || null;
  let own = false;
  if (!token) {
    const name = options.user ?? 'admin';
    const password = io.env.BANTIN_PASSWORD || (await io.readLine(`Password for ${name} at ${url}: `));
    const res = await call('POST', '/api/login', null, { name, password });
    if (res.status !== 200) throw new CommandError(`login as ${name} refused: ${await refusal(res)}`);
    token = ((await res.json()) as { token: string }).token;
    own = true;
  }
  const held = token;
  return {
    url,
    fetch: (method, path, json) => call(method, path, held, json),
    async end() {
      if (own) await call('POST', '/api/logout', held).catch(() => undefined);
    },
  };
}
