import { describe, expect, it } from 'vitest';
import type { ArticleTexts } from '../../../../src-main/services/search/fields';
import { SearchIndex } from '../../../../src-main/services/search/index';
import { parseQuery } from '../../../../src-main/services/search/query';

function texts(partial: Partial<ArticleTexts>): ArticleTexts {
  return { headline: '', sapo: '', byline: '', tags: '', event: '', body: '', ...partial };
}

function search(index: SearchIndex, query: string) {
  const q = index.prepare(parseQuery(query));
  const matches = index.match(q, () => true).sort((a, b) => b.score - a.score);
  return { q, ids: matches.map((m) => m.id), matches };
}

const marked = (text: string, ranges: ReadonlyArray<readonly [number, number]>) => ranges.map(([s, e]) => text.slice(s, e));

describe('parseQuery', () => {
  it('makes the last word a prefix only while it is being typed', () => {
    expect(parseQuery('dân v')).toEqual([
      { key: 'dan', prefix: false },
      { key: 'v', prefix: true },
    ]);
    expect(parseQuery('dân vận ')).toEqual([
      { key: 'dan', prefix: false },
      { key: 'van', prefix: false },
    ]);
    expect(parseQuery('  ')).toEqual([]);
  });
});

describe('SearchIndex', () => {
  it('requires every word, accent-insensitively, the last one as a prefix', () => {
    const index = new SearchIndex();
    index.put('a', texts({ headline: 'Công tác dân vận ở Hà Giang' }));
    index.put('b', texts({ headline: 'Dân làng đón xuân' }));
    index.put('c', texts({ body: 'Chuyện vận tải hàng hoá' }));
    expect(search(index, 'dan v').ids).toEqual(['a']);
    expect(search(index, 'dan').ids.sort()).toEqual(['a', 'b']);
    expect(search(index, 'hang hoa ').ids).toEqual(['c']);
    expect(search(index, 'ha giang').ids).toEqual(['a']);
    expect(search(index, 'khong co').ids).toEqual([]);
  });

  it('ranks the headline over the lead over the body, and words side by side higher', () => {
    const index = new SearchIndex();
    index.put('body', texts({ headline: 'Tin tức', body: 'Đoàn công tác lên Hà Giang hôm qua. Hà Giang mưa.' }));
    index.put('sapo', texts({ headline: 'Tin vắn', sapo: 'Mưa lớn ở Hà Giang' }));
    index.put('headline', texts({ headline: 'Lũ quét ở Hà Giang', body: 'Mưa lớn.' }));
    expect(search(index, 'ha giang ').ids).toEqual(['headline', 'sapo', 'body']);

    const apart = new SearchIndex();
    apart.put('together', texts({ body: 'người dân vận động nhau trồng rừng' }));
    apart.put('apart', texts({ body: 'vận động người dân trồng rừng' }));
    expect(search(apart, 'dân vận ').ids).toEqual(['together', 'apart']);
  });

  it('saturates repeated words: ten mentions in the body do not beat one in the headline', () => {
    const index = new SearchIndex();
    index.put('many', texts({ headline: 'Tin nông nghiệp', body: Array(10).fill('lúa gạo xuất khẩu').join('. ') }));
    index.put('title', texts({ headline: 'Giá lúa gạo tăng', body: 'Thị trường sôi động trong tuần.' }));
    expect(search(index, 'lua gao ').ids).toEqual(['title', 'many']);
  });

  it('highlights matched words with offsets in the original text, even when it is NFD', () => {
    const index = new SearchIndex();
    const headline = 'Về Hà Giang mùa hoa'.normalize('NFD');
    index.put('a', texts({ headline, tags: 'du lịch, Hà Giang', byline: 'Lý Thu' }));
    const { q } = search(index, 'ha giang');
    const h = index.highlights(q, 'a');
    const head = h.find((x) => x.field === 'headline')!;
    expect(head.text).toBe(headline);
    expect(marked(head.text, head.ranges)).toEqual(['Hà'.normalize('NFD'), 'Giang']);
    const tags = h.find((x) => x.field === 'tags')!;
    expect(marked(tags.text, tags.ranges)).toEqual(['Hà', 'Giang']);
    expect(h.find((x) => x.field === 'byline')).toBeUndefined();
    expect(search(index, 'li thu').ids).toEqual(['a']);
  });

  it('gives a snippet of the body around its first match, cut on word boundaries', () => {
    const index = new SearchIndex();
    const filler = Array(60).fill('nội dung').join(' ');
    index.put('a', texts({ body: `${filler} đồng bào Mông đón điện lưới ${filler}` }));
    const { q } = search(index, 'dong bao mong');
    const body = index.highlights(q, 'a').find((x) => x.field === 'body')!;
    expect(body.text.startsWith('…')).toBe(true);
    expect(body.text.endsWith('…')).toBe(true);
    expect(body.text.length).toBeLessThan(200);
    expect(marked(body.text, body.ranges)).toEqual(['đồng', 'bào', 'Mông']);
    expect(body.text).not.toMatch(/…\S*dung\S/);
  });

  it('ranks words side by side and in order above the same words scattered, wherever they are', () => {
    const index = new SearchIndex();
    // Scattered: "tuyến" and "quang" in the headline, several times in the body — a high BM25 score.
    index.put('scattered', texts({ headline: 'Hội nghị trực tuyến về mạng cáp quang', body: 'Hội nghị trực tuyến bàn về cáp quang. Cáp quang nối các điểm cầu trực tuyến. Mạng cáp quang và truyền hình trực tuyến.' }));
    // Side by side once, in the body only.
    index.put('phrase', texts({ headline: 'Hội nghị tổng kết công tác năm 2023', body: 'Sáng 5/1, tỉnh Tuyên Quang tổ chức hội nghị tổng kết.' }));
    // Side by side but the other way round: no better than scattered.
    index.put('reversed', texts({ headline: 'Quang cảnh hội nghị', body: 'Đông đảo đại biểu dự quang tuyến.' }));
    expect(search(index, 'tuyen quang').ids[0]).toBe('phrase');
    expect(search(index, 'tuyen quang').ids.indexOf('reversed')).toBeGreaterThan(0);
    // Three words: two pairs side by side beat one.
    index.put('two-pairs', texts({ body: 'Ủy ban nhân dân tỉnh họp phiên thường kỳ.' }));
    index.put('one-pair', texts({ headline: 'Nhân dân tỉnh nhà đón Tết', body: 'Ủy ban mặt trận tham dự.' }));
    expect(search(index, 'uy ban nhan').ids.slice(0, 2)).toEqual(['two-pairs', 'one-pair']);
    // The event's text is a field of its own, searched like the others.
    index.put('event', texts({ event: 'Hội nghị dân vận. Phường Hà Giang 1. Tuyên Quang' }));
    expect(search(index, 'ha giang 1').ids).toEqual(['event']);
  });

  it('ranks phrases above scattered words among many matches, past the articles read again for exact counts', () => {
    const index = new SearchIndex();
    // 400 articles with both words scattered and repeated (strong scores), one with them side by side.
    for (let i = 0; i < 400; i++) index.put(`s${i}`, texts({ headline: `Trực tuyến và cáp quang số ${i}`, sapo: 'Cáp quang trực tuyến, cáp quang.' }));
    index.put('phrase', texts({ body: 'Đoàn công tác về Tuyên Quang hôm qua.' }));
    expect(search(index, 'tuyen quang').ids[0]).toBe('phrase');
  });

  it('forgets an article when it is replaced or removed', () => {
    const index = new SearchIndex();
    index.put('a', texts({ headline: 'Bão số 3 đổ bộ' }));
    expect(search(index, 'bao').ids).toEqual(['a']);
    index.put('a', texts({ headline: 'Nắng nóng kéo dài' }));
    expect(search(index, 'bao').ids).toEqual([]);
    expect(search(index, 'nang').ids).toEqual(['a']);
    index.remove('a');
    expect(search(index, 'nang').ids).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('keeps answering right after many updates leave dead postings to compact', () => {
    const index = new SearchIndex();
    const numbers = Array.from({ length: 600 }, (_, i) => String(1000 + i)).join(' ');
    index.put('other', texts({ headline: 'Giá vàng hôm nay', body: numbers }));
    for (let round = 0; round < 40; round++) index.put('a', texts({ headline: `Bản tin số ${round}`, body: numbers }));
    expect(search(index, 'ban tin so 39 ').ids).toEqual(['a']);
    expect(search(index, 'ban tin so 38 ').ids).toEqual([]);
    expect(search(index, '1599 ').ids.sort()).toEqual(['a', 'other']);
    expect(search(index, 'gia vang').ids).toEqual(['other']);
    index.remove('other');
    expect(search(index, '1599 ').ids).toEqual(['a']);
  });
});
