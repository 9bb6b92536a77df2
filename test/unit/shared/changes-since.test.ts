import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { headline, sapo, setBodyLines, setText } from '../../../src-shared/article-doc';
import { changesSince } from '../../../src-shared/changes-since';

/** A desk's replica of `from`, with its own Yjs client number. */
function replica(from: Y.Doc, client: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = client;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
};

describe('changes since a kept state', () => {
  it('names each added run by the account behind its Yjs client; kept words are not new; a removal has no author', () => {
    const start = new Y.Doc();
    start.clientID = 1;
    setText(headline(start), 'Lũ quét ở Hà Giang');
    setText(sapo(start), 'Mưa lớn kéo dài.');
    setBodyLines(start, ['Đoạn một.', 'Đoạn hai.']);
    const kept = replica(start, 9);

    const reporter = replica(start, 2);
    const editor = replica(start, 3);
    setText(headline(reporter), 'Lũ quét ở Hà Giang, hai xã bị cô lập');
    setBodyLines(editor, ['Đoạn một.', 'Đoạn hai.', 'Đoạn ba của biên tập viên.']);
    setText(sapo(editor), 'Mưa lớn.');
    sync(reporter, editor);

    const authors = new Map([
      [1, 'Minh Thư'],
      [2, 'Minh Thư'],
      [3, 'Đức Anh'],
    ]);
    const { fields } = changesSince(kept, reporter, authors);
    const changed = Object.fromEntries(fields.map((f) => [f.field, f.segments.filter((s) => s.op !== 'same')]));
    expect(changed).toEqual({
      headline: [{ op: 'added', text: ', hai xã bị cô lập', by: ['Minh Thư'] }],
      sapo: [{ op: 'removed', text: ' kéo dài' }],
      body: [{ op: 'added', text: '\n\nĐoạn ba của biên tập viên.', by: ['Đức Anh'] }],
    });
    // Nothing changed since the state now: everything is kept.
    expect(changesSince(reporter, reporter, authors).fields.every((f) => f.segments.every((s) => s.op === 'same'))).toBe(true);
  });

  it('an unknown client number is added text with no name', () => {
    const kept = new Y.Doc();
    const now = replica(kept, 7);
    setText(headline(now), 'Tít mới');
    expect(changesSince(kept, now, new Map()).fields[0]!.segments).toEqual([{ op: 'added', text: 'Tít mới', by: [] }]);
  });
});
