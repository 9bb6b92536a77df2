import { describe, expect, it } from 'vitest';
import { placeCards, type CardPlace, type CardWant } from '../../../../src-renderer/features/comments/margin-layout';

const GAP = 8;

/** No two placed cards overlap (with the gap between them), and none is above the margin's top. */
function expectApart(cards: readonly CardWant[], placed: readonly CardPlace[]): void {
  const height = new Map(cards.map((c) => [c.id, c.height]));
  const sorted = [...placed].sort((a, b) => a.top - b.top);
  expect(sorted[0]!.top).toBeGreaterThanOrEqual(0);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.top).toBeGreaterThanOrEqual(sorted[i - 1]!.top + height.get(sorted[i - 1]!.id)! + GAP);
}

describe('placing the margin cards', () => {
  it('puts each card beside its words when there is room', () => {
    const cards = [
      { id: 'b', top: 400, height: 100 },
      { id: 'a', top: 20, height: 120 },
    ];
    expect(placeCards(cards, GAP)).toEqual([
      { id: 'a', top: 20 },
      { id: 'b', top: 400 },
    ]);
  });

  it('moves a card down below the one before it, keeping the order of the words', () => {
    const cards = [
      { id: 'a', top: 100, height: 120 },
      { id: 'b', top: 110, height: 80 },
      { id: 'c', top: 150, height: 60 },
      { id: 'd', top: 600, height: 60 },
    ];
    const placed = placeCards(cards, GAP);
    expect(placed.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(placed).toEqual([
      { id: 'a', top: 100 },
      { id: 'b', top: 228 },
      { id: 'c', top: 316 },
      { id: 'd', top: 600 },
    ]);
    expectApart(cards, placed);
  });

  it('keeps the card in focus at its words and moves the ones before it up, never above the top', () => {
    const cards = [
      { id: 'a', top: 300, height: 100 },
      { id: 'b', top: 320, height: 100 },
      { id: 'c', top: 340, height: 100 },
    ];
    const placed = placeCards(cards, GAP, 'c');
    expect(placed.find((p) => p.id === 'c')!.top).toBe(340);
    expect(placed.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expectApart(cards, placed);
    // Without room above, the card in focus goes as high as it can, the rest below it.
    const high = placeCards([{ id: 'a', top: 10, height: 100 }, { id: 'b', top: 20, height: 100 }], GAP, 'b');
    expect(high).toEqual([
      { id: 'a', top: 0 },
      { id: 'b', top: 108 },
    ]);
  });

  it('never overlaps, whatever the words and the card in focus', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const wrong: string[] = [];
    for (let round = 0; round < 200; round++) {
      const cards = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => ({ id: `c${i}`, top: Math.floor(random() * 800) - 20, height: 40 + Math.floor(random() * 200) }));
      const active = random() < 0.5 ? null : cards[Math.floor(random() * cards.length)]!.id;
      const placed = [...placeCards(cards, GAP, active)].sort((a, b) => a.top - b.top);
      const height = new Map(cards.map((c) => [c.id, c.height]));
      const byWords = [...cards].sort((a, b) => a.top - b.top || (a.id < b.id ? -1 : 1)).map((c) => c.id);
      const apart = placed.every((p, i) => p.top >= 0 && (i === 0 || p.top >= placed[i - 1]!.top + height.get(placed[i - 1]!.id)! + GAP));
      // Every card placed once, in the order of the words.
      if (!apart || placed.map((p) => p.id).join() !== byWords.join()) wrong.push(JSON.stringify({ cards, active, placed }));
    }
    expect(wrong).toEqual([]);
  });
});
