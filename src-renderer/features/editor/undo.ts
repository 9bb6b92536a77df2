/**
 * One undo history per open article, over the headline, the lead, the body, meta (slug,
 * byline), the event and the photos' entries (captions, order, featured, removal), tracking only the writer's own changes on this page (USER_ORIGINS). Changes from
 * other windows or devices arrive with REMOTE_ORIGIN and are never undone here: Yjs undoes the
 * writer's items only, whatever others did around them.
 *
 * One manager rather than one per field, as in Word: Ctrl+Z takes back the last thing the
 * writer did in this article, wherever it was; settling a conflict of a typed field (one
 * transaction, see src-shared/register.ts) is undone whole, bringing the conflict back. The rich editor uses this same manager
 * (handed to y-tiptap), and the plain fields call it on Ctrl+Z / Ctrl+Y.
 */
import { defaultDeleteFilter, defaultProtectedNodes } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { body, headline, meta, photos, sapo } from '../../../src-shared/article-doc';
import { eventMap } from '../../../src-shared/article-event';
import { USER_ORIGINS } from '../article/origins';

export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([headline(doc), sapo(doc), body(doc), meta(doc), eventMap(doc), photos(doc)], {
    trackedOrigins: new Set(USER_ORIGINS),
    // As y-tiptap's own manager: an emptied paragraph is not brought back as a ghost on undo.
    deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
    captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
  });
}

export type UndoKey = 'undo' | 'redo' | null;

/** Word's keys: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Y and Ctrl/Cmd+Shift+Z redo. */
export function undoKey(e: { readonly key: string; readonly ctrlKey: boolean; readonly metaKey: boolean; readonly shiftKey: boolean; readonly altKey: boolean }): UndoKey {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * Ctrl+Z / Ctrl+Y (and Shift+Z) in a field of the article page go to the article's one undo
 * history instead of the browser's. True when the key was taken.
 */
export function routeUndoKeys(
  e: Parameters<typeof undoKey>[0] & { preventDefault(): void },
  manager: Y.UndoManager | undefined,
): boolean {
  const which = manager ? undoKey(e) : null;
  if (!which || !manager) return false;
  e.preventDefault();
  if (which === 'undo') manager.undo();
  else manager.redo();
  return true;
}
