// Sync with two clinics: a workstation whose store file also holds another
// clinic (tests/core/two-tenant-world.ts), and a third clinic on the same sync
// server. The workstation pushes only its own clinic, pulls nothing of the
// third, and its apply path refuses or ignores changes and audit entries
// aimed at another clinic, writing nothing for them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../shared/api/channels';
import { entityTables } from '../../../shared/domain/entities';
import { GENESIS_HASH, type AuditLog } from '../../../shared/domain/audit-log';
import type { Change } from '../../../shared/sync/protocol';
import { formatHlc } from '../../../shared/sync/hlc';
import { hashAudit } from '../../../electron/core/audit/audit-writer';
import { uuidV7 } from '../../../electron/core/audit/uuid-v7';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { applyRemoteAudit, applyRemoteChanges } from '../../../electron/core/sync/apply-remote';
import { connectClinic } from '../../../electron/core/sync/enrollment';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { sealChange } from '../../../electron/core/sync/value-crypto';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { leaks, tenantSnapshot, twoTenantWorld, type TwoTenantWorld } from '../two-tenant-world';
import { clinicWorld } from '../world';
import { patientInput } from '../fixtures';

/** Later than anything written so far, from a workstation of the own clinic. */
const later = () => formatHlc({ millis: Date.now() + 1000, counter: 0, deviceId: randomUUID() });

/** Rows per (table, tenant) in the whole file. */
function perTenant(store: ClinicStore): string {
  const db = writableDb(store);
  return [...entityTables, 'audit_logs']
    .map((t) =>
      JSON.stringify(
        db
          .prepare(`SELECT tenantId, count(*) AS n FROM "${t}" GROUP BY tenantId ORDER BY tenantId`)
          .all(),
      ),
    )
    .join('\n');
}

/** All ids of a store's rows (entities and audit entries). */
function allIds(store: ClinicStore): string[] {
  const db = writableDb(store);
  return [...entityTables, 'audit_logs'].flatMap((t) =>
    (db.prepare(`SELECT id FROM "${t}"`).all() as { id: string }[]).map((r) => r.id),
  );
}

const serverBytes = (t: TestServer) =>
  Buffer.concat(readdirSync(t.dataDir).map((f) => readFileSync(join(t.dataDir, f))));

describe('sync with two clinics in one file and a third on the server', () => {
  let server: TestServer;
  let w: TwoTenantWorld;
  let store: ClinicStore;
  let third: Awaited<ReturnType<typeof clinicWorld>>;

  beforeAll(async () => {
    server = await startTestServer();
    w = await twoTenantWorld();
    store = w.app.workstation.requireStore();
    third = await clinicWorld();
    for (const s of [store, third.store]) {
      await connectClinic(s, {
        serverUrl: server.server.url,
        fingerprint: server.server.caFingerprint,
        adminToken: server.adminToken,
        deviceName: 'Front desk',
      });
      await syncRound(s);
    }
  }, 120_000);
  afterAll(async () => {
    w.close();
    third.close();
    await server.stop();
  });

  it('pushes the own clinic only: the server holds no id of the other clinic in the file', () => {
    const bytes = serverBytes(server);
    // The search looks in the right place: the own rows' ids are there (row ids travel in clear).
    expect(bytes.includes(Buffer.from(w.own.patientId))).toBe(true);
    expect(bytes.includes(Buffer.from(third.patient.id))).toBe(true);
    for (const id of [w.other.patientId, w.other.recordId, w.other.messageId, w.other.invoiceId])
      expect(bytes.includes(Buffer.from(id)), id).toBe(false);
  });

  it('pulls nothing of the third clinic, and leaves the other clinic in the file alone', async () => {
    const otherBefore = tenantSnapshot(w.app, w.other.tenantId);
    // Something new on the third clinic's side, then a round on ours.
    third.services.patients.create(third.desk, patientInput({ familyName: 'Thirdwright' }));
    await syncRound(third.store);
    await syncRound(store);
    const mine = new Set(allIds(store));
    const leaked = allIds(third.store).filter((id) => mine.has(id));
    expect(leaked).toEqual([]);
    expect(tenantSnapshot(w.app, w.other.tenantId)).toBe(otherBefore);
    const tenants = writableDb(store)
      .prepare('SELECT DISTINCT tenantId FROM patients ORDER BY tenantId')
      .all() as { tenantId: string }[];
    expect(tenants.map((t) => t.tenantId).sort()).toEqual(
      [w.own.tenantId, w.other.tenantId].sort(),
    );
  });

  const change = (over: {
    table?: Change['table'];
    rowId?: string;
    column?: string;
    tenantId?: string;
    plain?: unknown;
  }): Change => {
    const c = {
      table: over.table ?? 'patients',
      rowId: over.rowId ?? w.other.patientId,
      columns: [over.column ?? 'familyName'],
      hlc: later(),
    };
    const tenantId = over.tenantId ?? w.own.tenantId;
    return { ...c, value: sealChange(store.keyring, tenantId, c, [over.plain ?? 'Hijacked']) };
  };

  it('ignores a change to a row of the other clinic in the file, writing nothing', () => {
    const before = perTenant(store);
    const otherBefore = tenantSnapshot(w.app, w.other.tenantId);
    const r = applyRemoteChanges(store, [
      change({}),
      change({
        table: 'medical_records',
        rowId: w.other.recordId,
        column: 'deletedAt',
        plain: '2027-01-01T00:00:00.000Z',
      }),
      change({ table: 'billing', rowId: w.other.invoiceId, column: 'status', plain: 'void' }),
    ]);
    expect(r).toMatchObject({ applied: 0, skipped: 3 });
    expect(perTenant(store)).toBe(before);
    expect(tenantSnapshot(w.app, w.other.tenantId)).toBe(otherBefore);
  });

  it('refuses changes sealed for another clinic, writing nothing', () => {
    const before = perTenant(store);
    const rowId = randomUUID();
    expect(() =>
      applyRemoteChanges(store, [
        change({ rowId, column: 'familyName', tenantId: w.other.tenantId }),
        change({ rowId, column: 'givenName', tenantId: w.other.tenantId }),
      ]),
    ).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
    expect(perTenant(store)).toBe(before);
  });

  it('never lets a change put a row into another clinic', () => {
    const rowId = randomUUID();
    applyRemoteChanges(store, [
      change({ rowId, column: 'tenantId', plain: w.other.tenantId }),
      change({ rowId, column: 'familyName', plain: 'Moved' }),
    ]);
    const row = writableDb(store).prepare('SELECT tenantId FROM patients WHERE id = ?').get(rowId);
    expect(row).toEqual({ tenantId: w.own.tenantId });
    // Nor a sealed change that names the other clinic beside ordinary columns.
    const sealedRow = randomUUID();
    const address = {
      table: 'patients' as const,
      rowId: sealedRow,
      columns: ['tenantId', 'familyName'],
      hlc: later(),
    };
    applyRemoteChanges(store, [
      {
        ...address,
        value: sealChange(store.keyring, w.own.tenantId, address, [w.other.tenantId, 'Moved']),
      },
    ]);
    expect(
      writableDb(store)
        .prepare('SELECT tenantId, familyName FROM patients WHERE id = ?')
        .get(sealedRow),
    ).toEqual({ tenantId: w.own.tenantId, familyName: 'Moved' });
  });

  // Admin → Workstations: the list comes from the server (the certificate's clinic) joined with the
  // file's devices rows, which hold the other clinic's workstation too.
  it("lists, renames and revokes only the own clinic's workstations", async () => {
    await w.login('admin');
    const foreign = [w.other.deviceId, third.store.deviceId];
    expect(
      writableDb(store).prepare('SELECT id FROM devices WHERE id = ?').get(w.other.deviceId),
    ).toEqual({ id: w.other.deviceId });
    const list = await w.app.dispatch('workstations.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const listed = list.value as ApiResponse<'workstations.list'>;
    expect(listed.map((d) => d.deviceId)).toEqual([store.deviceId]);
    expect(leaks(list, [...foreign, ...w.foreignNeedles])).toEqual([]);
    const before = perTenant(store);
    const onServer = JSON.stringify(await server.server.store.listDevices());
    for (const deviceId of foreign) {
      for (const res of [
        await w.app.dispatch('workstations.rename', { deviceId, name: 'Taken over' }),
        await w.app.dispatch('workstations.revoke', { deviceId }),
      ]) {
        expect(res.ok ? 'ok' : res.error.code, deviceId).toBe('NOT_FOUND');
        expect(leaks(res, [...foreign, ...w.foreignNeedles])).toEqual([]);
      }
    }
    expect(perTenant(store)).toBe(before);
    expect(JSON.stringify(await server.server.store.listDevices())).toBe(onServer);
    // The own workstation's ids do work (the probe names real rows).
    const renamed = await w.app.dispatch('workstations.rename', {
      deviceId: store.deviceId,
      name: 'Front desk 2',
    });
    expect(renamed.ok && (renamed.value as ApiResponse<'workstations.rename'>).name).toBe(
      'Front desk 2',
    );
    await w.app.dispatch('session.logout', {});
  });

  it('stores no audit entry of another clinic', () => {
    const before = perTenant(store);
    const deviceId = randomUUID();
    let prev = GENESIS_HASH;
    const entries: AuditLog[] = [1, 2].map((seq) => {
      const content = {
        id: uuidV7(Date.now() + seq),
        tenantId: w.other.tenantId,
        userId: null,
        action: 'read' as const,
        tableAffected: 'patients',
        recordId: w.other.patientId,
        timestamp: new Date().toISOString(),
        deviceId,
        deviceSeq: seq,
        prevHash: prev,
        detail: '',
      };
      const e = { ...content, hash: hashAudit(content) };
      prev = e.hash;
      return e;
    });
    expect(applyRemoteAudit(store, entries)).toBe(0);
    expect(perTenant(store)).toBe(before);
  });
});
