/**
 * The desk's transport over Electron IPC, as the preload builds it: calls are one `invoke` on
 * `IPC_CALL_CHANNEL`, events arrive on `IPC_EVENT_CHANNEL` and are handed to the listeners of
 * that event only. One IPC listener serves every subscription, registered while there is any.
 *
 * It takes `ipcRenderer` as a parameter (typed by the members it uses), so tests drive it with a
 * fake; `preload.ts` is the only file that passes the real one.
 */
import type { IpcRenderer } from 'electron';
import type { Transport } from '../../src-shared/api';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Envelope, type EventName } from '../../src-shared/contract';

export type IpcRendererSide = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

type Listener = (payload: unknown) => void;

export function ipcTransport(ipc: IpcRendererSide): Transport {
  const listeners = new Map<EventName, Set<Listener>>();
  let count = 0;

  const onEvent = (_event: unknown, name: unknown, payload: unknown): void => {
    const set = listeners.get(name as EventName);
    if (!set) return;
    for (const listener of [...set]) listener(payload);
  };

  return {
    invoke: (op, input) => ipc.invoke(IPC_CALL_CHANNEL, op, input) as Promise<Envelope<unknown>>,
    subscribe(event, listener) {
      // A fresh wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
      const entry: Listener = (payload) => listener(payload);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(entry);
      if (count++ === 0) ipc.on(IPC_EVENT_CHANNEL, onEvent);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(entry);
        if (set.size === 0) listeners.delete(event);
        if (--count === 0) ipc.removeListener(IPC_EVENT_CHANNEL, onEvent);
      };
    },
  };
}
