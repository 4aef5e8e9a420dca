// The demo clinic as the people trying the app will see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor } from '../../../electron/core/services/services';
import { verifyAuditChains } from '../../../electron/core/audit/verify-chain';
import { generateDemoClinic, type DemoLogin } from '../../../electron/core/demo/demo-clinic';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { RecordType } from '../../../shared/domain/enums';
import { isBlockingStatus } from '../../../shared/scheduling';
import { tempDir, testWrapper } from '../helpers';

// Generous: each test spawns real processes, and CI machines may be busy (no timing is asserted).
const SLOW = 180_000;

// A fixed "now", so the test sees the same clinic whatever day it runs.
const NOW = Date.parse('2026-03-18T10:15:00.000Z');

async function demo(patients: number) {
  const tmp = tempDir('ehrbs-demo-');
  const store = await ClinicStore.create(tmp.dir, testWrapper());
  const services = servicesFor(store);
  const result = await generateDemoClinic(store, services, { patients, now: () => NOW });
  return {
    store,
    services,
    tenantId: result.tenantId,
    logins: result.logins,
    close: () => (store.close(), tmp.cleanup()),
  };
}

let d: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  d = await demo(30);
}, SLOW);
afterAll(() => d.close());

describe('the demo clinic', { timeout: SLOW }, () => {
  it('is marked as a demo and every login works with the printed password', async () => {
    expect(d.store.isDemo).toBe(true);
    const byRole = (role: DemoLogin['role']) => d.logins.filter((l) => l.role === role);
    expect(byRole('admin')).toHaveLength(1);
    expect(byRole('front_desk')).toHaveLength(2);
    expect(byRole('doctor').length).toBeGreaterThanOrEqual(6);
    const doctor = byRole('doctor')[0];
    if (!doctor) throw new Error('no doctor login');
    const session = await d.services.auth.login(doctor.email, doctor.password);
    expect(session.user.role).toBe('doctor');
  });

  it('has at least six doctors of different specialties, each with weekly hours and a lunch break', () => {
    const doctors = d.services.repos.doctors.list(d.tenantId);
    expect(doctors.length).toBeGreaterThanOrEqual(6);
    expect(new Set(doctors.map((x) => x.specialty)).size).toBeGreaterThanOrEqual(5);
    for (const doc of doctors) {
      expect(doc.availability.weekly.length).toBeGreaterThan(0);
      expect(doc.availability.breaks.length).toBeGreaterThan(0);
      expect(doc.availability.slotMinutes).toBeGreaterThanOrEqual(10);
    }
  });

  it('has 30 patients and appointments three weeks either side of now, past ones resolved', () => {
    expect(d.services.repos.patients.count(d.tenantId)).toBe(30);
    const appts = d.services.repos.appointments.list(d.tenantId);
    const past = appts.filter((a) => Date.parse(a.scheduledAt) + a.durationMinutes * 60_000 <= NOW);
    const future = appts.filter((a) => Date.parse(a.scheduledAt) > NOW);
    expect(new Set(past.map((a) => a.status))).toEqual(
      new Set(['completed', 'no_show', 'cancelled']),
    );
    expect(new Set(future.map((a) => a.status))).toEqual(new Set(['scheduled']));
    const span =
      (Math.max(...appts.map((a) => Date.parse(a.scheduledAt))) -
        Math.min(...appts.map((a) => Date.parse(a.scheduledAt)))) /
      86_400_000;
    expect(span).toBeGreaterThan(30);
  });

  it('never double-books a doctor or a patient', () => {
    const live = d.services.repos.appointments
      .list(d.tenantId)
      .filter((a) => isBlockingStatus(a.status));
    for (const key of ['doctorId', 'patientId'] as const) {
      // (Map.groupBy needs Node 21; the build machines run Node 20.)
      const byOwner = new Map<string, typeof live>();
      for (const a of live) byOwner.set(a[key], [...(byOwner.get(a[key]) ?? []), a]);
      for (const list of byOwner.values()) {
        const sorted = list
          .map((a) => ({
            s: Date.parse(a.scheduledAt),
            e: Date.parse(a.scheduledAt) + a.durationMinutes * 60_000,
          }))
          .sort((x, y) => x.s - y.s);
        for (let i = 1; i < sorted.length; i++)
          expect(sorted[i]?.s).toBeGreaterThanOrEqual(sorted[i - 1]?.e ?? 0);
      }
    }
  });

  it('has records of every type, written by doctors, readable by their author', () => {
    const records = d.services.repos.medicalRecords.list(d.tenantId);
    expect(new Set(records.map((r) => r.recordType))).toEqual(new Set(RecordType.options));
    const doctors = new Map(d.services.repos.doctors.list(d.tenantId).map((x) => [x.id, x.userId]));
    const rec = records[0];
    if (!rec) throw new Error('no records');
    const author = d.services.auth.sessionFor(doctors.get(rec.doctorId) ?? '');
    expect(d.services.records.readContent(author, rec.id)).toBeTypeOf('object');
  });

  it('has invoices with line items, paid, partly paid and unpaid, and payments that add up', () => {
    const bills = d.services.repos.billing.list(d.tenantId);
    const desk = d.services.repos.users.list(d.tenantId, { where: "role = 'front_desk'" })[0];
    const session = d.services.auth.sessionFor(desk?.id ?? '');
    const statuses = new Set(
      bills.map((b) => d.services.billing.detail(session, b.id).state.status),
    );
    for (const s of ['paid', 'partially_paid', 'issued'])
      expect(statuses.has(s as never), s).toBe(true);
    const lines = d.services.repos.invoiceLineItems.list(d.tenantId);
    const payments = d.services.repos.payments.list(d.tenantId);
    for (const b of bills) {
      expect(lines.filter((l) => l.billingId === b.id).reduce((n, l) => n + l.amount, 0)).toBe(
        b.amount,
      );
      expect(payments.filter((p) => p.billingId === b.id).reduce((n, p) => n + p.amount, 0)).toBe(
        d.services.billing.detail(session, b.id).state.paid,
      );
      expect(b.currency).toBe('GBP');
    }
  });

  it('has a billing history: refunds, voids, credit, a price list, the clinic address and a close per receptionist', () => {
    const admin = d.services.auth.sessionFor(
      d.services.repos.users.list(d.tenantId, { where: "role = 'admin'" })[0]?.id ?? '',
    );
    const statuses = new Set(
      d.services.repos.billing
        .list(d.tenantId)
        .map((b) => d.services.billing.detail(admin, b.id).state.status),
    );
    for (const s of ['refunded', 'partially_refunded', 'void'] as const)
      expect(statuses.has(s), s).toBe(true);
    expect(d.services.billing.priceList(admin).map((p) => p.code)).toContain('CONSULT');
    expect(d.services.clinicSettings.get(admin).address).toMatch(/Bristol/);
    const closes = d.services.billing.closes(admin);
    expect(closes).toHaveLength(2);
    expect(closes.map((c) => Math.abs(c.difference)).sort()).toEqual([0, 150]);
    // Change kept as patients' credit; one spent part of it on a later visit.
    const credits = d.services.repos.patientCredits.list(d.tenantId);
    expect(credits.filter((c) => c.kind === 'applied')).toHaveLength(1);
    const holders = new Set(
      d.services.repos.payments
        .list(d.tenantId, { where: 'creditAmount > 0' })
        .map((p) => d.services.repos.billing.get(d.tenantId, p.billingId).patientId),
    );
    // Two in a full demo; a 30-patient one may have only one unpaid visit to leave change on.
    expect(holders.size).toBeGreaterThanOrEqual(1);
    const left = [...holders].map(
      (patientId) => d.services.billing.patientBalance(admin, { patientId }).credit,
    );
    // 10.00 of change each; the first spent 6.00 of it.
    expect(left.sort((x, y) => x - y)).toEqual(holders.size === 1 ? [400] : [400, 1_000]);
  });

  it('has staff messages and an intact audit chain', () => {
    expect(d.services.repos.messages.count(d.tenantId)).toBeGreaterThanOrEqual(20);
    const report = verifyAuditChains(d.store.read);
    expect(report.breaks).toEqual([]);
    expect(report.entries).toBeGreaterThan(100);
  });

  it('is the same clinic every time (seeded)', async () => {
    const other = await demo(30);
    try {
      const names = (x: typeof d) =>
        x.services.repos.patients
          .list(x.tenantId, { orderBy: 'medicalRecordNumber' })
          .map((p) => `${p.givenName} ${p.familyName} ${p.dateOfBirth}`);
      expect(names(other)).toEqual(names(d));
      expect(other.services.repos.appointments.count(other.tenantId)).toBe(
        d.services.repos.appointments.count(d.tenantId),
      );
    } finally {
      other.close();
    }
  });
});
