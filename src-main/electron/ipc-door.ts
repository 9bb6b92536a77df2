/**
 * The one IPC door of the main process (`ipc.ts` hands it the real `ipcMain`).
 *
 * Every call arrives on `IPC_CALL_CHANNEL` as `(op, input)`. Before the desk sees it, the
 * sender is checked: the frame that sent it must be the top frame of one of our windows, showing
 * the app's own origin; anything else is answered `forbiddenSender` and never reaches the desk.
 * Then `desk.dispatch` validates the operation and its payload against the contract (zod) and
 * answers an `Envelope` — errors cross as codes, never as thrown objects.
 *
 * Events go the other way: each attached window is a hub client (`win-<webContents id>`) whose
 * events are sent on `IPC_EVENT_CHANNEL` until the window is destroyed.
 *
 * It takes `ipcMain` and the windows' `webContents` as parameters, typed by the few members it
 * uses, so tests drive it with a fake `ipcMain` and fake senders against a real desk.
 */
import type { IpcMain } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Envelope } from '../../src-shared/contract';
import type { Desk } from '../services/desk';
import { isAppUrl } from './app-url';

/** The frame a message came from (Electron's `WebFrameMain`, as far as the check needs it). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** A window's renderer (Electron's `WebContents`, as far as the door needs it). */
export interface WindowContents {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** What `ipcMain.handle` passes as its first argument (Electron's `IpcMainInvokeEvent`). */
export interface CallEvent {
  readonly sender: WindowContents;
  readonly senderFrame: SenderFrame | null;
}

export type IpcMainDoor = Pick<IpcMain, 'handle' | 'removeHandler'>;

export interface IpcDoor {
  /** Trusts the window's renderer and sends it the desk's events; undone when it is destroyed. */
  attach(contents: WindowContents): () => void;
  /** Stops answering calls and detaches every window. */
  dispose(): void;
}

export type DeskDoorSide = Pick<Desk, 'dispatch' | 'hub'>;

export const clientIdOf = (contents: WindowContents): string => `win-${contents.id}`;

const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'forbiddenSender', params: {} } };

/** Only the top frame of a window we made, showing our own origin, may call the desk. */
export function trustedSender(event: CallEvent, isOurs: (contents: WindowContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || !isOurs(event.sender) || event.sender.isDestroyed()) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

export function createIpcDoor(ipcMain: IpcMainDoor, desk: DeskDoorSide): IpcDoor {
  const windows = new Map<WindowContents, () => void>();

  ipcMain.handle(IPC_CALL_CHANNEL, async (event: CallEvent, op: unknown, input: unknown) => {
    if (!trustedSender(event, (c) => windows.has(c))) return FORBIDDEN;
    return desk.dispatch(op, input, { client: clientIdOf(event.sender) });
  });

  function detach(contents: WindowContents): void {
    const disconnect = windows.get(contents);
    if (!disconnect) return;
    windows.delete(contents);
    disconnect();
  }

  return {
    attach(contents) {
      detach(contents);
      const disconnect = desk.hub.connect(clientIdOf(contents), (name, payload) => {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
      });
      windows.set(contents, disconnect);
      contents.once('destroyed', () => detach(contents));
      return () => detach(contents);
    },
    dispose() {
      ipcMain.removeHandler(IPC_CALL_CHANNEL);
      for (const contents of [...windows.keys()]) detach(contents);
    },
  };
}
