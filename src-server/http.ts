/**
 * The HTTP API (src-shared/server-api.ts): login, users, directory, assignments, ownership,
 * photos, the workflow's moves and the editors' queue.
 * Every path but POST /api/login needs `Authorization: Bearer <token>`; every refusal is a
 * JSON `{ error: <code> }` with its status, and an unexpected failure is logged here and
 * answered `internal` — no stack trace leaves the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { z } from 'zod';
import { assertNever } from '../src-shared/errors';
import { ArticleId } from '../src-shared/models';
import { nfc } from '../src-shared/text/vietnamese';
import {
  DICTIONARY_WORD_MAX,
  type DictionaryResponse,
  ROLES,
  type ArticleStateResponse,
  type AuthorsResponse,
  type ChangesSinceResponse,
  type ConnectionsResponse,
  type CreateUserResponse,
  type DirectoryResponse,
  type LoginResponse,
  type OwnerResponse,
  type PeopleResponse,
  type QueueResponse,
  type ServerErrorCode,
  type TransitionsResponse,
  type TransitionStateResponse,
  type UserInfo,
} from '../src-shared/server-api';
import { changesSince } from '../src-shared/changes-since';
import { TransitionRequest } from '../src-shared/workflow';
import type { Access } from './access';
import { clientAddress, dummyHash, hashPassword, newPassword, newToken, tokenHash, verifyPassword, type LoginGate } from './auth';
import type { Notices } from './notices';
import { requestUser } from './ops/request-log';
import { PHOTO_ID, type PhotoStore } from './photos';
import { applyStored, type Storage, type UserRow } from './storage';
import { changedSinceApproved, shown, type Workflow } from './workflow';

const TOKEN_DAYS = 90;
const JSON_LIMIT = 64 * 1024;

export interface HttpDeps {
  readonly storage: Storage;
  readonly access: Access;
  readonly photos: PhotoStore;
  /** Tells desks of assignments and of photos stored (the directory channel). */
  readonly notices: Notices;
  /** Moves articles between statuses and lists what waits for an editor. */
  readonly workflow: Workflow;
  readonly limiter: LoginGate;
  /** Reverse proxies whose `X-Forwarded-For` gives the client's address (login limits). */
  readonly trustedProxies: ReadonlySet<string>;
  readonly now: () => Date;
  readonly log: (line: string) => void;
  /** Closes the WebSocket connections of a user whose account was disabled. */
  readonly disconnectUser: (userId: number) => void;
  /** Closes every WebSocket connection whose user may no longer have its article. */
  readonly revalidate: () => Promise<void>;
  /** Who holds a WebSocket on this instance now, with the articles open (connections.ts). */
  readonly connections: () => ConnectionsResponse;
}

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(code);
  }
}

const UserName = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1).max(64).regex(/^[\p{L}\p{N}._-]+( [\p{L}\p{N}._-]+)*$/u));
const Password = z.string().min(1).max(1024);
const NewPassword = z.string().min(10).max(1024);
const Role = z.enum(ROLES);

const LoginBody = z.object({ name: UserName, password: Password }).strict();
const CreateUserBody = z.object({ name: UserName, role: Role, password: NewPassword.optional() }).strict();
const PatchUserBody = z.object({ role: Role.optional(), disabled: z.boolean().optional(), password: NewPassword.optional() }).strict();
const AssigneesBody = z.object({ users: z.array(UserName).max(100) }).strict();
const OwnerBody = z.object({ user: UserName }).strict();
/** A word for the newsroom dictionary: letters, marks, digits, an apostrophe or hyphen inside, no spaces. */
const DictionaryBody = z.object({ word: z.string().trim().min(1).max(DICTIONARY_WORD_MAX).regex(/^[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*$/u, 'word') }).strict();

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function refuse(res: ServerResponse, err: HttpRefusal): void {
  const headers: Record<string, string> = {};
  if (err.code === 'tooManyAttempts' && typeof err.extra.retryAfter === 'number') headers['retry-after'] = String(err.extra.retryAfter);
  if (err.status === 401) headers['www-authenticate'] = 'Bearer';
  send(res, err.status, { error: err.code, ...err.extra }, headers);
}

/**
 * A refused body is read and dropped for a moment before the connection is cut: closing with
 * its bytes unread makes the kernel reset the connection, and a client still sending would see
 * the reset instead of the answer.
 */
function lingeringClose(req: IncomingMessage, ms = 2000): void {
  const socket = req.socket;
  const cut = setTimeout(() => socket.destroy(), ms);
  cut.unref();
  const done = () => clearTimeout(cut);
  req.once('end', done);
  socket.once('close', done);
}

async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpRefusal(400, 'invalidPayload', { field: 'content-type' });
  const chunks: Buffer[] = [];
  const complete = await new Promise<boolean>((resolve, reject) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= JSON_LIMIT) chunks.push(chunk);
      else resolve(false); // the rest flows on and is dropped while the 413 goes out
    });
    req.once('end', () => resolve(true));
    req.once('error', reject);
  });
  if (!complete) {
    lingeringClose(req);
    throw new HttpRefusal(413, 'payloadTooLarge');
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpRefusal(400, 'invalidPayload');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpRefusal(400, 'invalidPayload', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
  return parsed.data;
}

const info = (u: UserRow): UserInfo => ({ name: u.name, role: u.role, disabled: u.disabled, createdAt: u.createdAt });

export function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  const m = h ? /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(h) : null;
  return m ? m[1]! : null;
}

export function createHttpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { storage, access, photos, limiter } = deps;
  const iso = (): string => deps.now().toISOString();

  const authenticate = async (req: IncomingMessage): Promise<UserRow> => {
    const user = await access.userByToken(bearer(req));
    if (!user) throw new HttpRefusal(401, 'unauthorized');
    requestUser.set(req, user.name); // named in the request's log line
    return user;
  };
  const requireRole = (user: UserRow, roles: ReadonlyArray<UserRow['role']>): void => {
    if (!roles.includes(user.role)) throw new HttpRefusal(403, 'forbidden');
  };
  const methods = (req: IncomingMessage, allowed: readonly string[]): void => {
    if (!allowed.includes(req.method ?? '')) throw new HttpRefusal(405, 'methodNotAllowed');
  };

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req, LoginBody);
    const address = clientAddress(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], deps.trustedProxies);
    // Counted before the password is checked: attempts sent at once cannot all be checked.
    const { retryAfter, attempt } = await limiter.begin(body.name, address);
    if (!attempt) throw new HttpRefusal(429, 'tooManyAttempts', { retryAfter });
    try {
      const user = await storage.userByName(body.name);
      const ok = await verifyPassword(body.password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok || user.disabled) {
        attempt.fail();
        throw new HttpRefusal(401, 'badCredentials');
      }
      attempt.succeed();
      requestUser.set(req, user.name);
      const token = newToken();
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + TOKEN_DAYS * 86_400_000).toISOString();
      await storage.addToken(tokenHash(token), user.id, now.toISOString(), expiresAt);
      const answer: LoginResponse = { token, user: info(user), expiresAt };
      send(res, 200, answer);
    } finally {
      attempt.abandon(); // only when it was not settled above (an unexpected failure)
    }
  }

  async function users(req: IncomingMessage, res: ServerResponse, name: string | undefined): Promise<void> {
    const me = await authenticate(req);
    requireRole(me, ['admin']);
    if (name === undefined) {
      methods(req, ['GET', 'POST']);
      if (req.method === 'GET') return send(res, 200, { users: (await storage.users()).map(info) });
      const body = await readJson(req, CreateUserBody);
      if (await storage.userByName(body.name)) throw new HttpRefusal(409, 'userExists');
      const password = body.password ?? newPassword();
      const user = await storage.createUser(body.name, body.role, await hashPassword(password), iso());
      deps.log(`${me.name} created user ${user.name} (${user.role})`);
      const answer: CreateUserResponse = body.password ? { user: info(user) } : { user: info(user), password };
      return send(res, 201, answer);
    }
    methods(req, ['GET', 'PATCH']);
    const user = await storage.userByName(name);
    if (!user) throw new HttpRefusal(404, 'notFound');
    if (req.method === 'GET') return send(res, 200, { user: info(user) });
    const body = await readJson(req, PatchUserBody);
    await storage.updateUser(user.id, { role: body.role, disabled: body.disabled, passwordHash: body.password ? await hashPassword(body.password) : undefined });
    if (body.disabled === true || body.password) deps.disconnectUser(user.id);
    else if (body.role) await deps.revalidate();
    deps.log(`${me.name} changed user ${user.name}: ${Object.keys(body).join(', ')}`);
    send(res, 200, { user: info((await storage.userByName(user.name))!) });
  }

  async function assignees(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const me = await authenticate(req);
    if (!ArticleId.safeParse(id).success) throw new HttpRefusal(404, 'notFound');
    methods(req, ['GET', 'PUT']);
    if (req.method === 'GET') {
      const article = await storage.article(id);
      if (!article || !(await access.mayOpenArticle(me, id))) throw new HttpRefusal(404, 'notFound');
      return send(res, 200, { id, assignees: await storage.assignees(id), owner: article.ownerName });
    }
    requireRole(me, ['editor', 'admin']);
    const body = await readJson(req, AssigneesBody);
    const article = await storage.article(id);
    if (!article) throw new HttpRefusal(404, 'notFound');
    const ids: number[] = [];
    for (const name of body.users) {
      const u = await storage.userByName(name);
      if (!u) throw new HttpRefusal(400, 'invalidPayload', { field: 'users', user: name });
      ids.push(u.id);
    }
    await storage.setAssignees(id, ids);
    await deps.revalidate();
    deps.notices.article(id);
    deps.log(`${me.name} assigned ${id} to ${body.users.join(', ') || 'nobody'}`);
    send(res, 200, { id, assignees: await storage.assignees(id), owner: article.ownerName });
  }

  /**
   * Gives an article to another user (editor or admin): recorded with who did it and when; the
   * previous owner's open connections are closed unless it is assigned to them, and the new
   * owner's desk is told.
   */
  async function owner(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const me = await authenticate(req);
    if (!ArticleId.safeParse(id).success) throw new HttpRefusal(404, 'notFound');
    methods(req, ['POST']);
    requireRole(me, ['editor', 'admin']);
    const body = await readJson(req, OwnerBody);
    const article = await storage.article(id);
    if (!article) throw new HttpRefusal(404, 'notFound');
    const user = await storage.userByName(body.user);
    if (!user) throw new HttpRefusal(400, 'invalidPayload', { field: 'user', user: body.user });
    await storage.setOwner(id, user.id, me.id, iso());
    await deps.revalidate();
    deps.notices.article(id);
    deps.log(`${me.name} gave ${id} to ${user.name} (owner was ${article.ownerName ?? 'nobody'})`);
    const answer: OwnerResponse = { id, owner: user.name };
    send(res, 200, answer);
  }

  /** The article as stored now, for whoever may read it (a desk keeps it as the other side's text before it merges). */
  async function articleState(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const me = await authenticate(req);
    methods(req, ['GET']);
    const article = ArticleId.safeParse(id).success ? await storage.article(id) : null;
    if (!article || !(await access.mayOpenArticle(me, id))) throw new HttpRefusal(404, 'notFound');
    const [parts, writers] = await Promise.all([storage.documentParts(id), storage.writers(id)]);
    const doc = new Y.Doc();
    try {
      doc.transact(() => parts.forEach((part, i) => applyStored(doc, part, `${id} part ${i}`)));
      const answer: ArticleStateResponse = { id, version: article.version, state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'), writers };
      send(res, 200, answer);
    } finally {
      doc.destroy();
    }
  }

  /** The article's moves (whoever may read it), or a move asked for (checked by the workflow, workflow.ts). */
  async function transitions(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const me = await authenticate(req);
    methods(req, ['GET', 'POST']);
    const article = ArticleId.safeParse(id).success ? await storage.article(id) : null;
    if (!article || !(await access.mayOpenArticle(me, id))) throw new HttpRefusal(404, 'notFound');
    if (req.method === 'GET') {
      const moves = await storage.transitions(id);
      const answer: TransitionsResponse = { transitions: moves.map(shown), changedSinceApproved: changedSinceApproved(moves, article.version) };
      return send(res, 200, answer);
    }
    const body = await readJson(req, TransitionRequest);
    const outcome = await deps.workflow.move(me, id, body);
    if (outcome.ok) {
      deps.log(`${me.name} moved ${id} from ${outcome.answer.transition.from} to ${outcome.answer.status}`);
      return send(res, 200, outcome.answer);
    }
    switch (outcome.code) {
      case 'forbidden':
        throw new HttpRefusal(403, 'forbidden');
      case 'noteRequired':
        throw new HttpRefusal(400, 'noteRequired');
      case 'statusChanged':
      case 'moveNotAllowed':
        throw new HttpRefusal(409, outcome.code, { status: outcome.status });
      case 'incomplete':
        throw new HttpRefusal(422, 'incomplete', { missing: outcome.missing });
      default:
        return assertNever(outcome);
    }
  }

  /**
   * The article's state kept with one of its moves (a submission, a return), or what changed
   * since it, for whoever may read the article.
   */
  async function keptState(req: IncomingMessage, res: ServerResponse, id: string, transition: string, what: 'state' | 'changes'): Promise<void> {
    const me = await authenticate(req);
    methods(req, ['GET']);
    const article = ArticleId.safeParse(id).success ? await storage.article(id) : null;
    if (!article || !(await access.mayOpenArticle(me, id)) || !/^[1-9]\d{0,15}$/.test(transition)) throw new HttpRefusal(404, 'notFound');
    const state = await storage.transitionState(id, Number(transition));
    if (!state) throw new HttpRefusal(404, 'notFound');
    if (what === 'state') {
      const answer: TransitionStateResponse = { id, transition: Number(transition), state: Buffer.from(state).toString('base64') };
      return send(res, 200, answer);
    }
    const [parts, authors] = await Promise.all([storage.documentParts(id), storage.authors(id)]);
    const kept = new Y.Doc();
    const now = new Y.Doc();
    try {
      Y.applyUpdate(kept, state);
      now.transact(() => parts.forEach((part, i) => applyStored(now, part, `${id} part ${i}`)));
      const changes = changesSince(kept, now, new Map(authors.map((a) => [a.client, a.name])));
      const answer: ChangesSinceResponse = { id, transition: Number(transition), ...changes };
      send(res, 200, answer);
    } finally {
      kept.destroy();
      now.destroy();
    }
  }

  /** Which account wrote under each Yjs client number of the article, for whoever may read it. */
  async function authors(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const me = await authenticate(req);
    methods(req, ['GET']);
    const article = ArticleId.safeParse(id).success ? await storage.article(id) : null;
    if (!article || !(await access.mayOpenArticle(me, id))) throw new HttpRefusal(404, 'notFound');
    const answer: AuthorsResponse = { id, authors: await storage.authors(id) };
    send(res, 200, answer);
  }

  async function photo(req: IncomingMessage, res: ServerResponse, id: string, url: URL): Promise<void> {
    const me = await authenticate(req);
    if (!PHOTO_ID.test(id)) throw new HttpRefusal(404, 'notFound');
    methods(req, ['GET', 'HEAD', 'PUT']);
    if (req.method === 'PUT') {
      const outcome = await photos.put(id, req, me);
      switch (outcome.kind) {
        case 'stored': {
          // The article it was uploaded for: its readers showing it fetch the photo now.
          const article = url.searchParams.get('article');
          if (article && ArticleId.safeParse(article).success && (await access.mayOpenArticle(me, article))) deps.notices.photo(article, id);
          return send(res, 201, outcome.body);
        }
        case 'exists':
          return send(res, 200, outcome.body);
        case 'tooLarge':
          throw new HttpRefusal(413, 'payloadTooLarge');
        case 'tooMany':
          throw new HttpRefusal(429, 'tooManyPhotos');
        case 'mismatch':
          throw new HttpRefusal(422, 'photoHashMismatch');
        default:
          return assertNever(outcome);
      }
    }
    if (!(await photos.send(id, res, req.method === 'HEAD'))) throw new HttpRefusal(404, 'notFound');
  }

  /** The newsroom dictionary: any user reads and adds, editors and admins remove; every desk is told of a change. */
  async function dictionary(req: IncomingMessage, res: ServerResponse, word: string | undefined): Promise<void> {
    const me = await authenticate(req);
    const answer = async (): Promise<DictionaryResponse> => ({ words: await storage.dictionaryWords() });
    if (word === undefined) {
      methods(req, ['GET', 'POST']);
      if (req.method === 'GET') return send(res, 200, await answer());
      const body = await readJson(req, DictionaryBody);
      if (await storage.addDictionaryWord(nfc(body.word.trim()), me.id, new Date().toISOString())) deps.notices.dictionary();
      return send(res, 200, await answer());
    }
    methods(req, ['DELETE']);
    requireRole(me, ['editor', 'admin']);
    if (!(await storage.removeDictionaryWord(nfc(word)))) throw new HttpRefusal(404, 'notFound');
    deps.notices.dictionary();
    return send(res, 200, await answer());
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://server');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'api') throw new HttpRefusal(404, 'notFound');
    const [, what, arg, sub, ...rest] = parts;
    // The one path deeper than four parts: a move's kept state, and what changed since.
    if (what === 'articles' && arg !== undefined && sub === 'transitions' && rest.length === 2 && (rest[1] === 'state' || rest[1] === 'changes')) return keptState(req, res, arg, rest[0]!, rest[1]);
    if (rest.length > 0) throw new HttpRefusal(404, 'notFound');
    switch (what) {
      case 'login':
        if (arg !== undefined) break;
        methods(req, ['POST']);
        return login(req, res);
      case 'logout': {
        if (arg !== undefined) break;
        methods(req, ['POST']);
        await authenticate(req);
        await storage.deleteToken(tokenHash(bearer(req)!));
        return send(res, 200, { ok: true });
      }
      case 'me':
        if (arg !== undefined) break;
        methods(req, ['GET']);
        return send(res, 200, { user: info(await authenticate(req)) });
      case 'people': {
        // Whom an editor may assign: names and roles of enabled accounts (the full list is the admin's).
        if (arg !== undefined) break;
        methods(req, ['GET']);
        requireRole(await authenticate(req), ['editor', 'admin']);
        const people = (await storage.users()).filter((u) => !u.disabled).map((u) => ({ name: u.name, role: u.role }));
        const answer: PeopleResponse = { people: people.sort((a, b) => a.name.localeCompare(b.name, 'vi')) };
        return send(res, 200, answer);
      }
      case 'dictionary':
        if (sub !== undefined) break;
        return dictionary(req, res, arg);
      case 'users':
        if (sub !== undefined) break;
        return users(req, res, arg);
      case 'directory': {
        if (arg !== undefined) break;
        methods(req, ['GET']);
        const me = await authenticate(req);
        const answer: DirectoryResponse = {
          articles: (await access.directory(me)).map((a) => ({ id: a.id, owner: a.ownerName, assignees: a.assignees, createdAt: a.createdAt, updatedAt: a.updatedAt, version: a.version })),
        };
        return send(res, 200, answer);
      }
      case 'articles':
        if (arg !== undefined && sub === 'state') return articleState(req, res, arg);
        if (arg !== undefined && sub === 'owner') return owner(req, res, arg);
        if (arg !== undefined && sub === 'transitions') return transitions(req, res, arg);
        if (arg !== undefined && sub === 'authors') return authors(req, res, arg);
        if (arg === undefined || sub !== 'assignees') break;
        return assignees(req, res, arg);
      case 'connections':
        // Who is connected to this instance now: the admins' page of accounts.
        if (arg !== undefined) break;
        methods(req, ['GET']);
        requireRole(await authenticate(req), ['admin']);
        return send(res, 200, deps.connections());
      case 'queue': {
        if (arg !== undefined) break;
        methods(req, ['GET']);
        requireRole(await authenticate(req), ['editor', 'admin']);
        const answer: QueueResponse = { articles: await deps.workflow.queue() };
        return send(res, 200, answer);
      }
      case 'photos':
        if (arg === undefined || sub !== undefined) break;
        return photo(req, res, arg, url);
      default:
        break;
    }
    throw new HttpRefusal(404, 'notFound');
  }

  return (req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpRefusal) {
        refuse(res, err);
        return;
      }
      if (err instanceof URIError) {
        refuse(res, new HttpRefusal(404, 'notFound'));
        return;
      }
      deps.log(`internal error on ${req.method} ${req.url?.split('?')[0]}: ${(err as Error)?.stack ?? String(err)}`);
      refuse(res, new HttpRefusal(500, 'internal'));
    });
  };
}
