// The unread totals behind the Messages badge: fetched when the badge appears,
// every few seconds, after a sync round brought changes, and whenever the
// Messages screen reads or sends something.
import { create } from 'zustand';
import { api } from '../../api/client';

interface UnreadStore {
  unread: number;
  urgent: number;
  /** Bumped on every refresh that changed the totals, so open lists reload too. */
  version: number;
  refresh(): Promise<void>;
}

export const useUnread = create<UnreadStore>()((set, get) => ({
  unread: 0,
  urgent: 0,
  version: 0,
  async refresh() {
    try {
      const next = await api('messages.unread', {});
      const { unread, urgent, version } = get();
      if (next.unread !== unread || next.urgent !== urgent) set({ ...next, version: version + 1 });
    } catch {
      // Logged out or locked in the meantime: the badge keeps its last value.
    }
  },
}));
