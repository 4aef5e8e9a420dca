// The main process's log lines. Only fixed text, channel names and URL
// scheme+host go in: never requests, answers or paths, which may identify
// patients.
import type { NavigationLog } from './navigation-guard';
import type { IpcLog } from './ipc-handlers';

export const mainLog: NavigationLog &
  IpcLog & { failedToStart(code: string): void; info(text: string): void } = {
  refused: (what, target) => console.warn(`[ehrbs] refused ${what} to ${target}`),
  refusedSender: (channel) =>
    console.warn(`[ehrbs] refused IPC call ${channel} from another frame`),
  failedToStart: (code) => console.error(`[ehrbs] could not open the clinic store (${code})`),
  info: (text) => console.log(`[ehrbs] ${text}`),
};
