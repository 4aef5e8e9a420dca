// The server's own audit-chain checks, on both stores: within a batch each
// entry must follow the one before it (next sequence number, previous hash),
// and the batch's first new entry must continue the chain the server already
// holds for that workstation (its tip), or start at the genesis hash. Every
// entry here hashes correctly on its own, so only these link checks can
// refuse them; each refusal writes nothing of the batch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditLog } from '../../../shared/domain/audit-log';
import type { AppError } from '../../../shared/errors';
import { openSqliteStore } from '../../../sync-server/src/store/sqlite-store';
import { openPgStore } from '../../../sync-server/src/store/pg-store';
import type { SyncStore } from '../../../sync-server/src/store/types';
import { hashAuditEntry } from '../../../sync-server/src/sync/check-batch';
import { FakeDevice, testDevice } from '../helpers/fixtures';
import { createTempDatabase, type TempDatabase } from '../helpers/pg';

let dir = '';
let database: TempDatabase | null = null;
const backends = [
  {
    name: 'sqlite',
    setup: async () => {
      dir = mkdtempSync(join(tmpdir(), 'ehrbs-chain-'));
    },
    open: async (): Promise<SyncStore> => openSqliteStore(dir),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  },
  {
    name: 'postgres',
    setup: async () => {
      database = await createTempDatabase();
    },
    open: async (): Promise<SyncStore> => openPgStore(database?.url ?? ''),
    teardown: async () => database?.drop(),
  },
];

const now = () => new Date().toISOString();
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );

describe.each(backends)('audit chain checks on $name', (backend) => {
  let store: SyncStore;
  let tenantId: string;
  let device: FakeDevice;

  /** An entry at `deviceSeq` linking to `prevHash`, whose own hash is correct. */
  const entry = (deviceSeq: number, prevHash: string): AuditLog => {
    const e: AuditLog = {
      id: randomUUID(),
      tenantId,
      userId: null,
      action: 'update',
      tableAffected: 'patients',
      recordId: null,
      timestamp: now(),
      deviceId: device.deviceId,
      deviceSeq,
      prevHash,
      detail: `entry ${deviceSeq}`,
      hash: '',
    };
    return { ...e, hash: hashAuditEntry(e) };
  };
  const push = (audit: AuditLog[], withChange = true) =>
    store.push({
      tenantId,
      deviceId: device.deviceId,
      batchId: randomUUID(),
      changes: withChange ? [device.change('patients', randomUUID(), 'firstName', 'Ada')] : [],
      audit,
      now: now(),
    });
  const stored = async () => {
    const page = await store.pull(tenantId, 0, 100);
    return { changes: page.changes.length, audit: page.audit.map((a) => a.deviceSeq) };
  };

  beforeAll(async () => {
    await backend.setup();
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
    await backend.teardown();
  });
  beforeEach(async () => {
    tenantId = randomUUID();
    device = new FakeDevice(tenantId);
    await store.registerClinic(
      { id: tenantId, name: 'Clinic', createdAt: now() },
      testDevice(tenantId, device.deviceId),
    );
  });

  it('accepts a chain that links, batch after batch (the control)', async () => {
    const e1 = entry(1, GENESIS_HASH);
    const e2 = entry(2, e1.hash);
    expect(await push([e1, e2])).toMatchObject({ accepted: 3 });
    expect(await push([entry(3, e2.hash)])).toMatchObject({ accepted: 2 });
    expect(await stored()).toEqual({ changes: 2, audit: [1, 2, 3] });
  });

  it('refuses a batch whose second entry does not link to its first', async () => {
    const e1 = entry(1, GENESIS_HASH);
    const unlinked = entry(2, 'f'.repeat(64));
    expect(await codeOf(push([e1, unlinked]))).toBe('INTEGRITY_FAILED');
    expect(await stored()).toEqual({ changes: 0, audit: [] });
  });

  it('refuses a batch that skips a sequence number between its entries', async () => {
    const e1 = entry(1, GENESIS_HASH);
    const skipped = entry(3, e1.hash);
    expect(await codeOf(push([e1, skipped]))).toBe('INTEGRITY_FAILED');
    expect(await stored()).toEqual({ changes: 0, audit: [] });
  });

  it('refuses a first entry that does not start at the genesis hash', async () => {
    expect(await codeOf(push([entry(1, 'a'.repeat(64))]))).toBe('INTEGRITY_FAILED');
    expect(await stored()).toEqual({ changes: 0, audit: [] });
  });

  it('refuses a batch that does not continue the chain the server holds (its tip)', async () => {
    const e1 = entry(1, GENESIS_HASH);
    const e2 = entry(2, e1.hash);
    await push([e1, e2], false);
    // Entry 3 linking back to entry 1: a history rewritten from there on.
    expect(await codeOf(push([entry(3, e1.hash)]))).toBe('INTEGRITY_FAILED');
    expect(await codeOf(push([entry(3, GENESIS_HASH)]))).toBe('INTEGRITY_FAILED');
    expect(await stored()).toEqual({ changes: 0, audit: [1, 2] });
  });
});
