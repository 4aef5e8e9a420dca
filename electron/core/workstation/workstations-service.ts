// Admin → Sync → Workstations. The sync server is the authority on which
// workstations are enrolled and revoked; this store's synced `devices` rows
// add each one's number series and carry renames and revocations to every
// workstation. Only this workstation's own pending changes are known here.
import type { ChannelInput } from '../../../shared/api/channels';
import type { WorkstationView } from '../../../shared/api/workstations';
import type { Device } from '../../../shared/domain/device';
import { AppError } from '../../../shared/errors';
import type { ServerDevice } from '../../../shared/sync/devices';
import type { ClinicStore } from '../clinic/clinic-store';
import { requireCap, type Session } from '../services/session';
import { listServerDevices, renameServerDevice, revokeServerDevice } from '../sync/devices-client';
import type { Workstation } from './workstation';

export class WorkstationsService {
  constructor(private readonly ws: Workstation) {}

  private localRows(tenantId: string): Map<string, Device> {
    return new Map(
      this.ws
        .services()
        .repos.devices.list(tenantId)
        .map((d) => [d.id, d]),
    );
  }

  private view(store: ClinicStore, d: ServerDevice, local: Device | undefined): WorkstationView {
    const mine = d.deviceId === store.deviceId;
    return {
      deviceId: d.deviceId,
      name: d.name,
      seriesCode: local?.seriesCode ?? null,
      enrolledAt: d.enrolledAt,
      lastSyncAt: mine ? (this.ws.scheduler?.state.lastSyncAt ?? d.lastSeenAt) : d.lastSeenAt,
      pendingChanges: mine ? store.outbox.pendingCount() : null,
      status: d.revokedAt === null ? 'active' : 'revoked',
      revokedAt: d.revokedAt,
      thisWorkstation: mine,
      auditEntriesHeld: d.auditEntriesHeld,
    };
  }

  async list(session: Session): Promise<WorkstationView[]> {
    requireCap(session, 'devices.manage');
    const store = this.ws.requireStore();
    const local = this.localRows(session.actor.tenantId);
    return (await listServerDevices(store)).map((d) => this.view(store, d, local.get(d.deviceId)));
  }

  private async one(session: Session, deviceId: string): Promise<WorkstationView> {
    const found = (await this.list(session)).find((w) => w.deviceId === deviceId);
    if (!found) throw new AppError('NOT_FOUND', 'This clinic has no such workstation.');
    return found;
  }

  async rename(session: Session, r: ChannelInput<'workstations.rename'>): Promise<WorkstationView> {
    requireCap(session, 'devices.manage');
    const store = this.ws.requireStore();
    await renameServerDevice(store, r.deviceId, r.name);
    // The synced row carries the name to the other workstations (the series stays).
    const repo = this.ws.services().repos.devices;
    if (repo.find(session.actor.tenantId, r.deviceId))
      repo.update(session.actor, r.deviceId, { name: r.name });
    else store.audit(session.actor, 'update', 'devices', r.deviceId, 'workstation renamed');
    if (r.deviceId === store.deviceId) store.sync.deviceName = r.name;
    return this.one(session, r.deviceId);
  }

  async revoke(session: Session, r: ChannelInput<'workstations.revoke'>): Promise<WorkstationView> {
    requireCap(session, 'devices.manage');
    const store = this.ws.requireStore();
    if (r.deviceId === store.deviceId) {
      throw new AppError(
        'CONFLICT',
        'This is the workstation you are using. Revoke it from another workstation of the clinic.',
      );
    }
    const revoked = await revokeServerDevice(store, r.deviceId);
    const repo = this.ws.services().repos.devices;
    const local = repo.find(session.actor.tenantId, r.deviceId);
    if (local && local.revokedAt === null)
      repo.update(session.actor, r.deviceId, { revokedAt: revoked.revokedAt });
    store.audit(session.actor, 'update', 'devices', r.deviceId, 'workstation revoked');
    return this.view(store, revoked, repo.find(session.actor.tenantId, r.deviceId) ?? undefined);
  }
}
