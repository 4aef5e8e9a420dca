// Two workstations and one sync server over real HTTPS with mutual TLS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { servicesFor } from '../../../electron/core/services/services';
import { verifyAuditChains } from '../../../electron/core/audit/verify-chain';
import { appointmentConflicts } from '../../../electron/core/sync/conflicts';
import {
  connectClinic,
  cancelEnrollmentCode,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { patientInput } from '../fixtures';
import { tempDir, testWrapper } from '../helpers';
import { clinicWorld } from '../world';
import { auditRows, replicaContent } from './replicas';
import { writableDb } from '../../../electron/core/clinic/writable-db';

describe('two workstations and a sync server', () => {
  let server: TestServer;
  let a: Awaited<ReturnType<typeof clinicWorld>>;
  let bStore: ClinicStore;
  let bDir: { dir: string; cleanup: () => void };
  const progress: number[] = [];
  let wrongSecret: { error: unknown; devicesAfter: number; leftFiles: string[] };

  beforeAll(async () => {
    server = await startTestServer();
    a = await clinicWorld();
    await connectClinic(a.store, {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      adminToken: server.adminToken,
      deviceName: 'Front desk',
    });
    await syncRound(a.store);
    const { code } = await createEnrollmentCode(a.store);
    // First a join with the code's secret mistyped: refused by the server, the code still usable.
    const parts = code.split('.');
    const secret = parts[2] ?? '';
    const mistyped = [
      parts[0],
      parts[1],
      `${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`,
    ];
    const wrongDir = tempDir();
    let error: unknown = null;
    try {
      (
        await joinClinic(wrongDir.dir, testWrapper('workstation-typo-pass'), {
          serverUrl: server.server.url,
          fingerprint: server.server.caFingerprint,
          code: mistyped.join('.'),
          deviceName: 'Typo',
        })
      ).close();
    } catch (e) {
      error = e;
    }
    wrongSecret = {
      error,
      devicesAfter: (await server.server.store.listDevices()).length,
      leftFiles: readdirSync(wrongDir.dir),
    };
    wrongDir.cleanup();
    bDir = tempDir();
    bStore = await joinClinic(bDir.dir, testWrapper('workstation-b-pass'), {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      code,
      deviceName: 'Consulting room 1',
    });
    await syncRound(bStore, { onProgress: (f) => progress.push(f), snapshotLimit: 5 });
  });

  afterAll(async () => {
    bStore.close();
    bDir.cleanup();
    a.close();
    await server.stop();
  });

  it('refuses a join with a wrong secret on the server: no device left, the code still joins the right one', async () => {
    expect(wrongSecret.error).toBeInstanceOf(AppError);
    expect((wrongSecret.error as AppError).code).toBe('UNAUTHENTICATED');
    expect(wrongSecret.devicesAfter).toBe(1);
    expect(wrongSecret.leftFiles.filter((f) => f.startsWith('clinic.db'))).toEqual([]);
    expect((await server.server.store.listDevices()).length).toBe(2);
  });

  it('a cancelled code adds no workstation, and cannot be cancelled twice', async () => {
    const { code } = await createEnrollmentCode(a.store);
    await cancelEnrollmentCode(a.store, code);
    const before = (await server.server.store.listDevices()).length;
    const dir = tempDir();
    try {
      await expect(
        joinClinic(dir.dir, testWrapper('workstation-c-pass'), {
          serverUrl: server.server.url,
          fingerprint: server.server.caFingerprint,
          code,
          deviceName: 'Too late',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/cancelled/) });
      expect(readdirSync(dir.dir).filter((f) => f.startsWith('clinic.db'))).toEqual([]);
    } finally {
      dir.cleanup();
    }
    expect((await server.server.store.listDevices()).length).toBe(before);
    await expect(cancelEnrollmentCode(a.store, code)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('bootstraps a new workstation from a snapshot, with progress, to an identical replica', () => {
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    // B added its own device row, with a number series of its own, and A receives it.
    const devices = () =>
      writableDb(a.store)
        .prepare('SELECT id, name, seriesCode FROM devices ORDER BY name')
        .all() as {
        id: string;
        name: string;
        seriesCode: string;
      }[];
    expect(
      writableDb(bStore)
        .prepare('SELECT name, seriesCode FROM devices WHERE id = ?')
        .get(bStore.deviceId),
    ).toEqual({
      name: 'Consulting room 1',
      seriesCode: bStore.seriesCode,
    });
    expect(bStore.seriesCode).not.toBe(a.store.seriesCode);
    return syncRound(a.store).then(() => {
      expect(devices().map((d) => d.name)).toEqual(['Consulting room 1', 'Workstation 1']);
      expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
    });
  });

  it('lets the doctor log in offline on the new workstation and read the note (clinic key arrived via the code)', async () => {
    const b = servicesFor(bStore);
    const doctor = await b.auth.login('dr.house@example.test', 'staff-password-1');
    expect(b.records.readContent(doctor, a.record.id)).toEqual({
      text: 'Suspected sarcoidosis-marker-7731, order chest CT.',
    });
  });

  it('merges concurrent offline edits per column, and both replicas converge', async () => {
    const b = servicesFor(bStore);
    const deskB = await b.auth.login('desk@example.test', 'staff-password-1');
    a.services.patients.update(a.desk, { id: a.patient.id, changes: { phone: '111' } });
    b.patients.update(deskB, { id: a.patient.id, changes: { address: '1 New Road' } });
    b.patients.create(deskB, patientInput({ givenName: 'Bea', familyName: 'Bworkstation' }));
    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);
    expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
    expect(auditRows(bStore)).toEqual(auditRows(a.store));
    expect(verifyAuditChains(a.store.read).breaks).toEqual([]);
    // Opening the patient is itself audited, so read it after comparing audit logs.
    const merged = a.services.patients.get(a.desk, a.patient.id);
    expect(merged).toMatchObject({ phone: '111', address: '1 New Road' });
  });

  it('turns overlapping offline bookings into one conflict both see, resolved by an ordinary edit', async () => {
    const b = servicesFor(bStore);
    const deskB = await b.auth.login('desk@example.test', 'staff-password-1');
    const other = a.services.patients.create(
      a.desk,
      patientInput({ givenName: 'Cara', familyName: 'Conflict' }),
    );
    await syncRound(a.store);
    await syncRound(bStore);
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 11) + '10:00:00.000Z';
    const onA = a.services.appointments.book(a.desk, {
      doctorId: a.doctor.id,
      patientId: a.patient.id,
      scheduledAt: at,
      durationMinutes: 30,
    });
    b.appointments.book(deskB, {
      doctorId: a.doctor.id,
      patientId: other.id,
      scheduledAt: at,
      durationMinutes: 30,
    });
    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);
    expect(appointmentConflicts(a.store)).toHaveLength(1);
    expect(appointmentConflicts(bStore)).toEqual(appointmentConflicts(a.store));
    a.services.appointments.cancel(a.desk, { id: onA.id, reason: 'Double booked while offline' });
    await syncRound(a.store);
    await syncRound(bStore);
    expect(appointmentConflicts(a.store)).toEqual([]);
    expect(appointmentConflicts(bStore)).toEqual([]);
  });

  it('resumes an interrupted pull where it stopped: nothing lost, nothing merged twice', async () => {
    for (let i = 0; i < 5; i++)
      a.services.patients.create(
        a.desk,
        patientInput({ givenName: `Resume${i}`, familyName: 'Later' }),
      );
    const sent = await syncRound(a.store);
    const start = bStore.sync.cursor;
    // The connection drops while the second page is merged (after the first page's commit).
    const real = bStore.transaction.bind(bStore);
    let depth = 0;
    let dropped = false;
    const spy = vi.spyOn(bStore, 'transaction').mockImplementation(<R>(fn: () => R): R => {
      if (depth === 0 && !dropped && bStore.sync.cursor !== start) {
        dropped = true;
        throw new AppError('UNAVAILABLE', 'The sync server could not be reached (test).');
      }
      depth++;
      try {
        return real(fn);
      } finally {
        depth--;
      }
    });
    await expect(syncRound(bStore, { pullLimit: 4 })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    spy.mockRestore();
    const stoppedAt = bStore.sync.cursor;
    expect(stoppedAt).toBeGreaterThan(start);
    const partial = replicaContent(bStore)['patients']?.length ?? 0;
    expect(partial).toBeLessThan(replicaContent(a.store)['patients']?.length ?? 0);
    const resumed = await syncRound(bStore, { pullLimit: 4 });
    // Only what came after the last merged page is pulled again.
    expect(resumed.pulled).toBeGreaterThan(0);
    expect(resumed.pulled).toBeLessThan(sent.pushed);
    expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
    expect(auditRows(bStore)).toEqual(auditRows(a.store));
  });

  it("keeps patient names, note text and message text out of the server's files", async () => {
    // Its own data from both workstations, synced, so the check holds whatever ran before.
    const b = servicesFor(bStore);
    const deskB = await b.auth.login('desk@example.test', 'staff-password-1');
    b.patients.create(deskB, patientInput({ givenName: 'Wilhelmina', familyName: 'Bworkstation' }));
    a.services.messages.send(a.desk, {
      receiverId: a.doctorSession.user.id,
      body: 'Zero-knowledge marker-9917 for the server test.',
      patientId: a.patient.id,
    });
    await syncRound(bStore);
    await syncRound(a.store);
    expect(
      a.services.patients.search(a.desk, { query: 'Wilhelmina', offset: 0, limit: 10 }).total,
    ).toBe(1);
    const files = readdirSync(server.dataDir).map((f) => readFileSync(join(server.dataDir, f)));
    for (const secret of [
      'Quixotewright',
      'Zebulon',
      'sarcoidosis-marker-7731',
      'lupus-marker-5521',
      'Bworkstation',
      'Wilhelmina',
      'marker-9917',
    ]) {
      expect(files.some((bytes) => bytes.includes(Buffer.from(secret)))).toBe(false);
    }
    expect(files.length).toBeGreaterThan(0);
  });
});
