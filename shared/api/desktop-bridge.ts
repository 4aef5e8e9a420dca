// The desktop app's bridge (`window.ehrbsDesktop`) and its IPC channel names:
// what renderer, preload and main agree on. Kept apart from desktop.ts's
// schemas so the sandboxed preload's bundle stays free of zod (see
// scripts/build.js): only types are imported from there.
import type { ApiResult } from './contract';
import type { SaveBackupAsRequest, SaveBackupAsResult } from './desktop';

/** What the renderer finds at `window.ehrbsDesktop` in the desktop app. */
export interface DesktopBridge {
  saveBackupAs(request: SaveBackupAsRequest): Promise<ApiResult<SaveBackupAsResult>>;
}

/** The IPC channel of each desktop call (preload and main both use these). */
export const desktopIpc = { saveBackupAs: 'desktop:saveBackupAs' } as const;
