/**
 * The IPC door (src-main/electron/ipc.ts) against a real desk on a temporary folder; only
 * ipcMain, the windows' webContents and the invoke event are fakes (the Electron edge).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Envelope } from '../../../src-shared/contract';
import type { ArticleSummary } from '../../../src-shared/models';
import { APP_ENTRY_URL } from '../../../src-main/electron/app-url';
import { clientIdOf, createIpcDoor, trustedSender, type IpcDoor } from '../../../src-main/electron/ipc-door';
import type { Desk } from '../../../src-main/services/desk';
import { ok, openTestDesk } from '../../support/desk';
import { tempDirs } from '../../support/temp';
import { FakeIpcMain, FakeWebContents } from './fakes/electron-edge';

const temp = tempDirs();
let desk: Desk;
let ipcMain: FakeIpcMain;
let door: IpcDoor;
let win: FakeWebContents;
/** Every call that reached the desk, to prove refused ones never do. */
let reached: Array<{ op: unknown; client: string }>;

beforeEach(async () => {
  desk = await openTestDesk(await temp.make());
  reached = [];
  const dispatch = desk.dispatch;
  const counted = {
    hub: desk.hub,
    dispatch: ((op, input, ctx) => {
      reached.push({ op, client: ctx.client });
      return dispatch(op, input, ctx);
    }) satisfies Desk['dispatch'],
  };
  ipcMain = new FakeIpcMain();
  door = createIpcDoor(ipcMain.door, counted);
  win = new FakeWebContents();
  door.attach(win);
});

afterEach(async () => {
  door.dispose();
  await desk.close();
  await temp.cleanup();
});

const call = (event: ReturnType<FakeWebContents['event']>, op: unknown, input?: unknown) =>
  ipcMain.invoke(IPC_CALL_CHANNEL, event, op, input) as Promise<Envelope<unknown>>;

describe('the IPC door refuses a foreign sender without reaching the desk', () => {
  it('a frame showing another origin', async () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'bantin://evil/index.html', 'bantin://app:8080/index.html', 'http://127.0.0.1/', 'about:blank']) {
      const result = await call(win.event(win.frame(url)), 'library:list', { trashed: false });
      expect(result, url).toEqual({ ok: false, error: { code: 'forbiddenSender', params: {} } });
    }
    expect(reached).toEqual([]);
  });

  it('a webContents that is not one of our windows, even showing our origin', async () => {
    const stranger = new FakeWebContents();
    const result = await call(stranger.event(), 'library:list', { trashed: false });
    expect(result).toEqual({ ok: false, error: { code: 'forbiddenSender', params: {} } });
    expect(reached).toEqual([]);
  });

  it('a sub-frame of our window, and a message whose frame is gone', async () => {
    expect(await call(win.event({ url: APP_ENTRY_URL, parent: win.frame() }), 'library:list', { trashed: false })).toMatchObject({ error: { code: 'forbiddenSender' } });
    expect(await call(win.event(null), 'library:list', { trashed: false })).toMatchObject({ error: { code: 'forbiddenSender' } });
    expect(reached).toEqual([]);
  });

  it('a window that was closed', async () => {
    win.destroy();
    expect(await call(win.event(), 'library:list', { trashed: false })).toMatchObject({ error: { code: 'forbiddenSender' } });
    expect(reached).toEqual([]);
  });

  it('trustedSender decides the same on its own', () => {
    const ours = (c: unknown) => c === win;
    expect(trustedSender(win.event(), ours)).toBe(true);
    expect(trustedSender(win.event(win.frame('https://example.com/')), ours)).toBe(false);
    expect(trustedSender(new FakeWebContents().event(), ours)).toBe(false);
  });
});

describe('the IPC door checks the payload through the real desk', () => {
  it('refuses a malformed payload with invalidPayload', async () => {
    const result = await call(win.event(), 'article:open', { id: 42 });
    expect(result).toEqual({ ok: false, error: { code: 'invalidPayload', params: { op: 'article:open', field: 'id' } } });
  });

  it('refuses extra fields and a missing payload where one is required', async () => {
    expect(await call(win.event(), 'article:create', { language: 'vi', admin: true })).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
    expect(await call(win.event(), 'article:create')).toMatchObject({ ok: false, error: { code: 'invalidPayload' } });
  });

  it('refuses an unknown operation', async () => {
    expect(await call(win.event(), 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknownOperation' } });
    expect(await call(win.event(), { toString: () => 'x' }, {})).toMatchObject({ ok: false, error: { code: 'unknownOperation' } });
  });
});

describe('a good call', () => {
  it('goes through as the window and returns the real result', async () => {
    const created = ok((await call(win.event(), 'article:create', { language: 'vi' })) as Envelope<ArticleSummary>);
    expect(created.language).toBe('vi');
    expect(reached).toEqual([{ op: 'article:create', client: `win-${win.id}` }]);
    const listed = ok((await call(win.event(), 'library:list', { trashed: false })) as Envelope<ArticleSummary[]>);
    expect(listed.map((a) => a.id)).toEqual([created.id]);
    expect(clientIdOf(win)).toBe(`win-${win.id}`);
  });
});

describe('events', () => {
  const eventsOf = (w: FakeWebContents, name: string) => w.sent.filter((s) => s.channel === IPC_EVENT_CHANNEL && s.args[0] === name);

  it('reach every attached window on the event channel, and stop once it is closed', async () => {
    const other = new FakeWebContents();
    door.attach(other);
    await desk.updateSettings({ language: 'en' });
    expect(eventsOf(win, 'settings:changed').map((s) => s.args[1])).toEqual([expect.objectContaining({ language: 'en' })]);
    expect(eventsOf(other, 'settings:changed')).toHaveLength(1);

    other.destroy();
    await desk.updateSettings({ language: 'vi' });
    expect(eventsOf(win, 'settings:changed')).toHaveLength(2);
    expect(eventsOf(other, 'settings:changed')).toHaveLength(1);
  });

  it('send an article update only to the other window that holds the article', async () => {
    const other = new FakeWebContents();
    door.attach(other);
    const created = ok((await call(win.event(), 'article:create', { language: 'vi' })) as Envelope<ArticleSummary>);
    const opened = ok((await call(win.event(), 'article:open', { id: created.id })) as Envelope<{ state: Uint8Array }>);
    ok(await call(other.event(), 'article:open', { id: created.id }));

    const Y = await import('yjs');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, opened.state);
    const before = Y.encodeStateVector(doc);
    doc.getMap('meta').set('section', 'Thời sự');
    const update = Y.encodeStateAsUpdate(doc, before);
    ok(await call(win.event(), 'article:update', { id: created.id, update }));

    expect(eventsOf(win, 'article:changed')).toHaveLength(0);
    const got = eventsOf(other, 'article:changed');
    expect(got).toHaveLength(1);
    expect(got[0]!.args[1]).toMatchObject({ id: created.id });
  });

  it('stop for a window detached by hand, and dispose stops answering calls', async () => {
    const other = new FakeWebContents();
    const detach = door.attach(other);
    detach();
    await desk.updateSettings({ language: 'en' });
    expect(eventsOf(other, 'settings:changed')).toHaveLength(0);
    expect(await call(other.event(), 'library:list', { trashed: false })).toMatchObject({ error: { code: 'forbiddenSender' } });

    door.dispose();
    await expect(call(win.event(), 'library:list', { trashed: false })).rejects.toThrow(/No handler/);
  });
});
