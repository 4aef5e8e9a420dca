// sync.status: before a workstation is connected to a sync server, the status
// area still shows what is waiting to be synced.
import type { CoreRuntime } from '../../app/core-runtime';
import type { HandlerMap } from '../handler-types';

export function syncHandlers(rt: CoreRuntime): HandlerMap<'sync.status'> {
  return {
    'sync.status': () => {
      rt.requireSession();
      const store = rt.store;
      const pending = store
        ? (store.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n
        : 0;
      return {
        connected: false,
        online: false,
        pendingChanges: pending,
        lastSyncAt: null,
        conflicts: 0,
        clockWarning: null,
        bootstrapProgress: null,
      };
    },
  };
}
