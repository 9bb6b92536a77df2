/**
 * The desk's host in Electron: a native save dialog proposing the package's name in the user's
 * Downloads folder, over the focused window. The services ask it; it only answers with a path.
 */
import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import type { DeskHost } from '../services/handlers/types';

export function electronHost(): DeskHost {
  return {
    async chooseSaveFile(suggestedName) {
      const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName), filters: [{ name: 'ZIP', extensions: ['zip'] }] };
      const parent = BrowserWindow.getFocusedWindow();
      const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
