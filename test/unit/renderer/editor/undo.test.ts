import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, headline, meta, setText } from '../../../../src-shared/article-doc';
import { REMOTE_ORIGIN, USER_ORIGIN } from '../../../../src-renderer/features/article/origins';
import { createUndoManager, undoKey } from '../../../../src-renderer/features/editor/undo';

/** Another client's edit, arriving as main sends it: an update applied with the remote origin. */
function fromElsewhere(doc: Y.Doc, edit: (other: Y.Doc) => void): void {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  other.on('update', (u: Uint8Array) => updates.push(u));
  edit(other);
  for (const u of updates) Y.applyUpdate(doc, u, REMOTE_ORIGIN);
}

describe('the article undo manager', () => {
  it("undoes the writer's own change and leaves another client's change in place", () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    doc.transact(() => setText(headline(doc), 'Tít của A'), USER_ORIGIN);
    undo.stopCapturing();
    fromElsewhere(doc, (other) => headline(other).insert(0, 'Khẩn: '));
    expect(headline(doc).toString()).toBe('Khẩn: Tít của A');
    undo.undo();
    expect(headline(doc).toString()).toBe('Khẩn: ');
    undo.redo();
    expect(headline(doc).toString()).toBe('Khẩn: Tít của A');
  });

  it('never undoes a change that came from main', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    fromElsewhere(doc, (other) => setText(headline(other), 'Tít từ máy khác'));
    expect(undo.undoStack.length).toBe(0);
    undo.undo();
    expect(headline(doc).toString()).toBe('Tít từ máy khác');
  });

  it('takes back a headline change and the slug written with it in one step', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    doc.transact(() => {
      setText(headline(doc), 'Lũ về');
      meta(doc).set('slug', 'lu-ve');
    }, USER_ORIGIN);
    undo.undo();
    expect(headline(doc).toString()).toBe('');
    expect(meta(doc).get('slug')).toBeUndefined();
  });

  it('tracks the body too', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Đoạn một.')]);
      body(doc).insert(0, [p]);
    }, USER_ORIGIN);
    expect(body(doc).length).toBe(1);
    undo.undo();
    expect(body(doc).length).toBe(0);
  });
});

describe('undoKey', () => {
  const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });

  it("reads Word's undo and redo keys", () => {
    expect(undoKey(key('z', { ctrl: true }))).toBe('undo');
    expect(undoKey(key('Z', { meta: true }))).toBe('undo');
    expect(undoKey(key('y', { ctrl: true }))).toBe('redo');
    expect(undoKey(key('Z', { ctrl: true, shift: true }))).toBe('redo');
  });

  it('ignores other keys and plain typing', () => {
    expect(undoKey(key('z'))).toBeNull();
    expect(undoKey(key('b', { ctrl: true }))).toBeNull();
    expect(undoKey(key('z', { ctrl: true, alt: true }))).toBeNull();
  });
});
