// Every path that shows clinical content (or carries it out of the app) leaves
// an audit entry naming who read it, what they did, which record, and on which
// workstation: record content, the chart header, drafts, message bodies (a
// conversation, inbox previews, search matches), the iCalendar export, the
// invoice and receipt PDFs, the audit CSV, and the CLI's export and ical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest, ChannelName } from '../../../shared/api/channels';
import type { AuditLog } from '../../../shared/domain/audit-log';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { cliEnv, runCli } from '../cli/cli-harness';
import {
  EMAILS,
  PASSWORD,
  twoTenantWorld,
  type ClinicIds,
  type StaffRole,
  type TwoTenantWorld,
} from '../two-tenant-world';

interface Expected {
  action: 'read' | 'export';
  table: string;
  /**
   * The record the entry names; null for a page-level entry, which says in its
   * detail what it covered; undefined for "some record" (an id made on the way).
   */
  recordId: (c: ClinicIds) => string | null | undefined;
  detail?: (c: ClinicIds) => RegExp;
}

interface ReadPath<N extends ChannelName> {
  channel: N;
  role: StaffRole;
  request: (c: ClinicIds) => ApiRequest<N>;
  expect: Expected;
}

const path = <N extends ChannelName>(p: ReadPath<N>) => p;

const PATHS = [
  path({
    channel: 'patients.get',
    role: 'front_desk',
    request: (c) => ({ id: c.patientId }),
    expect: { action: 'read', table: 'patients', recordId: (c) => c.patientId },
  }),
  path({
    channel: 'chart.summary',
    role: 'doctor',
    request: (c) => ({ patientId: c.patientId }),
    expect: {
      action: 'read',
      table: 'patients',
      recordId: (c) => c.patientId,
      detail: () => /chart/,
    },
  }),
  path({
    channel: 'records.read',
    role: 'doctor',
    request: (c) => ({ id: c.recordId }),
    expect: { action: 'read', table: 'medical_records', recordId: (c) => c.recordId },
  }),
  path({
    channel: 'drafts.load',
    role: 'doctor',
    request: (c) => ({ patientId: c.patientId, appointmentId: c.appointmentId }),
    expect: { action: 'read', table: 'record_drafts', recordId: () => undefined },
  }),
  path({
    channel: 'messages.open',
    role: 'doctor',
    request: (c) => ({ conversationId: c.conversationId }),
    expect: { action: 'read', table: 'conversations', recordId: (c) => c.conversationId },
  }),
  path({
    channel: 'messages.search',
    role: 'doctor',
    request: (c) => ({ query: c.markers.message }),
    expect: { action: 'read', table: 'conversations', recordId: (c) => c.conversationId },
  }),
  path({
    channel: 'messages.inbox',
    role: 'doctor',
    request: () => ({}),
    expect: { action: 'read', table: 'messages', recordId: () => null, detail: () => /1 previews/ },
  }),
  path({
    channel: 'messages.aboutPatient',
    role: 'front_desk',
    request: (c) => ({ patientId: c.patientId }),
    expect: { action: 'read', table: 'messages', recordId: () => null, detail: () => /1 previews/ },
  }),
  path({
    channel: 'schedule.icalExport',
    role: 'front_desk',
    request: (c) => ({ doctorId: c.doctorId, fromDate: '2027-01-01', toDate: '2027-01-31' }),
    expect: {
      action: 'export',
      table: 'appointments',
      recordId: () => null,
      detail: (c) => new RegExp(c.doctorId),
    },
  }),
  path({
    channel: 'billing.document',
    role: 'front_desk',
    request: (c) => ({ id: c.invoiceId }),
    expect: {
      action: 'export',
      table: 'billing',
      recordId: (c) => c.invoiceId,
      detail: () => /invoice pdf/,
    },
  }),
  path({
    channel: 'billing.document',
    role: 'front_desk',
    request: (c) => ({ id: c.invoiceId, kind: 'receipt' }),
    expect: {
      action: 'export',
      table: 'billing',
      recordId: (c) => c.invoiceId,
      detail: () => /receipt pdf/,
    },
  }),
  path({
    channel: 'audit.exportCsv',
    role: 'admin',
    request: (c) => ({ filter: { patientId: c.patientId } }),
    expect: {
      action: 'export',
      table: 'audit_logs',
      recordId: () => null,
      detail: (c) => new RegExp(c.patientId),
    },
  }),
];

describe('read auditing of every clinical read path', () => {
  let w: TwoTenantWorld;
  let deviceId = '';
  const userOf = (role: StaffRole): string =>
    role === 'admin'
      ? w.own.adminUserId
      : role === 'doctor'
        ? w.own.doctorUserId
        : w.own.deskUserId;

  beforeAll(async () => {
    w = await twoTenantWorld();
    deviceId = w.app.workstation.requireStore().deviceId;
  });
  afterAll(() => w.close());

  const lastSeq = (): number =>
    (
      writableDb(w.app.workstation.requireStore())
        .prepare('SELECT max(deviceSeq) AS n FROM audit_logs WHERE deviceId = ?')
        .get(deviceId) as { n: number }
    ).n;
  const entriesAfter = (seq: number): AuditLog[] =>
    writableDb(w.app.workstation.requireStore())
      .prepare('SELECT * FROM audit_logs WHERE deviceId = ? AND deviceSeq > ? ORDER BY deviceSeq')
      .all(deviceId, seq) as AuditLog[];

  const expectEntry = (seq: number, role: StaffRole, e: Expected) => {
    const entries = entriesAfter(seq);
    const recordId = e.recordId(w.own);
    const wanted = {
      tenantId: w.own.tenantId,
      userId: userOf(role),
      action: e.action,
      tableAffected: e.table,
      recordId: recordId === undefined ? expect.any(String) : recordId,
      deviceId,
    };
    const match = entries.find(
      (x) =>
        x.userId === wanted.userId &&
        x.action === wanted.action &&
        x.tableAffected === wanted.tableAffected &&
        (recordId === undefined ? x.recordId !== null : x.recordId === recordId) &&
        (e.detail === undefined || e.detail(w.own).test(x.detail)),
    );
    expect(
      match,
      JSON.stringify(entries.map((x) => [x.action, x.tableAffected, x.detail])),
    ).toMatchObject(wanted);
  };

  for (const [i, p] of PATHS.entries()) {
    it(`${p.channel} as ${p.role} (path ${i + 1})`, async () => {
      await w.login(p.role);
      const seq = lastSeq();
      const res = await w.app.dispatch(p.channel, p.request(w.own));
      expect(res.ok, JSON.stringify(res)).toBe(true);
      expectEntry(seq, p.role, p.expect);
    });
  }

  it('ehrbs export (admin)', async () => {
    await w.app.dispatch('session.logout', {});
    const seq = lastSeq();
    const r = await runCli(
      ['export', '--data', w.dataDir, '--user', EMAILS.admin],
      cliEnv({ EHRBS_PASSWORD: PASSWORD }),
    );
    expect(r.code).toBe(0);
    expectEntry(seq, 'admin', { action: 'export', table: 'tenants', recordId: (c) => c.tenantId });
  });

  it('ehrbs ical (front desk)', async () => {
    const seq = lastSeq();
    const r = await runCli(
      ['ical', '--data', w.dataDir, '--user', EMAILS.front_desk, '--doctor', EMAILS.doctor].concat([
        '--from',
        '2027-01-01',
        '--to',
        '2027-01-31',
      ]),
      cliEnv({ EHRBS_PASSWORD: PASSWORD }),
    );
    expect(r.code).toBe(0);
    expectEntry(seq, 'front_desk', {
      action: 'export',
      table: 'appointments',
      recordId: () => null,
      detail: (c) => new RegExp(c.doctorId),
    });
  });
});
