// Registers one ipcMain handler per contract channel ('api:<name>'), the IPC
// side of the preload's `window.ehrbs[name](request)`. Every call is checked
// for its sender and then handed to the core's dispatch, which validates the
// request. A handler never throws: Electron would pass a thrown error's
// message (which could hold anything) to the renderer, so failures are
// returned as an ApiResult with a sanitised error payload instead.
import type { ApiResult } from '../../shared/api/contract';
import { channelNames } from '../../shared/api/channels';
import { AppError, toErrorPayload } from '../../shared/errors';
import type { Dispatch } from '../core/api/dispatch';
import { isTrustedSender } from './ipc-sender';
import type { SenderFrame } from './ipc-sender';

export const ipcChannelPrefix = 'api:';

export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The parts of Electron's ipcMain used here (a fake in tests). */
export interface IpcRegistry {
  handle(
    channel: string,
    listener: (event: InvokeEvent, request: unknown) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface IpcLog {
  /** Told the channel name only: never the request, which may hold patient data. */
  refusedSender(channel: string): void;
}

export function registerIpcHandlers(ipc: IpcRegistry, dispatch: Dispatch, log: IpcLog): () => void {
  for (const name of channelNames) {
    ipc.handle(ipcChannelPrefix + name, async (event, request): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        log.refusedSender(name);
        return {
          ok: false,
          error: toErrorPayload(new AppError('FORBIDDEN', 'This window may not use the app.')),
        };
      }
      try {
        return await dispatch(name, request);
      } catch (e) {
        // dispatch promises never to throw; if it does, the details stay here.
        return { ok: false, error: toErrorPayload(e) };
      }
    });
  }
  return () => {
    for (const name of channelNames) ipc.removeHandler(ipcChannelPrefix + name);
  };
}
