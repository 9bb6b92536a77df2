/**
 * The only code that touches `ipcMain`: it opens the desk's one IPC door on it. What the door
 * checks and answers is `ipc-door.ts`, which takes `ipcMain` as a parameter so tests can drive it.
 */
import { ipcMain } from 'electron';
import type { Desk } from '../services/desk';
import { createIpcDoor, type IpcDoor } from './ipc-door';

export function setupIpc(desk: Desk): IpcDoor {
  return createIpcDoor(ipcMain, desk);
}
