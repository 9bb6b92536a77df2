import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { lastWritten, stampWritten, WRITTEN_KEY } from '../../../src-shared/written';

const at = (iso: string): Date => new Date(iso);
const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('when an article was written', () => {
  it('is undefined until a desk stamps it, then the stamp', () => {
    const doc = new Y.Doc();
    expect(lastWritten(doc)).toBeUndefined();
    stampWritten(doc, at('2022-01-13T10:53:05.000Z'));
    expect(lastWritten(doc)).toBe('2022-01-13T10:53:05.000Z');
  });

  it('adds nothing for a write in the same minute, and moves on in the next', () => {
    const doc = new Y.Doc();
    stampWritten(doc, at('2022-01-13T10:53:05.000Z'));
    const size = Y.encodeStateAsUpdate(doc).length;
    stampWritten(doc, at('2022-01-13T10:53:59.000Z'));
    expect(Y.encodeStateAsUpdate(doc).length).toBe(size);
    expect(lastWritten(doc)).toBe('2022-01-13T10:53:05.000Z');
    stampWritten(doc, at('2022-01-13T10:54:00.000Z'));
    expect(lastWritten(doc)).toBe('2022-01-13T10:54:00.000Z');
  });

  it('keeps the latest of two desks that wrote apart, and the map stays short', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    stampWritten(a, at('2022-01-13T08:00:00.000Z'));
    sync(a, b);
    // Apart: B writes at 11:00, A (later back) at 10:00.
    stampWritten(b, at('2022-01-13T11:00:00.000Z'));
    stampWritten(a, at('2022-01-13T10:00:00.000Z'));
    sync(a, b);
    sync(b, a);
    expect(lastWritten(a)).toBe('2022-01-13T11:00:00.000Z');
    expect(lastWritten(b)).toBe('2022-01-13T11:00:00.000Z');
    // A writes again later: the older stamps go, the latest stays the article's time.
    stampWritten(a, at('2022-01-13T12:00:00.000Z'));
    sync(a, b);
    expect(lastWritten(b)).toBe('2022-01-13T12:00:00.000Z');
    expect([...b.getMap(WRITTEN_KEY).keys()]).toEqual([String(a.clientID)]);
  });

  it('ignores a value that is not a time', () => {
    const doc = new Y.Doc();
    doc.getMap(WRITTEN_KEY).set('x', 'hôm qua');
    doc.getMap(WRITTEN_KEY).set('y', 42);
    expect(lastWritten(doc)).toBeUndefined();
    stampWritten(doc, at('2022-01-13T10:53:00.000Z'));
    expect(lastWritten(doc)).toBe('2022-01-13T10:53:00.000Z');
    expect(doc.getMap(WRITTEN_KEY).size).toBe(1);
  });
});
