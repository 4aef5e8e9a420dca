// Admin → Sync → Workstations through the real dispatch, two workstations
// and a real sync server (HTTPS, mutual TLS): the list merges the server's
// record with the synced devices rows, a rename reaches the server and the
// other workstation, and a revoked workstation is refused from then on and
// says so in its sync status.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { patientInput } from '../fixtures';
import { coreApps, HARBOUR_CLINIC } from '../helpers';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

async function refused(app: CoreApp, channel: ChannelName, request: unknown) {
  const res = await app.dispatch(channel, request);
  if (res.ok) throw new Error(`${channel} was expected to fail`);
  return res.error;
}

describe('workstations of a clinic, from Admin', () => {
  const apps = coreApps();
  let server: TestServer;
  let a: CoreApp;
  let b: CoreApp;
  let bId: string;

  beforeAll(async () => {
    server = await startTestServer();
    a = await apps.start();
    await ok(a, 'setup.createClinic', HARBOUR_CLINIC);
    await ok(a, 'sync.connect', {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      adminToken: server.adminToken,
      deviceName: 'Front desk',
    });
    const { code } = await ok(a, 'sync.enrollmentCode', {});
    b = await apps.start();
    await ok(b, 'setup.joinClinic', {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      code,
      deviceName: 'Consulting room 1',
    });
    await vi.waitFor(
      async () => expect((await ok(b, 'sync.status', {})).lastSyncAt).not.toBeNull(),
      { timeout: 30_000, interval: 100 },
    );
    bId = b.workstation.requireStore().deviceId;
    await ok(b, 'session.login', {
      email: HARBOUR_CLINIC.adminEmail,
      password: HARBOUR_CLINIC.adminPassword,
    });
    await ok(a, 'sync.now', {});
  }, 60_000);

  afterAll(async () => {
    apps.closeAll();
    await server.stop();
  });

  it('lists both workstations with their series, enrolment, last sync and status', async () => {
    const list = await ok(a, 'workstations.list', {});
    const aStore = a.workstation.requireStore();
    expect(list.map((w) => w.name).sort()).toEqual(['Consulting room 1', 'Front desk']);
    const mine = list.find((w) => w.thisWorkstation);
    const other = list.find((w) => w.deviceId === bId);
    expect(mine).toMatchObject({
      deviceId: aStore.deviceId,
      seriesCode: aStore.seriesCode,
      status: 'active',
      pendingChanges: aStore.outbox.pendingCount(),
    });
    expect(mine?.lastSyncAt).not.toBeNull();
    // The other workstation's series came with its synced devices row; its pending count is not known here.
    expect(other).toMatchObject({
      seriesCode: b.workstation.requireStore().seriesCode,
      status: 'active',
      pendingChanges: null,
      thisWorkstation: false,
      revokedAt: null,
    });
    expect(other?.lastSyncAt).not.toBeNull();
  });

  it('renames a workstation on the server and, through sync, on the other workstation', async () => {
    const renamed = await ok(a, 'workstations.rename', {
      deviceId: bId,
      name: 'Room 1 (Dr Okafor)',
    });
    expect(renamed.name).toBe('Room 1 (Dr Okafor)');
    expect((await server.server.store.listDevices()).find((d) => d.id === bId)?.name).toBe(
      'Room 1 (Dr Okafor)',
    );
    await ok(a, 'sync.now', {});
    await ok(b, 'sync.now', {});
    const bStore = b.workstation.requireStore();
    const row = bStore.read.prepare('SELECT name FROM devices WHERE id = ?').get(bId) as {
      name: string;
    };
    expect(row.name).toBe('Room 1 (Dr Okafor)');
  });

  it('refuses revoking the workstation in use, and a device of no such id', async () => {
    const self = a.workstation.requireStore().deviceId;
    expect(await refused(a, 'workstations.revoke', { deviceId: self })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await refused(a, 'workstations.revoke', { deviceId: '0190a0a0-0000-7000-8000-000000000000' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('revokes a workstation: the server refuses it, its status says so, its unsynced work is counted', async () => {
    // Work on B that never reaches the clinic.
    await ok(b, 'patients.create', patientInput({ familyName: 'Entry' }));
    const unsynced = b.workstation.requireStore().outbox.pendingCount();
    expect(unsynced).toBeGreaterThan(0);

    const revoked = await ok(a, 'workstations.revoke', { deviceId: bId });
    expect(revoked).toMatchObject({ status: 'revoked', deviceId: bId });
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.auditEntriesHeld).toBeGreaterThan(0);
    expect((await server.server.store.listDevices()).find((d) => d.id === bId)?.revokedAt).toBe(
      revoked.revokedAt,
    );
    const again = (await ok(a, 'workstations.list', {})).find((w) => w.deviceId === bId);
    expect(again?.status).toBe('revoked');

    const status = await ok(b, 'sync.now', {});
    expect(status).toMatchObject({ revoked: true, online: false, pendingChanges: unsynced });
    // The patient written on B after its last sync never reached the server.
    expect(
      (await ok(a, 'patients.search', { query: 'Entry', limit: 10 })).items.map(
        (p) => p.familyName,
      ),
    ).not.toContain('Entry');
    // Revoking is audited on the admin's workstation, naming the device only.
    const audit = a.workstation
      .requireStore()
      .read.prepare(
        "SELECT detail FROM audit_logs WHERE tableAffected = 'devices' AND recordId = ? AND action = 'update'",
      )
      .all(bId) as { detail: string }[];
    expect(audit.map((r) => r.detail)).toContain('workstation revoked');
  });
});
