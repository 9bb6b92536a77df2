/**
 * Fakes of the Electron edge only (the binary cannot run here): an `ipcMain` that keeps its
 * handlers and lets a test invoke them, a window's `webContents` that records what it was sent,
 * and the event `ipcMain.handle` passes. Everything behind them is real.
 */
import { EventEmitter } from 'node:events';
import type { CallEvent, IpcMainDoor, SenderFrame, WindowContents } from '../../../../src-main/electron/ipc-door';
import { APP_ENTRY_URL } from '../../../../src-main/electron/app-url';

type Handler = (event: CallEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What the renderer's `ipcRenderer.invoke(channel, ...args)` would get back. */
  async invoke(channel: string, event: CallEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }

  /** Typed as the door expects it (the real `ipcMain` is checked against the same type in ipc.ts). */
  get door(): IpcMainDoor {
    return this as unknown as IpcMainDoor;
  }
}

let nextId = 1;

export class FakeWebContents extends EventEmitter implements WindowContents {
  readonly id = nextId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  private destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The window closed: Electron destroys its webContents and emits 'destroyed'. */
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** The top frame showing `url`. */
  frame(url: string = APP_ENTRY_URL): SenderFrame {
    return { url, parent: null };
  }

  /** An event as if this window's top frame (or `frame`) sent it. */
  event(frame: SenderFrame | null = this.frame()): CallEvent {
    return { sender: this, senderFrame: frame };
  }
}
