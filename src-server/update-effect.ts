/**
 * What a desk's Yjs update would do to an article, read from the update's structure against
 * the live document, without applying it anywhere (sync.ts refuses an update that writes into
 * the `workflow` map, and one whose effect cannot be decided):
 * - `workflow`: it inserts something under the `workflow` map (at any depth) or deletes
 *   something there;
 * - `undecided`: some of it would wait in Yjs for changes the server does not have (a gap in a
 *   writer's clock, a neighbour or parent the server has never seen, a deletion of something
 *   unknown) — accepted, it could land in `workflow` later, unseen;
 * - `repeat`: nothing in it is new (the deletions a desk repeats each time it syncs);
 * - `none`: otherwise.
 * Each new item's place is found the way Yjs finds it when integrating (Item.getMissing): its
 * parent, or the parent of its left (else right) neighbour, which may be in the document or
 * earlier in the same update; next to garbage-collected content it becomes garbage itself.
 *
 * Reading the structure costs a decode and a few lookups per struct; the check it replaces
 * applied every update to a shadow copy of the document first (twice the work and memory).
 * A document that holds pending structs itself (possible only with what another instance
 * relayed) is left to the caller's slower check: an update could release them.
 */
import * as Y from 'yjs';

export type UpdateEffect = 'none' | 'repeat' | 'workflow' | 'undecided';

type Struct = Y.Item | Y.GC | Y.Skip;
/** The root type's name under which a struct lives, '' for garbage, null when unknown here. */
type Place = string | null;

const GARBAGE = '';

/** Throws on bytes that are not a Yjs update (the caller refuses them). */
export function updateEffect(doc: Y.Doc, update: Uint8Array, guarded: string): UpdateEffect {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  const store = doc.store;
  const state = (client: number): number => Y.getState(store, client);

  // The update's structs per writer, in clock order (as Yjs encodes them).
  const own = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = own.get(s.id.client);
    if (list) list.push(s);
    else own.set(s.id.client, [s]);
  }
  const inUpdate = (id: Y.ID): Struct | undefined => {
    const list = own.get(id.client);
    if (!list) return undefined;
    for (const s of list) if (!(s instanceof Y.Skip) && s.id.clock <= id.clock && id.clock < s.id.clock + s.length) return s;
    return undefined;
  };
  const inDoc = (id: Y.ID): Y.Item | Y.GC | undefined => (id.clock < state(id.client) ? (Y.getItem(store, id) as Y.Item | Y.GC) : undefined);

  /** The root name of a type in the document. */
  const rootOfType = (type: Y.AbstractType<unknown>): string => {
    let t = type;
    while (t._item) t = t._item.parent as Y.AbstractType<unknown>;
    return Y.findRootTypeKey(t);
  };
  const placeOfDocStruct = (s: Y.Item | Y.GC): Place => (s instanceof Y.GC ? GARBAGE : s.parent ? rootOfType(s.parent as Y.AbstractType<unknown>) : GARBAGE);

  const placeOf = (item: Y.Item, depth: number): Place => {
    if (depth > 10_000) return null;
    const neighbour = (id: Y.ID | null): { doc?: Y.Item | Y.GC; update?: Struct } | null => {
      if (!id) return null;
      const d = inDoc(id);
      if (d) return { doc: d };
      const u = inUpdate(id);
      return u ? { update: u } : {};
    };
    const left = neighbour(item.origin);
    const right = neighbour(item.rightOrigin);
    // A neighbour nobody here has: the item would wait.
    if ((left && !left.doc && !left.update) || (right && !right.doc && !right.update)) return null;
    const isGarbage = (n: typeof left): boolean => !!n && (n.doc instanceof Y.GC || n.update instanceof Y.GC);
    if (isGarbage(left) || isGarbage(right)) return GARBAGE;
    const parent = item.parent as unknown;
    if (left || right) {
      const n = (left ?? right)!;
      if (n.doc) return placeOfDocStruct(n.doc);
      return n.update instanceof Y.Item ? placeOf(n.update, depth + 1) : null;
    }
    if (typeof parent === 'string') return parent;
    if (parent instanceof Y.ID) {
      const p = inDoc(parent);
      if (p) return placeOfDocStruct(p);
      const u = inUpdate(parent);
      if (!u) return null;
      return u instanceof Y.Item ? placeOf(u, depth + 1) : GARBAGE;
    }
    return null;
  };

  let fresh = false;
  let undecided = false;
  for (const [client, list] of own) {
    let next = state(client);
    for (const s of list) {
      if (s instanceof Y.Skip) {
        // A hole in a merged update: what it skips must be in the document already, or what
        // follows it waits.
        if (s.id.clock + s.length > state(client)) undecided = true;
        next = Math.max(next, s.id.clock + s.length);
        continue;
      }
      if (s.id.clock > next) undecided = true; // a gap: earlier changes of this writer are missing
      const end = s.id.clock + s.length;
      if (end <= state(client)) continue; // the document has it already
      next = Math.max(next, end);
      fresh = true;
      if (s instanceof Y.GC) continue;
      const place = placeOf(s, 0);
      if (place === guarded) return 'workflow';
      if (place === null) undecided = true;
    }
  }

  for (const [client, ranges] of ds.clients) {
    const known = state(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (end > known) {
        // Beyond what the document has: only what this update itself adds may be deleted there.
        for (let c = Math.max(clock, known); c < end; ) {
          const s = inUpdate(Y.createID(client, c));
          if (!s) {
            undecided = true;
            break;
          }
          fresh = true;
          c = s.id.clock + s.length;
        }
      }
      const structsOf = store.clients.get(client);
      if (!structsOf || clock >= known) continue;
      for (let i = Y.findIndexSS(structsOf, clock); i < structsOf.length; i++) {
        const s = structsOf[i]!;
        if (s.id.clock >= end) break;
        if (s instanceof Y.GC || s.deleted) continue;
        fresh = true;
        if (placeOfDocStruct(s) === guarded) return 'workflow';
      }
    }
  }
  if (undecided) return 'undecided';
  return fresh ? 'none' : 'repeat';
}

/** Whether the document itself holds changes waiting for others (then an update may release them). */
export const hasPending = (doc: Y.Doc): boolean => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/**
 * The same answer the slow way: `update` applied to a copy of the document, watching the
 * `workflow` map, what waits, and whether anything changed. For a document that holds pending
 * changes itself (an update may release them), and as the reference the structural reading is
 * tested against.
 */
export function effectOnCopy(doc: Y.Doc, update: Uint8Array, guarded = 'workflow'): UpdateEffect {
  const copy = new Y.Doc();
  try {
    copy.getMap(guarded);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    // Pending structs are not in the state: carry them over so that a release shows.
    if (doc.store.pendingStructs) Y.applyUpdate(copy, doc.store.pendingStructs.update);
    if (doc.store.pendingDs) Y.applyUpdate(copy, doc.store.pendingDs);
    const waiting = (): string => `${copy.store.pendingStructs ? Buffer.from(copy.store.pendingStructs.update).toString('base64') : ''}|${copy.store.pendingDs ? Buffer.from(copy.store.pendingDs).toString('base64') : ''}`;
    const before = waiting();
    let touched = false;
    let changed = false;
    copy.getMap(guarded).observeDeep(() => (touched = true));
    copy.on('update', () => (changed = true));
    Y.applyUpdate(copy, update);
    return touched ? 'workflow' : waiting() !== before ? 'undecided' : changed ? 'none' : 'repeat';
  } finally {
    copy.destroy();
  }
}
