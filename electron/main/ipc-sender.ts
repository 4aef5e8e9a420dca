// Every IPC call is checked for who sent it (Electron security checklist #17):
// only the main frame of our own app:// page may call the core. An iframe, or
// a page the window was somehow navigated to, gets nothing.
import { isAppUrl } from './app-origin';

/** The parts of Electron's WebFrameMain the check reads (a fake in tests). */
export interface SenderFrame {
  readonly url: string;
  /** null for a top-level (main) frame. */
  readonly parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  // senderFrame is null when the frame has navigated away or been destroyed.
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
