/**
 * One term's postings: the article slots that hold it and how often, per field, packed in one
 * 32-bit number — the body's count in the low 12 bits (capped at 4,095: a word said that often
 * in one body counts no more for it), then 4 bits for each short field (headline, lead, byline,
 * tags, event), capped at 15 (a headline that says a word 15 times says it enough).
 */
export const SHORT_FIELD_BITS = 4;
export const SHORT_FIELD_MAX = (1 << SHORT_FIELD_BITS) - 1;
export const BODY_BITS = 12;
export const BODY_MAX = (1 << BODY_BITS) - 1;

export class Postings {
  slots = new Uint32Array(2);
  counts = new Uint32Array(2);
  length = 0;

  add(slot: number, packed: number): void {
    if (this.length === this.slots.length) {
      const slots = new Uint32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const counts = new Uint32Array(this.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.slots[this.length] = slot;
    this.counts[this.length] = packed;
    this.length++;
  }

  /** Keeps the entries whose slot `renumber` maps to a new one (>= 0), renumbered; order is kept. */
  compact(renumber: Int32Array): void {
    let out = 0;
    for (let j = 0; j < this.length; j++) {
      const slot = renumber[this.slots[j]!]!;
      if (slot < 0) continue;
      this.slots[out] = slot;
      this.counts[out] = this.counts[j]!;
      out++;
    }
    this.length = out;
  }
}

/** Adds one occurrence in field `f` (the body is `body`) to a packed count. */
export function countIn(packed: number, f: number, body: number): number {
  if (f === body) return (packed & BODY_MAX) === BODY_MAX ? packed : packed + 1;
  const shift = BODY_BITS + SHORT_FIELD_BITS * f;
  return ((packed >>> shift) & SHORT_FIELD_MAX) === SHORT_FIELD_MAX ? packed : (packed + (1 << shift)) >>> 0;
}

/** The count of field `f` in a packed count. */
export function countOf(packed: number, f: number, body: number): number {
  return f === body ? packed & BODY_MAX : (packed >>> (BODY_BITS + SHORT_FIELD_BITS * f)) & SHORT_FIELD_MAX;
}
