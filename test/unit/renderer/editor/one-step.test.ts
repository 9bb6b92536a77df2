/**
 * Accept all settles the headline's and the lead's suggestions and then the body's in two Yjs
 * transactions; one Ctrl+Z must take both back, however long the body's write took.
 */
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, headline, setBodyLines } from '../../../../src-shared/article-doc';
import { settleTextSuggestions, textSuggestions, writeSuggested } from '../../../../src-shared/text/suggested';
import { USER_ORIGIN } from '../../../../src-renderer/features/article/origins';
import { asOneStep } from '../../../../src-renderer/features/editor/suggest/one-step';
import { createUndoManager } from '../../../../src-renderer/features/editor/undo';
import { writer } from '../../../support/suggest-state';

/** An article with a proposal in the headline ("4" before the struck "3") and a body paragraph. */
function article(): { doc: Y.Doc; undo: Y.UndoManager; paragraph: Y.XmlText } {
  const doc = new Y.Doc();
  setBodyLines(doc, ['Hội nghị có 63 điểm cầu.']);
  doc.transact(() => headline(doc).insert(0, 'Họp với 63 điểm cầu'), USER_ORIGIN);
  doc.transact(() => writeSuggested(headline(doc), 'Họp với 643 điểm cầu', undefined, writer('hoa')), USER_ORIGIN);
  const paragraph = (body(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const undo = createUndoManager(doc);
  return { doc, undo, paragraph };
}

/**
 * The two writes of Accept all, the body's (as y-tiptap writes it) ending `ms` after the
 * headline's: the manager is told its last change was that long ago (Yjs reads the clock itself).
 */
function acceptAll(doc: Y.Doc, undo: Y.UndoManager, paragraph: Y.XmlText, ms: number): void {
  doc.transact(() => settleTextSuggestions(headline(doc), 'all', true), USER_ORIGIN);
  if (undo.lastChange > 0) undo.lastChange -= ms;
  doc.transact(() => paragraph.format(0, 3, { bold: {} }), ySyncPluginKey);
}

describe('one undo step for several writes', () => {
  it('takes back the headline’s and the body’s part together, even when the body’s write ended seconds later', () => {
    const { doc, undo, paragraph } = article();
    const before = paragraph.toDelta() as unknown;
    asOneStep(undo, () => acceptAll(doc, undo, paragraph, 2000));
    expect(textSuggestions(headline(doc))).toEqual([]);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(textSuggestions(headline(doc))).toHaveLength(1);
    expect(paragraph.toDelta()).toEqual(before);
    // The capture time is the manager's own again: typing later is a step of its own.
    expect(undo.captureTimeout).toBe(500);
  });

  it('without it, a slow body write would be a step apart (why it exists)', () => {
    const { doc, undo, paragraph } = article();
    undo.stopCapturing();
    acceptAll(doc, undo, paragraph, 2000);
    expect(undo.undoStack).toHaveLength(2);
  });

  it('is not joined with the typing just before it', () => {
    const { doc, undo, paragraph } = article();
    doc.transact(() => paragraph.insert(0, 'Sáng nay, '), ySyncPluginKey);
    asOneStep(undo, () => acceptAll(doc, undo, paragraph, 0));
    expect(undo.undoStack).toHaveLength(2);
    undo.undo();
    expect(paragraph.toString()).toBe('Sáng nay, Hội nghị có 63 điểm cầu.');
  });
});
