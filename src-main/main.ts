/**
 * Bàn Tin's desktop process, as a table of contents. Each step lives in `electron/`; the desk
 * itself (storage, articles, the contract's handlers) is `services/`, the same as in web mode.
 */
import { app } from 'electron';
import { setupDesk } from './electron/desk-boot';
import { setupIpc } from './electron/ipc';
import { EXIT_DESK_REFUSED } from './electron/launch';
import { setupLifecycle } from './electron/lifecycle';
import { setupMenu } from './electron/menu';
import { setupPaths } from './electron/paths';
import { setupProtocol } from './electron/protocol';
import { setupPermissions, setupSecurity } from './electron/security';
import { setupSingleInstance } from './electron/single-instance';
import { setupWindows } from './electron/windows';

async function main(): Promise<void> {
  const launch = setupPaths();
  setupSecurity();
  if (!setupSingleInstance()) return;

  await app.whenReady();
  setupPermissions();
  setupProtocol(launch.rendererDir);
  const desk = await setupDesk(launch.dataDir);
  if (!desk) return app.exit(EXIT_DESK_REFUSED);
  const ipc = setupIpc(desk);
  const windows = setupWindows(desk, ipc, launch);
  setupLifecycle(desk, ipc, windows);
  await setupMenu(desk, windows, launch);
  windows.show();
}

main().catch((err: unknown) => {
  console.error('[main] Bàn Tin could not start:', err);
  app.exit(1);
});
