/**
 * Words typed on one desk into a paragraph the other desk joined to the one above or deleted,
 * while apart: the merge loses them (Yjs has no move); they are found by their identity, on
 * either side, and put back where their paragraph's text now is. Words deleted on purpose, and
 * edits that merge as text, are never reported.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyLines, setBodyLines } from '../../../src-shared/article-doc';
import { isBack, lostInMerge, putBack } from '../../../src-shared/lost-text';
import { exchange, replicaOf } from '../../support/replicas';

const P1 = 'Đoàn cứu hộ đã đến xã Lũng Cú.';
const P2 = 'Nhiều hộ dân phải sơ tán.';
const TYPED = ' Đường đã sạt lở.';

const paragraphText = (doc: Y.Doc, index: number): Y.XmlText => (doc.getXmlFragment('body').get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** Joins the second paragraph into the first as y-tiptap writes it: its element removed, its text written again at the first's end. */
function join(doc: Y.Doc): void {
  doc.transact(() => {
    const second = paragraphText(doc, 1).toString();
    const first = paragraphText(doc, 0);
    first.insert(first.length, second);
    doc.getXmlFragment('body').delete(1, 1);
  });
}

/** Two desks apart from one article of two paragraphs; `a` and `b` edit, then both merge. Gives each side's text before the merge and the merged text. */
function apart(a: (doc: Y.Doc) => void, b: (doc: Y.Doc) => void): { local: Y.Doc; remote: Y.Doc; merged: Y.Doc; other: Y.Doc } {
  const base = new Y.Doc();
  setBodyLines(base, [P1, P2]);
  const deskA = replicaOf(base);
  const deskB = replicaOf(base);
  a(deskA);
  b(deskB);
  const local = replicaOf(deskA);
  const remote = replicaOf(deskB);
  exchange(deskA, deskB);
  return { local, remote, merged: deskA, other: deskB };
}

describe('words lost to a paragraph removed on the other side', () => {
  it('typed into a paragraph the other desk joined: found from either side, put back after that paragraph’s text', () => {
    const { local, remote, merged, other } = apart(join, (doc) => paragraphText(doc, 1).insert(P2.length, TYPED));
    expect(bodyLines(merged)).toEqual([P1 + P2]);
    const lost = lostInMerge(local, remote, merged);
    expect(lost).toEqual([{ text: TYPED, preceding: P2.slice(-40), following: '' }]);
    // The desk that typed them finds the same run, its own side being `local`.
    expect(lostInMerge(remote, local, other)).toEqual(lost);
    expect(isBack(merged, lost[0]!)).toBe(false);

    putBack(merged, lost[0]!, 'writer');
    expect(bodyLines(merged)).toEqual([P1 + P2 + TYPED]);
    expect(isBack(merged, lost[0]!)).toBe(true);
    exchange(merged, other);
    expect(bodyLines(other)).toEqual([P1 + P2 + TYPED]);
  });

  it('typed inside a paragraph the other desk deleted: put back as a paragraph at the end', () => {
    const words = 'Xã Lũng Cú mất điện';
    const { local, remote, merged } = apart(
      (doc) => doc.getXmlFragment('body').delete(1, 1),
      (doc) => paragraphText(doc, 1).insert(0, `${words} `),
    );
    const lost = lostInMerge(local, remote, merged);
    expect(lost).toEqual([{ text: `${words} `, preceding: '', following: P2 }]);
    putBack(merged, lost[0]!, 'writer');
    expect(bodyLines(merged)).toEqual([P1, words]);
  });

  it('a short word lost is not taken for back because the same word is elsewhere in the body', () => {
    const { local, remote, merged } = apart(join, (doc) => paragraphText(doc, 1).insert(P2.length, ' xã'));
    const lost = lostInMerge(local, remote, merged);
    expect(lost.map((l) => l.text)).toEqual([' xã']);
    expect(bodyLines(merged).join('')).toContain('xã');
    expect(isBack(merged, lost[0]!)).toBe(false);
    putBack(merged, lost[0]!, 'writer');
    expect(isBack(merged, lost[0]!)).toBe(true);
  });

  it('nothing for words deleted on purpose, nor for edits that merge as text', () => {
    const { local, remote, merged } = apart(
      (doc) => {
        paragraphText(doc, 0).delete(0, 5);
        paragraphText(doc, 1).insert(P2.length, ' Trời mưa to.');
      },
      (doc) => {
        paragraphText(doc, 1).delete(0, 6);
        paragraphText(doc, 1).insert(P2.length, TYPED);
      },
    );
    expect(lostInMerge(local, remote, merged)).toEqual([]);
  });
});
