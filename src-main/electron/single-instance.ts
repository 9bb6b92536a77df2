/**
 * One process per desk: a second start on the same desk hands over to the first (which shows
 * its window, see `lifecycle.ts`) and quits. Before `app.whenReady()`.
 */
import { app } from 'electron';

export function setupSingleInstance(): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}
