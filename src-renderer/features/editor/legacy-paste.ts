/**
 * A paste whose text was in a legacy Vietnamese encoding (TCVN3, VNI) and was converted to
 * Unicode on its way in (paste.ts): the writer is told, and may take the conversion back — the
 * paste is undone and its text put in as it came. The paste is made one undo step of its own
 * (capturing stops before and after it), so taking it back touches nothing else; once the writer
 * does anything more, the offer lapses.
 */
import type { Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { detectLegacy, type LegacyEncoding } from '../../../src-shared/text/legacy';

export interface LegacyPaste {
  readonly encoding: LegacyEncoding;
  /** The clipboard's text as it came, unconverted. */
  readonly raw: string;
  /** The undo step the paste made. */
  readonly step: unknown;
}

/** What a paste event holds in a legacy encoding (its plain text), or null. */
export function legacyOfPaste(event: ClipboardEvent): { readonly encoding: LegacyEncoding; readonly raw: string } | null {
  const raw = event.clipboardData?.getData('text/plain') ?? '';
  const encoding = raw ? detectLegacy(raw) : null;
  return encoding ? { encoding, raw } : null;
}

/** Marks the paste about to happen as an undo step of its own; calls `done` with it once made. */
export function isolatePaste(undoManager: Y.UndoManager, done: (step: unknown) => void): void {
  undoManager.stopCapturing();
  setTimeout(() => {
    undoManager.stopCapturing();
    done(undoManager.undoStack.at(-1) ?? null);
  }, 0);
}

/** Takes the conversion back, if the paste is still the last thing done; returns whether it did. */
export function keepAsPasted(editor: Editor, undoManager: Y.UndoManager, paste: LegacyPaste): boolean {
  if (paste.step === null || undoManager.undoStack.at(-1) !== paste.step) return false;
  undoManager.undo();
  const lines = paste.raw.replace(/\r\n?/g, '\n').split('\n');
  const content = lines.length === 1 ? paste.raw : lines.map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] }));
  editor.chain().focus().insertContent(content).run();
  return true;
}
