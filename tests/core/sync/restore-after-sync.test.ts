// A workstation that went on syncing after its last backup, then died and was
// restored from that backup: the restored store must get its own later work
// back (a pull never echoes it), keep one unbroken audit chain (not two entry
// N+1s), and never reissue a number the dead workstation issued after the backup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../../electron/core/audit/verify-chain';
import { parseKeyFile } from '../../../electron/core/backup/backup-file';
import { restoreBackup } from '../../../electron/core/backup/restore-backup';
import { writeBackup } from '../../../electron/core/backup/write-backup';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { repositories } from '../../../electron/core/repos/repositories';
import { servicesFor } from '../../../electron/core/services/services';
import { storePaths } from '../../../electron/core/store/paths';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { patientInput, STAFF_PASSWORD } from '../fixtures';
import { tempDir, testWrapper } from '../helpers';
import { twoWorkstations, type TwoWorkstations } from './two-workstation-world';

const mrns = (store: ClinicStore): string[] =>
  (
    store.read.prepare('SELECT medicalRecordNumber FROM patients ORDER BY 1').all() as {
      medicalRecordNumber: string;
    }[]
  ).map((r) => r.medicalRecordNumber);

const familyNames = (store: ClinicStore): string[] =>
  (
    store.read.prepare('SELECT familyName FROM patients ORDER BY 1').all() as {
      familyName: string;
    }[]
  ).map((r) => r.familyName);

describe('a workstation restored from a backup older than its last sync', () => {
  let world: TwoWorkstations | null = null;
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    await world?.close();
    world = null;
    for (const c of cleanups.splice(0)) c();
  });

  it('gets its own later work back, keeps one audit chain and issues no number twice', async () => {
    world = await twoWorkstations({ a: 'Reception', b: 'Room 2' });
    const { a, bStore } = world;
    const out = tempDir();
    cleanups.push(out.cleanup);
    const backupFile = join(out.dir, 'reception.ehrbs-backup');
    await writeBackup(
      a.store,
      backupFile,
      parseKeyFile(readFileSync(storePaths(a.store.dataDir).wrappedKey, 'utf8')),
    );

    // After the backup, Reception registers a patient and syncs; Room 2 receives it.
    const later = a.services.patients.create(a.desk, patientInput({ familyName: 'Afterbackup' }));
    await syncRound(a.store);
    await syncRound(bStore);
    expect(familyNames(bStore)).toContain('Afterbackup');

    // Reception's disk dies; the backup is restored on its replacement, which
    // registers a patient before it reaches the network.
    const replacementDir = tempDir();
    cleanups.push(replacementDir.cleanup);
    const { store: restored } = await restoreBackup(
      backupFile,
      replacementDir.dir,
      'correct horse battery',
      testWrapper('replacement-pass'),
    );
    cleanups.push(() => restored.close());
    expect(familyNames(restored)).not.toContain('Afterbackup');
    const services = servicesFor(restored, repositories(restored));
    const desk = await services.auth.login('desk@example.test', STAFF_PASSWORD);
    const offline = services.patients.create(desk, patientInput({ familyName: 'Afterrestore' }));
    expect(offline.medicalRecordNumber).not.toBe(later.medicalRecordNumber);
    expect(offline.medicalRecordNumber.split('-')[0]).not.toBe(
      later.medicalRecordNumber.split('-')[0],
    );

    // Its first sync is accepted by the server and brings its own later work back.
    const round = await syncRound(restored);
    expect(round.bootstrapped).toBe(true);
    expect(familyNames(restored)).toEqual(expect.arrayContaining(['Afterbackup', 'Afterrestore']));
    expect(verifyAuditChains(restored.read).breaks).toEqual([]);
    expect(restored.outbox.pendingCount()).toBe(0);

    // Room 2 receives the replacement's work with the chain intact, and every number is unique.
    await syncRound(bStore);
    expect(familyNames(bStore)).toContain('Afterrestore');
    expect(verifyAuditChains(bStore.read).breaks).toEqual([]);
    const numbers = mrns(bStore);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(mrns(restored)).toEqual(numbers);

    // The replacement syncs on as any workstation does: nothing refused, nothing left over.
    services.patients.create(desk, patientInput({ familyName: 'Nextday' }));
    await syncRound(restored);
    await syncRound(bStore);
    expect(familyNames(bStore)).toContain('Nextday');
    expect(verifyAuditChains(bStore.read).breaks).toEqual([]);
  });
});
