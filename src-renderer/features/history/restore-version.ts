/**
 * Restoring a version on the page: main first saves the current text as a `restore` version,
 * then the chosen version's headline, lead and body are written into the page's replica as the
 * writer's own change, so it is saved like typing and Ctrl+Z undoes it. The page's undo manager
 * closes its current step before and after, so the restore is one step of its own: never merged
 * with the typing just before it or just after it.
 */
import * as Y from 'yjs';
import { restoreInto } from '../../../src-shared/article-restore';
import { desk } from '../../platform/api';
import { USER_ORIGIN } from '../article/origins';

export async function restoreVersion(articleId: string, doc: Y.Doc, version: string, undoManager?: Y.UndoManager): Promise<void> {
  await desk.history.snapshot({ id: articleId, reason: 'restore' });
  const { state } = await desk.history.get({ id: articleId, version });
  const source = new Y.Doc();
  try {
    Y.applyUpdate(source, state);
    undoManager?.stopCapturing();
    restoreInto(doc, source, USER_ORIGIN);
    undoManager?.stopCapturing();
  } finally {
    source.destroy();
  }
}
