// sync.*: the status area, the Conflicts view, connecting a clinic to a sync
// server, enrollment codes, and joining a clinic on a new workstation.
import type { SyncConflict, SyncStatus } from '../../../../shared/api/sync-status';
import { AppError } from '../../../../shared/errors';
import type { CoreRuntime } from '../../app/core-runtime';
import { requireCap } from '../../services/session';
import { appointmentView } from '../../services/appointment-views';
import { appointmentConflicts } from '../../sync/conflicts';
import { connectClinic, createEnrollmentCode, joinClinic } from '../../sync/enrollment';
import { pendingChangeCount } from '../../sync/outbox';
import { getMeta } from '../../store/local-meta';
import type { HandlerMap } from '../handler-types';

type SyncChannels =
  | 'sync.status'
  | 'sync.now'
  | 'sync.conflicts'
  | 'sync.connect'
  | 'sync.enrollmentCode'
  | 'setup.joinClinic';

export function syncStatusOf(rt: CoreRuntime): SyncStatus {
  const store = rt.store;
  const s = rt.scheduler?.state;
  return {
    connected: s?.connected ?? false,
    online: s?.online ?? false,
    pendingChanges: store ? pendingChangeCount(store) : 0,
    lastSyncAt: s?.lastSyncAt ?? (store ? getMeta(store.db, 'sync:lastSyncAt') : null),
    conflicts: s?.conflicts ?? 0,
    clockWarning: s?.clockWarning || null,
    bootstrapProgress: s?.bootstrapProgress ?? null,
  };
}

export function syncHandlers(rt: CoreRuntime): HandlerMap<SyncChannels> {
  return {
    // No patient data here: available before login too (a joining workstation shows bootstrap progress).
    'sync.status': () => syncStatusOf(rt),
    'sync.now': async () => {
      rt.requireSession();
      await rt.scheduler?.runRound();
      return syncStatusOf(rt);
    },
    'sync.conflicts': () => {
      const { session } = rt.requireSession();
      requireCap(session, 'appointments.read');
      const store = rt.store;
      if (!store) return [];
      const out: SyncConflict[] = [];
      for (const c of appointmentConflicts(store)) {
        const [x, y] = c.appointmentIds.map((id) =>
          appointmentView(store, session.actor.tenantId, id),
        );
        if (x && y) out.push({ kind: c.kind, appointments: [x, y] });
      }
      return out;
    },
    'sync.connect': async (r) => {
      const { session } = rt.requireSession();
      requireCap(session, 'sync.manage');
      const store = rt.store;
      if (!store) throw new AppError('STORE_MISSING', 'No EHRBS store is open.');
      await connectClinic(store, r);
      rt.startSync();
      await rt.scheduler?.runRound();
      return syncStatusOf(rt);
    },
    'sync.enrollmentCode': async () => {
      const { session } = rt.requireSession();
      requireCap(session, 'devices.manage');
      const store = rt.store;
      if (!store) throw new AppError('STORE_MISSING', 'No EHRBS store is open.');
      const res = await createEnrollmentCode(store);
      store.audit(session.actor, 'create', 'devices', null, 'enrollment code issued');
      return res;
    },
    'setup.joinClinic': async (r) => {
      if (rt.store)
        throw new AppError('STORE_EXISTS', 'This workstation already has a clinic store.');
      const store = await joinClinic(rt.dataDir, rt.keyWrapper, { ...r, now: rt.now });
      rt.attach(store);
      return syncStatusOf(rt);
    },
  };
}
