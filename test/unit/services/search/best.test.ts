import { describe, expect, it } from 'vitest';
import type { ArticleTexts } from '../../../../src-main/services/search/fields';
import { SearchIndex } from '../../../../src-main/services/search/index';
import { parseQuery } from '../../../../src-main/services/search/query';
import { TopK } from '../../../../src-main/services/search/top';
import { compareVi } from '../../../../src-shared/text/vietnamese';
import { seededRandom } from '../../../support/seeded';

const WORDS = 'hà giang dân vận mưa lũ lớn sông hồng lào cai yên bái nước dâng cao xã vùng biên giới đồn'.split(' ');

/** Many short articles from few words, so scores tie often and most queries match hundreds. */
function corpus(n: number): Map<string, ArticleTexts> {
  const rand = seededRandom(7);
  const pick = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(' ');
  const out = new Map<string, ArticleTexts>();
  for (let i = 0; i < n; i++) out.set(`a${i}`, { headline: pick(1 + Math.floor(rand() * 4)), sapo: pick(3), byline: '', tags: '', event: '', body: pick(5 + Math.floor(rand() * 10)) });
  return out;
}

describe('SearchIndex.best', () => {
  const texts = corpus(1500);
  const index = new SearchIndex();
  for (const [id, t] of texts) index.put(id, t);
  const tiebreak = (a: string, b: string) => compareVi(texts.get(a)!.headline, texts.get(b)!.headline) || (a < b ? -1 : 1);
  const accept = (id: string) => Number(id.slice(1)) % 3 !== 0;

  it('gives the total and the first hits that sorting every match by score, then the tiebreak, gives', () => {
    let compared = 0;
    for (const query of ['ha', 'ha giang', 'mua lu lon', 'song h', 'd', 'nuoc dang cao xa', 'khong co']) {
      const q = index.prepare(parseQuery(query));
      for (const limit of [0, 1, 10, 200, 5000]) {
        const all = index.match(q, accept).sort((a, b) => b.score - a.score || tiebreak(a.id, b.id));
        const best = index.best(q, accept, limit, tiebreak);
        expect(best.total, query).toBe(all.length);
        expect(best.hits, `${query} ${limit}`).toEqual(all.slice(0, limit));
        compared += best.hits.length;
      }
    }
    // The queries above matched hundreds (more than the refined 300) and tied often.
    expect(compared).toBeGreaterThan(3000);
  });
});

describe('TopK', () => {
  it('keeps the best of many, best first, as a full sort would', () => {
    const rand = seededRandom(3);
    const values = Array.from({ length: 2000 }, (_, i) => ({ v: Math.floor(rand() * 50), i }));
    const before = (a: { v: number; i: number }, b: { v: number; i: number }) => a.v > b.v || (a.v === b.v && a.i < b.i);
    for (const limit of [0, 1, 7, 100, 3000]) {
      const top = new TopK(limit, before);
      for (const x of values) top.add(x);
      expect(top.sorted()).toEqual([...values].sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, limit));
    }
  });
});
