// The audit log viewer through dispatch: filters (patient, user, action, date),
// newest-first keyset paging, the chain check, the CSV export (itself audited,
// with no patient data), and refusals for anyone without audit.read.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import type { AuditEntryView } from '../../../shared/api/audit';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { uuidV7 } from '../../../electron/core/audit/uuid-v7';
import { patientInput, weekdayAvailability } from '../fixtures';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';

let clock = Date.parse('2026-12-02T15:00:00.000Z'); // Wednesday 10:00 in New York
const open: { app: CoreApp; cleanup: () => void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.app.close();
    o.cleanup();
  }
  clock = Date.parse('2026-12-02T15:00:00.000Z');
});

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

const errorOf = async (app: CoreApp, channel: string, request: unknown) => {
  const res = await app.dispatch(channel, request);
  if (res.ok) throw new Error(`${channel} was expected to fail`);
  return res.error;
};

/** A clinic with two patients; Ann is opened, edited and booked, Bob only registered. */
async function clinic() {
  const t = tempDir();
  const app = await openCoreApp({
    dataDir: t.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
    now: () => clock,
  });
  open.push({ app, cleanup: t.cleanup });
  await ok(app, 'setup.createClinic', HARBOUR_CLINIC);
  const doctor = await ok(app, 'doctors.create', {
    displayName: 'Dr Vos',
    email: 'vos@example.test',
    password: 'doctor-password-1',
    specialty: 'General Practice',
    licenseNumber: 'L-1',
    consultationFee: 9000,
    experienceYears: 3,
    availability: weekdayAvailability,
  });
  const ann = await ok(
    app,
    'patients.create',
    patientInput({ givenName: 'Ann', familyName: 'Allen' }),
  );
  clock += 86_400_000; // Thursday: the idle lock has closed the session meanwhile
  await ok(app, 'session.unlock', { password: HARBOUR_CLINIC.adminPassword });
  const bob = await ok(
    app,
    'patients.create',
    patientInput({ givenName: 'Bob', familyName: 'Berg' }),
  );
  await ok(app, 'patients.get', { id: ann.id });
  const visit = await ok(app, 'appointments.book', {
    doctorId: doctor.doctor?.id ?? '',
    patientId: ann.id,
    scheduledAt: '2026-12-04T15:00:00.000Z',
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });
  return { app, ann, bob, doctor, visit };
}

const all = async (app: CoreApp, filter: ApiRequest<'audit.search'>['filter'], limit = 3) => {
  const seen: AuditEntryView[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await ok(app, 'audit.search', { filter, limit, ...(before ? { before } : {}) });
    seen.push(...page.items);
    if (page.nextBefore === null) return seen;
    before = page.nextBefore;
  }
};

describe('the audit log viewer', () => {
  it('pages newest first through every entry, once each', async () => {
    const { app } = await clinic();
    const everything = await all(app, {}, 4);
    const ids = everything.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const total = (
      writableDb(app.workstation.requireStore())
        .prepare('SELECT count(*) AS n FROM audit_logs')
        .get() as {
        n: number;
      }
    ).n;
    expect(ids).toHaveLength(total);
    const times = everything.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort().reverse());
    expect(everything[0]).toMatchObject({
      userName: HARBOUR_CLINIC.adminName,
      action: 'create',
      table: 'appointments',
    });
  });

  it('shows who has seen and changed one patient, and nobody else’s entries', async () => {
    const { app, ann, bob, visit } = await clinic();
    const entries = await all(app, { patientId: ann.id });
    expect(entries.map((e) => [e.action, e.table, e.recordId])).toEqual([
      ['create', 'appointments', visit.id],
      ['read', 'patients', ann.id],
      ['create', 'patients', ann.id],
    ]);
    expect(entries.every((e) => e.patientId === ann.id)).toBe(true);
    expect(entries.some((e) => e.recordId === bob.id)).toBe(false);
  });

  it('filters by action, user and clinic-local dates', async () => {
    const { app, ann, bob } = await clinic();
    const reads = await all(app, { action: 'read' });
    expect(reads.map((e) => e.recordId)).toEqual([ann.id]);
    const options = await ok(app, 'audit.filterOptions', {});
    const doctorUser = options.users.find((u) => u.name === 'Dr Vos');
    expect(doctorUser).toBeTruthy();
    expect(await all(app, { userId: doctorUser?.id ?? '' })).toEqual([]);
    // Wednesday in New York holds Ann's registration but not Bob's (Thursday).
    const wednesday = await all(app, {
      fromDate: '2026-12-02',
      toDate: '2026-12-02',
      table: 'patients',
    });
    expect(wednesday.map((e) => e.recordId)).toEqual([ann.id]);
    const thursday = await all(app, {
      fromDate: '2026-12-03',
      table: 'patients',
      action: 'create',
    });
    expect(thursday.map((e) => e.recordId)).toEqual([bob.id]);
  });

  it('reads a bounded share of the log per page for a rare match, and goes on from there', async () => {
    const { app } = await clinic();
    const db = writableDb(app.workstation.requireStore());
    const { tenantId, deviceId } = db
      .prepare("SELECT tenantId, deviceId FROM audit_logs WHERE action = 'login' LIMIT 1")
      .get() as { tenantId: string; deviceId: string };
    // 25,000 newer reads by someone else bury the logins under more than one page's share.
    const insert = db.prepare(
      `INSERT INTO audit_logs (id, tenantId, userId, action, tableAffected, recordId, timestamp,
         deviceId, deviceSeq, prevHash, hash, detail) VALUES (?,?,NULL,'read','patients',NULL,?,?,?,?,?,'')`,
    );
    const logins = (
      db.prepare("SELECT id FROM audit_logs WHERE action = 'login' ORDER BY id DESC").all() as {
        id: string;
      }[]
    ).map((r) => r.id);
    expect(logins.length).toBeGreaterThan(0);
    const zeros = '0'.repeat(64);
    db.transaction(() => {
      for (let i = 0; i < 25_000; i++) {
        const ms = clock + 60_000 + i;
        insert.run(
          uuidV7(ms),
          tenantId,
          new Date(ms).toISOString(),
          deviceId,
          1_000 + i,
          zeros,
          zeros,
        );
      }
    })();
    const first = await ok(app, 'audit.search', { filter: { action: 'login' }, limit: 50 });
    expect(first.items).toEqual([]);
    expect(first.searchedBackTo).not.toBeNull();
    expect(first.nextBefore).not.toBeNull();
    // Going on from where each page stopped finds them, without reading past the end.
    const found: string[] = [];
    let before = first.nextBefore;
    let pages = 1;
    while (before !== null && pages < 10) {
      const page = await ok(app, 'audit.search', {
        filter: { action: 'login' },
        limit: 50,
        before,
      });
      found.push(...page.items.map((e) => e.id));
      before = page.nextBefore;
      pages++;
    }
    expect(found).toEqual(logins);
    expect(before).toBeNull();
    expect(pages).toBeGreaterThan(2);
  });

  it('refuses a malformed filter with a clear message', async () => {
    const { app } = await clinic();
    const backwards = await errorOf(app, 'audit.search', {
      filter: { fromDate: '2026-12-05', toDate: '2026-12-01' },
    });
    expect(backwards.code).toBe('VALIDATION_FAILED');
    expect(backwards.issues).toContainEqual({
      path: 'filter.toDate',
      message: 'the last date must not be before the first',
    });
    expect(
      (await errorOf(app, 'audit.search', { filter: { table: 'x; DROP TABLE users' } })).code,
    ).toBe('VALIDATION_FAILED');
    expect((await errorOf(app, 'audit.search', { filter: { fromDate: '2026-02-30' } })).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('reports each workstation’s chain intact, then the first tampered entry', async () => {
    const { app } = await clinic();
    const [device] = await ok(app, 'audit.chainStatus', {});
    expect(device).toMatchObject({ firstBreak: null });
    expect(device?.entries).toBeGreaterThan(5);
    writableDb(app.workstation.requireStore())
      .prepare("UPDATE audit_logs SET detail = 'rewritten' WHERE deviceSeq = 3")
      .run();
    const [after] = await ok(app, 'audit.chainStatus', {});
    expect(after?.firstBreak).toEqual({ deviceSeq: 3, reason: 'hash_mismatch' });
  });

  it('exports the filtered view as CSV without patient data, and audits the export', async () => {
    const { app, ann } = await clinic();
    const csv = await ok(app, 'audit.exportCsv', { filter: { patientId: ann.id } });
    const lines = csv.csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'timestamp,action,table,recordId,patientId,userName,userId,deviceName,deviceId,detail,id',
    );
    expect(lines).toHaveLength(4);
    expect(csv).toMatchObject({ rows: 3, truncated: false });
    expect(csv.csv).not.toContain('Allen');
    const exports = await all(app, { action: 'export', table: 'audit_logs' });
    expect(exports).toHaveLength(1);
    expect(exports[0]?.detail).toBe(`audit csv rows=3 patientId=${ann.id}`);
  });

  it('is closed to front-desk staff and to admins without audit.read', async () => {
    const { app } = await clinic();
    await ok(app, 'users.create', {
      displayName: 'Fran Desk',
      email: 'desk@example.test',
      password: 'desk-password-1',
      role: 'front_desk',
    });
    await ok(app, 'users.create', {
      displayName: 'Sam Settings',
      email: 'sam@example.test',
      password: 'admin-password-2',
      role: 'admin',
      permissions: ['settings.manage'],
    });
    for (const [email, password] of [
      ['desk@example.test', 'desk-password-1'],
      ['sam@example.test', 'admin-password-2'],
    ] as const) {
      await ok(app, 'session.logout', {});
      await ok(app, 'session.login', { email, password });
      for (const [channel, request] of [
        ['audit.search', { filter: {} }],
        ['audit.chainStatus', {}],
        ['audit.exportCsv', { filter: {} }],
        ['audit.filterOptions', {}],
      ] as const) {
        expect((await errorOf(app, channel, request)).code).toBe('FORBIDDEN');
      }
    }
  });
});
