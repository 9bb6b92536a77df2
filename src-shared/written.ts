/**
 * When an article's text was last written, carried in its document, so every desk shows when
 * the writer wrote — not when its own copy arrived: a story typed offline at 10:00 and synced at
 * 12:00 reads 10:00 in every library.
 *
 * Each desk stamps its own writes under its Yjs client id in the `written` map (a write in the
 * same minute as the latest stamp adds nothing, so typing costs at most one stamp a minute) and
 * removes the stamps older than the one it writes, so the map stays a few entries long. Two
 * desks stamping apart both keep their stamp until one writes again; the latest stamp is the
 * article's time. Documents from before this have no stamp: their time is what the desk knew.
 */
import type * as Y from 'yjs';

export const WRITTEN_KEY = 'written';

const stamps = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(WRITTEN_KEY);
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** The latest stamp (ISO 8601), or undefined when no desk has stamped the article. */
export function lastWritten(doc: Y.Doc): string | undefined {
  let latest: string | undefined;
  for (const value of stamps(doc).values()) {
    if (isTime(value) && (latest === undefined || value > latest)) latest = value;
  }
  return latest;
}

/** Stamps a write made now on this desk; call it in the transaction of the write. */
export function stampWritten(doc: Y.Doc, now: Date = new Date()): void {
  const at = now.toISOString();
  const latest = lastWritten(doc);
  if (latest !== undefined && latest.slice(0, 16) >= at.slice(0, 16)) return; // this minute is already said (or a later one, by a clock ahead)
  const map = stamps(doc);
  const own = String(doc.clientID);
  for (const [key, value] of map.entries()) if (key !== own && (!isTime(value) || value < at)) map.delete(key);
  map.set(own, at);
}
