// Sync as the renderer sees it: the status area, "sync now", the Conflicts
// view, connecting this clinic to a sync server and issuing enrollment codes.
import type { ChannelInput } from '../../../shared/api/channels';
import type { SyncConflict, SyncStatus } from '../../../shared/api/sync-status';
import { appointmentView } from '../services/appointment-views';
import { requireCap, type Session } from '../services/session';
import { appointmentConflicts } from '../sync/conflicts';
import { cancelEnrollmentCode, connectClinic, createEnrollmentCode } from '../sync/enrollment';
import type { Workstation } from './workstation';

export class SyncService {
  constructor(private readonly ws: Workstation) {}

  /** No patient data: available before login too (a joining workstation shows its bootstrap progress). */
  status(): SyncStatus {
    const store = this.ws.store;
    const s = this.ws.scheduler?.state;
    return {
      connected: s?.connected ?? false,
      online: s?.online ?? false,
      pendingChanges: store ? store.outbox.pendingCount() : 0,
      lastSyncAt: s?.lastSyncAt ?? store?.sync.lastSyncAt ?? null,
      conflicts: s?.conflicts ?? 0,
      clockWarning: s?.clockWarning || null,
      auditWarning: store?.sync.auditWarning ?? null,
      bootstrapProgress: s?.bootstrapProgress ?? null,
      revoked: s?.revoked ?? false,
    };
  }

  async now(_session: Session): Promise<SyncStatus> {
    await this.ws.scheduler?.runRound();
    return this.status();
  }

  conflicts(session: Session): SyncConflict[] {
    requireCap(session, 'appointments.read');
    const store = this.ws.requireStore();
    const out: SyncConflict[] = [];
    for (const c of appointmentConflicts(store)) {
      const [x, y] = c.appointmentIds.map((id) =>
        appointmentView(store, session.actor.tenantId, id),
      );
      if (x && y) out.push({ kind: c.kind, appointments: [x, y] });
    }
    return out;
  }

  async connect(session: Session, r: ChannelInput<'sync.connect'>): Promise<SyncStatus> {
    requireCap(session, 'sync.manage');
    await connectClinic(this.ws.requireStore(), r);
    this.ws.startSync();
    await this.ws.scheduler?.runRound();
    return this.status();
  }

  async enrollmentCode(session: Session): Promise<{ code: string; expiresAt: string }> {
    requireCap(session, 'devices.manage');
    const store = this.ws.requireStore();
    const res = await createEnrollmentCode(store);
    store.audit(session.actor, 'create', 'devices', null, 'enrollment code issued');
    return res;
  }

  async cancelEnrollmentCode(
    session: Session,
    r: ChannelInput<'sync.cancelEnrollmentCode'>,
  ): Promise<{ cancelled: true }> {
    requireCap(session, 'devices.manage');
    const store = this.ws.requireStore();
    await cancelEnrollmentCode(store, r.code);
    store.audit(session.actor, 'update', 'devices', null, 'enrollment code cancelled');
    return { cancelled: true };
  }
}
