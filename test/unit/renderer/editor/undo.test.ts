import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, headline, meta, setText } from '../../../../src-shared/article-doc';
import { eventMap } from '../../../../src-shared/article-event';
import { addPhoto, movePhoto, readPhotos, removePhoto, setCaption } from '../../../../src-shared/article-photos';
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

describe('the article undo manager over photos and the event', () => {
  const FACTS = { id: 'a'.repeat(64), kind: 'jpeg', width: 640, height: 480, size: 1000, name: 'a.jpg', takenAt: null, camera: null, gps: null, embeddedCaption: null, embeddedCreator: null } as const;

  it("undoes a caption, a removal and a move of the writer's, never the photo main added", () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    // main adds two photos (its origin is not the writer's)
    doc.transact(() => {
      addPhoto(doc, FACTS, {}, 'vi');
      addPhoto(doc, { ...FACTS, id: 'b'.repeat(64) }, {}, 'vi');
    }, 'main');
    expect(undo.undoStack.length).toBe(0);

    doc.transact(() => setCaption(doc, 0, 'vi', 'Đại biểu dự hội nghị'), USER_ORIGIN);
    undo.stopCapturing();
    doc.transact(() => movePhoto(doc, 1, 0), USER_ORIGIN);
    undo.stopCapturing();
    doc.transact(() => removePhoto(doc, 1), USER_ORIGIN);
    expect(readPhotos(doc).map((p) => p.id)).toEqual(['b'.repeat(64)]);

    undo.undo(); // the removal
    expect(readPhotos(doc).map((p) => [p.id, p.captions.vi])).toEqual([
      ['b'.repeat(64), ''],
      ['a'.repeat(64), 'Đại biểu dự hội nghị'],
    ]);
    undo.undo(); // the move
    expect(readPhotos(doc).map((p) => p.id)).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    undo.undo(); // the caption
    expect(readPhotos(doc)[0]!.captions.vi).toBe('');
    undo.undo(); // nothing more: main's additions stay
    expect(readPhotos(doc)).toHaveLength(2);
  });

  it("undoes the writer's event edits", () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    doc.transact(() => eventMap(doc).set('title', 'Hội nghị'), USER_ORIGIN);
    undo.undo();
    expect(eventMap(doc).get('title')).toBeUndefined();
  });
});
