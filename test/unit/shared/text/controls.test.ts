/**
 * Control characters: removed from what is exported, shown as escapes on a terminal, and
 * cleaned out of an article's document with the formatting and registers of its texts kept.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleNeedsCleaning, cleanArticleText, updateNeedsCleaning } from '../../../../src-shared/article-clean';
import { body, headline, readArticle, writeMeta } from '../../../../src-shared/article-doc';
import { newSession } from '../../../../src-shared/register';
import { clean, visibleControls, withoutControls, withoutControlsDeep } from '../../../../src-shared/text/controls';
import { printable } from '../../../../src-main/cli/io';
import { updateFrom } from '../../../support/desk';

describe('control characters in text', () => {
  it('are removed, but tab and line ends are text', () => {
    expect(withoutControls('a\u0000b\u001b[2Jc\u007fd\u009be\tf\ng\r\nh')).toBe('ab[2Jcde\tf\ng\r\nh');
    expect(withoutControlsDeep({ a: ['x\u0000', { b: 'y\u0007' }], n: 3, z: null })).toEqual({ a: ['x', { b: 'y' }], n: 3, z: null });
    expect(clean('Ha\u0300 Giang\u0000')).toBe('Hà Giang');
  });

  it('are shown as JSON escapes on a terminal, bidi overrides too; only the search marks stay', () => {
    expect(visibleControls('a\u001b]0;x\u0007 \u202eb\u2066 c\td\ne\r')).toBe('a\\u001B]0;x\\u0007 \\u202Eb\\u2066 c\td\ne\\u000D');
    // A JSON line stays JSON, with the same values.
    const json = JSON.stringify({ h: 'x\u009b2J\u202e' });
    expect(JSON.parse(printable(json))).toEqual({ h: 'x\u009b2J\u202e' });
    expect(printable(json)).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(printable('\u001b[1mHà\u001b[22m Giang\u001b[2J')).toBe('\u001b[1mHà\u001b[22m Giang\\u001B[2J');
  });
});

describe('cleaning an article document', () => {
  it('rewrites only what changes, keeping a run’s formatting and a register’s candidate', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    p.insert(0, [text]);
    body(doc).insert(0, [p]);
    text.insert(0, 'Điện về ');
    text.insert(8, 'ba\u0309n\u0000 Lu\u0303ng Pu\u0300', { bold: true });
    headline(doc).insert(0, 'Tin\u001b[2J');
    writeMeta(doc, 'byline', 'Minh Thư\u0007', newSession());
    expect(updateNeedsCleaning(Y.encodeStateAsUpdate(doc))).toBe(true);

    expect(articleNeedsCleaning(doc, { body: false })).toBe(true);
    cleanArticleText(doc, { body: false });
    expect(articleNeedsCleaning(doc, { body: false })).toBe(false);
    expect(articleNeedsCleaning(doc, { body: true })).toBe(true);
    expect(readArticle(doc).headline).toBe('Tin[2J');
    expect(readArticle(doc).byline).toBe('Minh Thư');
    expect(text.toDelta()[1].insert).toContain('\u0000');

    cleanArticleText(doc, { body: true });
    expect(text.toDelta()).toEqual([{ insert: 'Điện về ' }, { insert: 'bản Lũng Pù', attributes: { bold: true } }]);
    // The deleted runs are gone from the state: what it inserts is clean.
    expect(updateNeedsCleaning(Y.encodeStateAsUpdate(doc))).toBe(false);
    // Nothing left to clean: no change at all.
    let changed = false;
    doc.on('update', () => (changed = true));
    cleanArticleText(doc, { body: true });
    expect(changed).toBe(false);
  });

  it('an update that inserts a lone combining mark (it may compose with the letter before) needs cleaning', () => {
    const doc = new Y.Doc();
    headline(doc).insert(0, 'Ha');
    const update = updateFrom(doc, (d) => headline(d).insert(2, '\u0300'));
    expect(updateNeedsCleaning(update)).toBe(true);
    cleanArticleText(doc, { body: false });
    expect(headline(doc).toString()).toBe('Hà');
    expect(updateNeedsCleaning(updateFrom(doc, (d) => headline(d).insert(2, ' Giang')))).toBe(false);
  });
});
