/**
 * How the desktop process lives and ends: a second start brings the window forward; closing the
 * last window quits (except on macOS, where the app stays until Quit and the dock icon reopens
 * the window); quitting, or SIGINT/SIGTERM, first closes the desk so every write is on disk.
 */
import { app } from 'electron';
import type { Desk } from '../services/desk';
import type { IpcDoor } from './ipc-door';
import type { DeskWindows } from './windows';

export function setupLifecycle(desk: Desk, ipc: IpcDoor, windows: DeskWindows): void {
  app.on('second-instance', () => windows.show());
  app.on('activate', () => windows.show());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    ipc.dispose();
    desk
      .close()
      .catch((err: unknown) => console.error('[desk] could not close cleanly:', err))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });

  process.on('SIGINT', () => app.quit());
  process.on('SIGTERM', () => app.quit());
}
