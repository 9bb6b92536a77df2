/**
 * A single-value field a person types (a byline, a slug, an event's title, a photo's credit…)
 * kept so that two desks writing it at once both keep their value until a person chooses.
 *
 * A plain `map.set(field, text)` is last-writer-wins: of two concurrent sets Yjs keeps one and
 * drops the other without a word. Here each value written is a *candidate* stored as its own
 * key of the field's parent Y.Map:
 *
 *   `<field>@<entryId>` → { v: text (NFC), by: writer's display name ('' when unknown),
 *                           at: ISO time of the write, base: the agreed value it replaced,
 *                           baseAt: since when that value was agreed (ISO, '' if unknown) }
 *
 * Keys of the parent map rather than a nested container: a container created lazily by two
 * replicas at once keeps one of the two and drops the other's contents (see article-event.ts),
 * while keys of a map that already exists merge: two desks adding different keys both keep
 * theirs. A plain string under `<field>` itself (documents written before registers, imports,
 * the sample, a value written as its container is created) counts as one candidate, with no
 * author and itself as base, until someone writes the field.
 *
 * Writing happens in *edit sessions*: the span one person edits one field (focus to blur in the
 * page; one call for the command line or an import). A session's entry key is its own
 * `<field>@<session id>`:
 *
 * - The session's first write, when no conflict is visible, deletes every candidate it sees and
 *   adds its own key, with `base` = the value it replaced. Live sequential edits from two desks
 *   therefore leave one candidate: the second writer saw (and removed) the first one's.
 * - Its later writes overwrite that same key (one key per session, not one per keystroke),
 *   keeping `base`.
 * - Two desks editing the field concurrently (offline, or at the very same moment) each remove
 *   only what they saw and add their own key: the merge holds both candidates, a conflict.
 * - While a conflict is visible a write touches only the writer's own key (its base is the
 *   conflict's effective value): typing never silently resolves someone else's value.
 *
 * Reading: one candidate, or several with the same text, is the value; several different texts
 * are a conflict, listed with who wrote what when, and the field's *effective* value (what
 * exports, search, the library and the checklist use) is the last agreed value, the `base` the
 * candidates share. Their bases can differ: a resolve made on one desk while another kept
 * typing in the old conflict. The base with the latest `baseAt` is then the effective value
 * (ties: the later `at`, then the greater key), so every replica picks the same one, and it is
 * the most recent agreement. That is why a candidate carries `baseAt` besides `base`: a
 * session's first write takes the time of the candidate it replaced (it was agreed no later
 * than that), a resolve its own time, and a write during a conflict the conflict's. The time
 * of the candidate alone would not do: a desk typing on in an old conflict writes after the
 * resolve made elsewhere, yet from the older agreement.
 *
 * Resolving (choosing a candidate, or writing a combination) deletes every candidate seen and
 * adds one new candidate whose base is the chosen value. It is one transaction: with the page's
 * undo manager, Ctrl+Z brings the conflict back.
 *
 * Every text is stored NFC. Callers run these inside their own transaction (with their origin)
 * when they want it undoable; each call is one transaction of its own otherwise.
 */
import * as Y from 'yjs';
import { nfc } from './text/vietnamese';

/** What a candidate holds in the document. */
export interface StoredCandidate {
  readonly v: string;
  readonly by: string;
  readonly at: string;
  readonly base: string;
  readonly baseAt: string;
}

/** One value of a field as read, with the map key that holds it. */
export interface Candidate {
  readonly key: string;
  readonly value: string;
  /** Display name of the writer ('' when unknown: a desk with no login, or a legacy value). */
  readonly by: string;
  /** When it was written (ISO), '' for a legacy value. */
  readonly at: string;
  readonly base: string;
  /** Since when `base` was agreed (ISO), '' when unknown. */
  readonly baseAt: string;
}

export interface RegisterState {
  /** The effective value: the one value, or during a conflict the last agreed value. */
  readonly value: string;
  /** Since when `value` is agreed (ISO; '' when unknown): the base time of the next write. */
  readonly since: string;
  /** Every candidate, oldest first. */
  readonly candidates: readonly Candidate[];
  /** Several candidates with different values. */
  readonly conflict: boolean;
}

/** One person editing one field: its id names the candidate it writes. */
export interface EditSession {
  readonly id: string;
  /** The writer's display name ('' when unknown). */
  readonly by: string;
}

export interface RegisterOptions {
  /** Whether a plain string under `<field>` counts as a candidate (default true). */
  readonly legacy?: boolean;
  /** The clock (tests); ISO time. */
  readonly now?: () => string;
}

const SEPARATOR = '@';

/** A fresh id for a session or a resolve: random enough that two desks never pick the same. */
export function newEntryId(): string {
  const part = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return Date.now().toString(36) + part() + part();
}

export function newSession(by = ''): EditSession {
  return { id: newEntryId(), by: nfc(by) };
}

export const candidateKey = (field: string, entryId: string): string => field + SEPARATOR + entryId;

function storedOf(value: unknown): StoredCandidate | null {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Y.AbstractType) return null;
  const { v, by, at, base, baseAt } = value as Record<string, unknown>;
  if (typeof v !== 'string') return null;
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
  return { v, by: text(by), at: text(at), base: text(base), baseAt: text(baseAt) };
}

const candidateOf = (key: string, c: StoredCandidate): Candidate => ({ key, value: c.v, by: c.by, at: c.at, base: c.base, baseAt: c.baseAt });

const byTime = (a: Candidate, b: Candidate): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Every candidate of `field` in `map`, oldest first (a legacy plain value first of all). */
export function candidates(map: Y.Map<unknown>, field: string, options: RegisterOptions = {}): Candidate[] {
  const prefix = field + SEPARATOR;
  const out: Candidate[] = [];
  for (const [key, raw] of map.entries()) {
    if (!key.startsWith(prefix)) continue;
    const c = storedOf(raw);
    if (c) out.push(candidateOf(key, c));
  }
  const plain = map.get(field);
  if (options.legacy !== false && typeof plain === 'string') out.push({ key: field, value: plain, by: '', at: '', base: plain, baseAt: '' });
  return out.sort(byTime);
}

export function readRegister(map: Y.Map<unknown>, field: string, options: RegisterOptions = {}): RegisterState {
  const list = candidates(map, field, options);
  if (list.length === 0) return { value: '', since: '', candidates: list, conflict: false };
  const last = list[list.length - 1]!;
  if (list.every((c) => c.value === last.value)) return { value: last.value, since: last.at, candidates: list, conflict: false };
  const agreed = list.reduce((best, c) => (c.baseAt > best.baseAt || (c.baseAt === best.baseAt && byTime(c, best) > 0) ? c : best));
  return { value: agreed.base, since: agreed.baseAt, candidates: list, conflict: true };
}

/** The effective value of `field` (see readRegister). */
export function registerValue(map: Y.Map<unknown>, field: string, options: RegisterOptions = {}): string {
  return readRegister(map, field, options).value;
}

/** The candidate this session wrote, if it is still there. */
export function ownCandidate(map: Y.Map<unknown>, field: string, session: EditSession): Candidate | null {
  const key = candidateKey(field, session.id);
  const c = storedOf(map.get(key));
  return c ? candidateOf(key, c) : null;
}

function transact(map: Y.Map<unknown>, run: () => void): void {
  if (map.doc) map.doc.transact(run);
  else run();
}

const iso = (options: RegisterOptions): string => (options.now ?? (() => new Date().toISOString()))();

/**
 * Deletes every candidate in `seen`, and the plain key (a legacy value; or one the field does
 * not count, as a slug that only followed the headline, which is stale once someone writes).
 */
function removeAll(map: Y.Map<unknown>, field: string, seen: readonly Candidate[]): void {
  for (const c of seen) if (map.has(c.key)) map.delete(c.key);
  if (map.has(field)) map.delete(field);
}

/**
 * Writes what the person typed in `session` (see the module's comment). Returns whether the
 * document changed: writing the value already there does nothing.
 */
export function writeRegister(map: Y.Map<unknown>, field: string, text: string, session: EditSession, options: RegisterOptions = {}): boolean {
  const value = nfc(text);
  const key = candidateKey(field, session.id);
  const own = ownCandidate(map, field, session);
  if (own) {
    if (own.value === value) return false;
    transact(map, () => map.set(key, { v: value, by: session.by, at: iso(options), base: own.base, baseAt: own.baseAt } satisfies StoredCandidate));
    return true;
  }
  const state = readRegister(map, field, options);
  if (!state.conflict && state.value === value) return false;
  transact(map, () => {
    if (!state.conflict) removeAll(map, field, state.candidates);
    map.set(key, { v: value, by: session.by, at: iso(options), base: state.value, baseAt: state.since } satisfies StoredCandidate);
  });
  return true;
}

/**
 * A person settled the field on `text`: one candidate chosen, or a value combining them. Every
 * candidate seen is removed and one is added, with `text` as its base. Returns the entry id of
 * the candidate added.
 */
export function resolveRegister(map: Y.Map<unknown>, field: string, text: string, by: string, options: RegisterOptions = {}): string {
  const value = nfc(text);
  const seen = candidates(map, field, options);
  const at = iso(options);
  const id = newEntryId();
  transact(map, () => {
    removeAll(map, field, seen);
    map.set(candidateKey(field, id), { v: value, by: nfc(by), at, base: value, baseAt: at } satisfies StoredCandidate);
  });
  return id;
}

/** The fields of `map` that hold candidates (keys `<field>@<entry>`), each once. */
export function registerFields(map: Y.Map<unknown>): string[] {
  const fields = new Set<string>();
  for (const [key, value] of map.entries()) {
    const at = key.indexOf(SEPARATOR);
    if (at > 0 && storedOf(value)) fields.add(key.slice(0, at));
  }
  return [...fields];
}

/** The entry id in a candidate's key ('' for a legacy plain value). */
export function entryIdOf(key: string): string {
  const at = key.indexOf(SEPARATOR);
  return at < 0 ? '' : key.slice(at + 1);
}

/** Writes `text` as a one-call session (the command line, an import, an attached photo's facts). */
export function setRegister(map: Y.Map<unknown>, field: string, text: string, by = '', options: RegisterOptions = {}): boolean {
  return writeRegister(map, field, text, newSession(by), options);
}
