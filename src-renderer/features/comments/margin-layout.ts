/**
 * Where the margin's cards go: each beside its words, none over another. Cards keep the order
 * of their words; a card sits at its words' height unless the card before it reaches there, in
 * which case it goes just below that one. The card in focus sits exactly at its words, and the
 * cards before it move up to make room (as far as the margin's top; past that, everything
 * below moves down instead), so the thread being read is always beside what it is about.
 */

export interface CardWant {
  readonly id: string;
  /** The top of the card's words, from the margin's top. */
  readonly top: number;
  readonly height: number;
}

export interface CardPlace {
  readonly id: string;
  readonly top: number;
}

export function placeCards(cards: readonly CardWant[], gap: number, active: string | null = null): CardPlace[] {
  const sorted = [...cards].sort((a, b) => a.top - b.top || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tops = sorted.map((c) => Math.max(0, c.top));
  const pushDown = (from: number) => {
    for (let i = Math.max(from, 1); i < sorted.length; i++) tops[i] = Math.max(tops[i]!, tops[i - 1]! + sorted[i - 1]!.height + gap);
  };
  pushDown(1);
  const at = active === null ? -1 : sorted.findIndex((c) => c.id === active);
  if (at >= 0) {
    // The card in focus at its words, the ones after it placed from there.
    for (let i = at; i < sorted.length; i++) tops[i] = Math.max(0, sorted[i]!.top);
    pushDown(at + 1);
    for (let i = at - 1; i >= 0; i--) tops[i] = Math.min(tops[i]!, tops[i + 1]! - gap - sorted[i]!.height);
    if (tops[0]! < 0) {
      tops[0] = 0;
      pushDown(1);
    }
  }
  return sorted.map((c, i) => ({ id: c.id, top: tops[i]! }));
}
