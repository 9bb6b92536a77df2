/**
 * The preload of the desk window: the only code that touches `ipcRenderer`. It exposes
 * `window.desk`, one named function per contract operation and one subscription per event —
 * never a generic send or invoke. Bundled to `dist/preload.cjs`, which may require nothing but
 * `electron` (the window is sandboxed).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { makeDeskApi } from '../../src-shared/api';
import { ipcTransport } from './transport';

const api = makeDeskApi(ipcTransport(ipcRenderer));

contextBridge.exposeInMainWorld('desk', api);

export type DeskApi = typeof api;
