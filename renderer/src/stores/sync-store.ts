// The status area's view of sync, polled from the core every 10 seconds while
// someone is logged in, and read again right after any call the core accepted
// (so "changes waiting" counts a registration or booking at once). Polling (rather than push) works the same over IPC and
// HTTP, and the call is a cheap local read.
import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/api/sync-status';
import { api, onCallSucceeded } from '../api/client';

export const SYNC_POLL_MS = 10_000;
/** After a local change, the status is read again this soon (one read for a burst of calls). */
export const AFTER_CHANGE_MS = 300;

/** Calls that change nothing, or that are the status itself: no re-read after them. */
const quiet = new Set(['sync.status', 'sync.now', 'session.touch', 'setup.status']);

interface SyncStore {
  status: SyncStatus | null;
  /** True when the last poll failed, so the area can say the status is unknown. */
  stale: boolean;
  poll(): Promise<void>;
  start(): () => void;
  /** One sync round now (the core waits for it); the answer is the new status. */
  syncNow(): Promise<SyncStatus>;
  /** Puts a status the core just returned (connect, join) in place. */
  set(status: SyncStatus): void;
}

export const useSync = create<SyncStore>()((set, get) => ({
  status: null,
  stale: false,

  async poll() {
    try {
      set({ status: await api('sync.status', {}), stale: false });
    } catch {
      set({ stale: true });
    }
  },

  /** Starts polling; returns the function that stops it (for an effect's cleanup). */
  start() {
    void get().poll();
    const timer = window.setInterval(() => void get().poll(), SYNC_POLL_MS);
    let soon: number | undefined;
    onCallSucceeded((channel) => {
      if (quiet.has(channel) || soon !== undefined) return;
      soon = window.setTimeout(() => {
        soon = undefined;
        void get().poll();
      }, AFTER_CHANGE_MS);
    });
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(soon);
      onCallSucceeded(null);
    };
  },

  async syncNow() {
    const status = await api('sync.now', {});
    set({ status, stale: false });
    return status;
  },

  set(status) {
    set({ status, stale: false });
  },
}));
