// The sandboxed preload: exposes `window.ehrbs`, one function per contract
// channel, each forwarding its request to the main process over IPC and
// resolving to the ApiResult, and `window.ehrbsDesktop`, the desktop app's own
// calls to main (shared/api/desktop.ts: the backup save dialog). Nothing else
// of Electron or Node reaches the page (contextIsolation keeps these objects
// copies, not live bridges).
// Sandboxed preloads cannot load ES modules or node_modules, so
// scripts/build.js bundles this file to a single CommonJS file (preload.cjs).
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/api/channels';
import type { ApiRequest, ApiResponse, ChannelName } from '../../shared/api/channels';
import type { ApiResult } from '../../shared/api/contract';
import { desktopIpc, type DesktopBridge } from '../../shared/api/desktop-bridge';

/** What the renderer finds at `window.ehrbs`. */
export type EhrbsApi = {
  readonly [N in ChannelName]: (request?: ApiRequest<N>) => Promise<ApiResult<ApiResponse<N>>>;
};

// Must match electron/main/ipc-handlers.ts (kept literal: the preload bundle
// should not pull in main-process modules).
const ipcChannelPrefix = 'api:';

const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
for (const name of channelNames) {
  // Exactly one argument crosses: the page cannot smuggle extra ones to main.
  api[name] = (request?: unknown) => ipcRenderer.invoke(ipcChannelPrefix + name, request);
}

contextBridge.exposeInMainWorld('ehrbs', Object.freeze(api) as EhrbsApi);

const desktop: DesktopBridge = {
  // One argument crosses, as above.
  saveBackupAs: (request) => ipcRenderer.invoke(desktopIpc.saveBackupAs, request),
};
contextBridge.exposeInMainWorld('ehrbsDesktop', Object.freeze(desktop));
