import { describe, expect, it } from 'vitest';
import { cleanBlocks } from '../../../../src-shared/html/clean';
import { blocksToHtml } from '../../../../src-shared/html/blocks';
import { formatOf } from '../../../../src-main/services/import/limits';
import { storyFromBlocks } from '../../../../src-main/services/import/story';

function story(html: string) {
  const s = storyFromBlocks(cleanBlocks(html));
  return { headline: s.headline, sapo: s.sapo, body: blocksToHtml(s.body) };
}

describe('storyFromBlocks', () => {
  it('takes the first heading as headline and the paragraph after it as lead', () => {
    expect(story('<h1>Tít</h1><p>Sa-pô</p><h2>Ý một</h2><p>Thân</p>')).toEqual({ headline: 'Tít', sapo: 'Sa-pô', body: '<h2>Ý một</h2>\n<p>Thân</p>' });
  });

  it('takes the first paragraph when there is no heading before it', () => {
    expect(story('<p><strong>Tít</strong> đậm</p><p>Sa-pô</p><p>Thân</p>')).toEqual({ headline: 'Tít đậm', sapo: 'Sa-pô', body: '<p>Thân</p>' });
  });

  it('has no lead when a heading follows the headline, and keeps a list that opens the file in the body', () => {
    expect(story('<ul><li>mục</li></ul><h1>Tít</h1><h2>Phần</h2><p>Thân</p>')).toEqual({
      headline: 'Tít',
      sapo: '',
      body: '<ul><li><p>mục</p></li></ul>\n<h2>Phần</h2>\n<p>Thân</p>',
    });
  });
});

describe('formatOf', () => {
  it('knows .docx, .md (and .markdown) and .txt in any case, and refuses the rest', () => {
    expect(formatOf('Bài.DOCX')).toBe('docx');
    expect(formatOf('a.markdown')).toBe('md');
    expect(formatOf('a.b.txt')).toBe('txt');
    for (const name of ['a.doc', 'a.pdf', 'docx', 'a.txt.exe']) expect(() => formatOf(name), name).toThrow('unsupportedFile');
  });
});
