/**
 * The renderer's one door to main, and the only reader of `window.desk`.
 *
 * In Electron the preload exposes `window.desk` (one function per operation, built with
 * `makeDeskApi` over IPC). Anywhere else the page was served by web mode, and the same
 * `DeskApi` is built over HTTP + WebSocket.
 */
import { makeDeskApi, type DeskApi } from '../../src-shared/api';
import { createWebTransport } from './web-transport';

declare global {
  interface Window {
    readonly desk?: DeskApi;
  }
}

export type PlatformMode = 'electron' | 'web';

function choose(): { readonly desk: DeskApi; readonly mode: PlatformMode; readonly onReconnect: (listener: () => void) => () => void } {
  const exposed = window.desk;
  if (exposed) return { desk: exposed, mode: 'electron', onReconnect: () => () => undefined };
  const transport = createWebTransport();
  return { desk: makeDeskApi(transport), mode: 'web', onReconnect: (l) => transport.onReconnect(l) };
}

const chosen = choose();

export const desk: DeskApi = chosen.desk;
export const platformMode: PlatformMode = chosen.mode;

/**
 * Runs `listener` whenever the link to main was lost and is back (web mode's socket). Whoever
 * holds a replica re-opens it then: main may have changed it while events could not arrive.
 */
export function onReconnect(listener: () => void): () => void {
  return chosen.onReconnect(listener);
}
