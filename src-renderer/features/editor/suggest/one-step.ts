/**
 * One undo step for what several writes do together — Accept all / Reject all settle the
 * headline's and the lead's suggestions (a Yjs transaction of the page) and then the body's
 * (y-tiptap's own transaction): Ctrl+Z must take all of it back at once.
 *
 * Y.UndoManager joins a transaction to the step before only when it comes within its capture
 * time (500 ms) of that step's last change; the body's write ends after y-tiptap has compared
 * the whole body, which in a long story on a busy machine may take longer — the body's part
 * would then be a step of its own. So the capture time is lifted while `run` writes, and the step is
 * closed before and after it, never joined with the typing around it.
 */
import type * as Y from 'yjs';

export function asOneStep(undoManager: Y.UndoManager, run: () => void): void {
  const captureTimeout = undoManager.captureTimeout;
  undoManager.stopCapturing();
  undoManager.captureTimeout = Number.POSITIVE_INFINITY;
  try {
    run();
  } finally {
    undoManager.captureTimeout = captureTimeout;
    undoManager.stopCapturing();
  }
}
