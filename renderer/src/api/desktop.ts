// The desktop app's own calls to main (shared/api/desktop.ts), beside the
// core's contract in client.ts: present only in Electron, where the preload
// exposes `window.ehrbsDesktop`. The browser host offers downloads instead.
import type { DesktopBridge } from '../../../shared/api/desktop-bridge';
import type { SaveBackupAsResult } from '../../../shared/api/desktop';
import { ApiError } from './client';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by the preload via contextBridge). */
    ehrbsDesktop?: DesktopBridge;
  }
}

/** Whether this window can show the desktop's save dialog. */
export const hasSaveDialog = (): boolean => window.ehrbsDesktop !== undefined;

/** Asks (native dialog) where a copy of the listed backup goes; null when cancelled. */
export async function saveBackupAs(fileName: string): Promise<SaveBackupAsResult> {
  const bridge = window.ehrbsDesktop;
  if (!bridge) throw new Error('The save dialog exists only in the desktop app.');
  const result = await bridge.saveBackupAs({ fileName });
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
