/**
 * The preload's transport (src-main/preload/transport.ts) wired to the IPC door through fakes
 * of Electron's two IPC ends, against a real desk: `window.desk` as the renderer gets it.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDeskApi, type DeskApi } from '../../../src-shared/api';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, OP_NAMES } from '../../../src-shared/contract';
import { DeskError, toErrorPayload } from '../../../src-shared/errors';
import { createIpcDoor, type IpcDoor } from '../../../src-main/electron/ipc-door';
import { ipcTransport, type IpcRendererSide } from '../../../src-main/preload/transport';
import type { Desk } from '../../../src-main/services/desk';
import { openTestDesk } from '../../support/desk';
import { tempDirs } from '../../support/temp';
import { FakeIpcMain, FakeWebContents } from './fakes/electron-edge';

/** The renderer end: invoke goes to the fake ipcMain as this window; what main sends comes back here. */
class FakeIpcRenderer extends EventEmitter {
  constructor(
    private readonly main: FakeIpcMain,
    private readonly contents: FakeWebContents,
  ) {
    super();
    const send = contents.send.bind(contents);
    contents.send = (channel: string, ...args: unknown[]) => {
      send(channel, ...args);
      this.emit(channel, { sender: this }, ...args);
    };
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.main.invoke(channel, this.contents.event(), ...args);
  }

  get side(): IpcRendererSide {
    return this as unknown as IpcRendererSide;
  }
}

const temp = tempDirs();
let desk: Desk;
let door: IpcDoor;
let renderer: FakeIpcRenderer;
let api: DeskApi;

beforeEach(async () => {
  desk = await openTestDesk(await temp.make());
  const ipcMain = new FakeIpcMain();
  door = createIpcDoor(ipcMain.door, desk);
  const win = new FakeWebContents();
  door.attach(win);
  renderer = new FakeIpcRenderer(ipcMain, win);
  api = makeDeskApi(ipcTransport(renderer.side));
});

afterEach(async () => {
  door.dispose();
  await desk.close();
  await temp.cleanup();
});

describe('window.desk over IPC', () => {
  it('has one function per operation and calls go through the one call channel', async () => {
    const created = await api.article.create({ language: 'vi' });
    const list = await api.library.list({ trashed: false });
    expect(list.map((a) => a.id)).toEqual([created.id]);
    const opened = await api.article.open({ id: created.id });
    expect(opened.state).toBeInstanceOf(Uint8Array);
    expect(Object.keys(api).sort()).toEqual(['admin', 'app', 'article', 'export', 'glossary', 'history', 'library', 'on', 'outbox', 'photo', 'place', 'settings', 'spell', 'sync', 'translation', 'workflow']);
    expect(Object.keys(api).sort()).toEqual([...new Set(OP_NAMES.map((op) => op.split(':')[0]!)), 'on'].sort());
    expect(renderer.eventNames()).toEqual([]);
    expect(IPC_CALL_CHANNEL).not.toBe(IPC_EVENT_CHANNEL);
  });

  it('rejects a malformed call with a DeskError whose message survives the contextBridge', async () => {
    // @ts-expect-error: the renderer's types forbid it; a compromised page could still send it.
    const failing = api.article.open({ id: 42 });
    await expect(failing).rejects.toBeInstanceOf(DeskError);
    const err = (await failing.then(
      () => null,
      (e: unknown) => e,
    )) as DeskError;
    expect(err.code).toBe('invalidPayload');
    // The contextBridge hands the page a plain Error with the same message only.
    expect(toErrorPayload(new Error(err.message))).toEqual({ code: 'invalidPayload', params: { op: 'article:open', field: 'id' } });
  });

  it('delivers each event to its own listeners only, and unsubscribing stops them', async () => {
    const settings: string[] = [];
    const library: number[] = [];
    const offSettings = api.on['settings:changed']((s) => settings.push(s.language));
    const offLibrary = api.on['library:changed'](() => library.push(1));
    expect(renderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);

    await api.settings.update({ language: 'en' });
    expect(settings).toEqual(['en']);

    offSettings();
    offSettings();
    await api.settings.update({ language: 'vi' });
    expect(settings).toEqual(['en']);
    expect(renderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);

    offLibrary();
    expect(renderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    expect(library).toEqual([]);
  });

  it('lets the same listener subscribe twice, each subscription undone on its own', async () => {
    const seen: string[] = [];
    const listener = (s: { language: string }) => seen.push(s.language);
    const a = api.on['settings:changed'](listener);
    const b = api.on['settings:changed'](listener);
    await api.settings.update({ language: 'en' });
    expect(seen).toEqual(['en', 'en']);
    a();
    await api.settings.update({ language: 'vi' });
    expect(seen).toEqual(['en', 'en', 'vi']);
    b();
  });
});
