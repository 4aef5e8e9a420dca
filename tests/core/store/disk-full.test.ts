// A full disk (a real tmpfs filled to the last byte) during a write, a sync
// apply and a backup: each says so in one clear line (DISK_FULL), the store
// stays intact, and nothing that was acknowledged is lost. Once space is
// freed, the same actions succeed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DISK_FULL } from '../../../electron/core/store/store-errors';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { verifyAuditChains } from '../../../electron/core/audit/verify-chain';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { SyncScheduler } from '../../../electron/core/sync/sync-scheduler';
import { startTestServer } from '../../server/helpers/server';
import { patientInput } from '../fixtures';
import { HARBOUR_CLINIC, memorySettings, testWrapper } from '../helpers';
import { clinicWorld } from '../world';
import { replicaContent } from '../sync/replicas';
import { smallFs, type SmallFs } from '../small-fs';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function mounted(): SmallFs {
  const fs = smallFs();
  cleanups.push(() => fs.cleanup());
  return fs;
}

async function appOn(fs: SmallFs): Promise<CoreApp> {
  const app = await openCoreApp({
    dataDir: join(fs.dir, 'clinic'),
    keyWrapper: testWrapper(),
    settings: memorySettings(),
  });
  cleanups.push(() => app.close());
  const setup = await app.dispatch('setup.createClinic', HARBOUR_CLINIC);
  if (!setup.ok) throw new Error(setup.error.message);
  return app;
}

const intact = (app: CoreApp) => {
  const store = app.workstation.requireStore();
  expect(writableDb(store).pragma('integrity_check', { simple: true })).toBe('ok');
  expect(verifyAuditChains(store.read).breaks).toEqual([]);
};

const names = async (app: CoreApp): Promise<string[]> => {
  const res = await app.dispatch('patients.search', { query: '', limit: 500 });
  if (!res.ok) throw new Error(res.error.message);
  return (res.value as { items: { givenName: string }[] }).items.map((p) => p.givenName).sort();
};

describe('a full disk', () => {
  it('refuses a write in one line, keeps every acknowledged write, and works again once freed', async () => {
    const fs = mounted();
    const app = await appOn(fs);
    const saved: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.dispatch('patients.create', patientInput({ givenName: `Before${i}` }));
      if (res.ok) saved.push(`Before${i}`);
    }
    fs.fill();
    const refused: { code: string; message: string }[] = [];
    for (let i = 0; i < 40 && refused.length === 0; i++) {
      const res = await app.dispatch('patients.create', patientInput({ givenName: `Full${i}` }));
      if (res.ok) saved.push(`Full${i}`);
      else refused.push(res.error);
    }
    expect(refused).toEqual([{ code: 'DISK_FULL', message: DISK_FULL, issues: [] }]);
    fs.free();
    intact(app);
    expect(await names(app)).toEqual([...saved].sort());
    const after = await app.dispatch('patients.create', patientInput({ givenName: 'Freed' }));
    expect(after.ok).toBe(true);
  });

  it('refuses a backup in one line and leaves no partial file', async () => {
    const fs = mounted();
    const app = await appOn(fs);
    for (let i = 0; i < 20; i++)
      await app.dispatch('patients.create', patientInput({ givenName: `Kept${i}` }));
    const before = await names(app);
    fs.fill();
    const res = await app.dispatch('backups.run', { passphrase: 'backup passphrase 2026' });
    expect(res).toEqual({
      ok: false,
      error: { code: 'DISK_FULL', message: DISK_FULL, issues: [] },
    });
    const backups = join(app.workstation.dataDir, 'backups');
    expect(readdirSync(backups)).toEqual([]);
    fs.free();
    intact(app);
    expect(await names(app)).toEqual(before);
    const retry = await app.dispatch('backups.run', { passphrase: 'backup passphrase 2026' });
    expect(retry.ok).toBe(true);
  });

  it('stops a sync apply in one line with nothing half-merged, and the next round completes', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const a = await clinicWorld();
    cleanups.push(() => a.close());
    await connectClinic(a.store, {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      adminToken: server.adminToken,
      deviceName: 'Front desk',
    });
    await syncRound(a.store);
    const fs = mounted();
    const { code } = await createEnrollmentCode(a.store);
    const b = await joinClinic(join(fs.dir, 'clinic'), testWrapper('disk-full-b'), {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      code,
      deviceName: 'Consulting room',
    });
    cleanups.push(() => b.close());
    await syncRound(b);

    for (let i = 0; i < 400; i++)
      a.services.patients.create(a.desk, patientInput({ givenName: `Synced${i}` }));
    await syncRound(a.store);
    const cursor = b.sync.cursor;
    const rowsBefore = replicaContent(b);
    fs.fill();
    const scheduler = new SyncScheduler(b);
    await scheduler.runRound();
    scheduler.stop();
    expect(scheduler.state.lastError).toBe(DISK_FULL);
    expect(b.sync.cursor).toBe(cursor);
    expect(replicaContent(b)).toEqual(rowsBefore);

    fs.free();
    const db = writableDb(b);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    await syncRound(b);
    expect(replicaContent(b)).toEqual(replicaContent(a.store));
  });
});
