/**
 * The best `limit` of many items without sorting them all: a bounded heap whose root is the
 * worst item kept, so most items are turned away by one comparison with it. The result is
 * what sorting everything with `before` and taking the first `limit` gives, provided `before`
 * is a strict total order (no two items equal).
 */
export class TopK<T> {
  private readonly heap: T[] = [];

  /**
   * @param limit how many to keep
   * @param before true when `a` ranks ahead of `b`
   */
  constructor(
    private readonly limit: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  /** True when `item` would be kept now (cheap: one comparison with the worst kept). */
  wouldKeep(item: T): boolean {
    return this.heap.length < this.limit || (this.limit > 0 && this.before(item, this.heap[0]!));
  }

  add(item: T): void {
    const h = this.heap;
    if (h.length < this.limit) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.limit > 0 && this.before(item, h[0]!)) {
      h[0] = item;
      this.down(0);
    }
  }

  /** The items kept, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }

  /** The worst sits at the root: a parent never ranks before its children. */
  private up(i: number): void {
    const h = this.heap;
    const item = h[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[parent]!, item)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = item;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    const item = h[i]!;
    for (;;) {
      let worst = 2 * i + 1;
      if (worst >= n) break;
      if (worst + 1 < n && this.before(h[worst]!, h[worst + 1]!)) worst++;
      if (!this.before(item, h[worst]!)) break;
      h[i] = h[worst]!;
      i = worst;
    }
    h[i] = item;
  }
}
