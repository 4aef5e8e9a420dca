// The local money summary (invoice_money, migrations 7 and 15) against
// shared/billing's derivation: after random invoice, line, payment (some with
// the excess kept as credit), refund, void and patient-credit writes (excess
// kept afterwards, invoices paid from credit, such payments undone) on one
// workstation, after another workstation's changes are pulled (also with
// payments applied before their invoice), and after a rebuild of a store
// whose summary went missing. Every live invoice has exactly one row and
// every figure equals invoiceState's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountShare, invoiceState } from '../../../shared/billing';
import { PaymentMethod } from '../../../shared/domain/enums';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { METHOD_BIT } from '../../../electron/core/services/billing/invoice-list';
import { applyRemoteChanges } from '../../../electron/core/sync/apply-remote';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { nextPushBatch } from '../../../electron/core/sync/push-batch';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { invoiceMoneyPresent } from '../../../electron/core/store/invoice-money';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { ADMIN_PASSWORD, tempDir, testWrapper } from '../helpers';
import { patientInput, STAFF_PASSWORD } from '../fixtures';
import { clinicWorld } from '../world';

interface Side {
  store: ClinicStore;
  services: Services;
  desk: Session;
  admin: Session;
}

/** A deterministic generator (mulberry32), so a failure names its seed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const summaryRows = (store: ClinicStore) =>
  writableDb(store).prepare('SELECT * FROM invoice_money ORDER BY billingId').all() as Record<
    string,
    unknown
  >[];

/** Every live invoice's summary row equals the derivation from its rows; no other rows exist. */
function expectSummaryAgrees(side: Side): void {
  const tenantId = side.store.tenantId ?? '';
  const repos = side.services.repos;
  const bills = repos.billing.list(tenantId, { orderBy: 'id' });
  const rows = summaryRows(side.store);
  expect(rows.map((r) => r['billingId'])).toEqual(bills.map((b) => b.id));
  const owedByPatient = new Map<string, { owed: number; credit: number }>();
  bills.forEach((b, i) => {
    const q = { where: 'billingId = ?', params: [b.id] };
    const payments = repos.payments.list(tenantId, q);
    const refunds = repos.refunds.list(tenantId, q);
    const credits = repos.patientCredits.list(tenantId, q);
    const s = invoiceState(
      { total: b.amount, issuedAt: b.issuedAt, voidedAt: b.voidedAt },
      payments,
      refunds,
      credits,
    );
    const methods = new Set(payments.map((p) => p.method));
    expect(rows[i]).toEqual({
      billingId: b.id,
      tenantId,
      d: b.issuedAt ?? b.createdAt,
      patientId: b.patientId,
      doctorId: b.doctorId,
      issuedAt: b.issuedAt,
      voidedAt: b.voidedAt,
      total: s.total,
      paid: s.paid,
      fromCredit: s.fromCredit,
      refunded: s.refunded,
      methods: PaymentMethod.options.reduce((m, x) => (methods.has(x) ? m | METHOD_BIT[x] : m), 0),
      credited:
        payments.reduce((n, p) => n + (p.creditAmount ?? 0), 0) +
        credits.filter((c) => c.kind === 'kept').reduce((n, c) => n + c.amount, 0),
      status: s.status,
      balance: s.balance,
      overpaid: s.overpaid,
      credit: s.credit,
    });
    // The list reads the same state, and the patient's balance and credit sum it.
    if (b.issuedAt) {
      const share = accountShare(s);
      const sum = owedByPatient.get(b.patientId) ?? { owed: 0, credit: 0 };
      owedByPatient.set(b.patientId, {
        owed: sum.owed + share.owed,
        credit: sum.credit + share.credit,
      });
    }
  });
  for (const [patientId, sum] of owedByPatient) {
    const account = side.services.billing.patientBalance(side.desk, { patientId });
    expect({ owed: account.balance, credit: account.credit }).toEqual(sum);
    // The statement's last running balance is the same balance.
    expect(side.services.billing.statement(side.desk, { patientId }).balance).toBe(sum.owed);
  }
  const listed = side.services.billing.list(side.desk, { limit: 200 });
  for (const item of listed.items)
    expect(item.state).toEqual(side.services.billing.detail(side.desk, item.id).state);
}

const creditKinds = (side: Side) =>
  (
    writableDb(side.store).prepare('SELECT DISTINCT kind FROM patient_credits').all() as {
      kind: string;
    }[]
  ).map((k) => k.kind);

/** `count` random billing writes through the services (refused ones are simply skipped). */
function randomWrites(side: Side, patients: string[], seed: number, count: number): void {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(r() * xs.length)];
  const methods = PaymentMethod.options;
  const tenantId = side.store.tenantId ?? '';
  for (let i = 0; i < count; i++) {
    const bills = side.services.repos.billing.list(tenantId, { orderBy: 'id' });
    const bill = pick(bills);
    const roll = r();
    try {
      if (roll < 0.2 || !bill) {
        side.services.billing.createInvoice(side.desk, {
          patientId: pick(patients) ?? '',
          lines: [
            {
              description: 'Visit',
              quantity: 1 + Math.floor(r() * 3),
              unitPrice: 500 + Math.floor(r() * 10_000),
              taxRateBp: r() < 0.3 ? 2000 : 0,
              discount: r() < 0.3 ? { kind: 'percent', basisPoints: 1250, reason: 'Staff' } : null,
            },
          ],
          issue: r() < 0.6,
        });
      } else if (roll < 0.3) {
        side.services.billing.updateDraft(side.desk, {
          id: bill.id,
          lines: [{ description: 'Edited', quantity: 2, unitPrice: 1 + Math.floor(r() * 9000) }],
        });
      } else if (roll < 0.35) {
        side.services.billing.deleteDraft(side.desk, { id: bill.id });
      } else if (roll < 0.45) {
        side.services.billing.issue(side.desk, { id: bill.id });
      } else if (roll < 0.75) {
        const due = side.services.billing.detail(side.desk, bill.id).state.balance;
        // Now and then more than is due, the excess kept as the patient's credit.
        const credit = r() < 0.2;
        side.services.billing.recordPayment(side.desk, {
          billingId: bill.id,
          amount: Math.max(1, Math.ceil(due * (credit ? 1.5 : r()))),
          method: pick(methods) ?? 'cash',
          ...(credit ? { excessAsCredit: true } : {}),
        });
      } else if (roll < 0.8) {
        // Patient credit: keep an invoice's excess, pay from credit, or undo such a payment.
        const detail = side.services.billing.detail(side.desk, bill.id);
        const kind = r();
        if (kind < 0.4)
          side.services.billing.keepCredit(side.desk, {
            billingId: bill.id,
            amount: Math.max(1, detail.state.overpaid - detail.state.credit),
          });
        else if (kind < 0.8) {
          // An invoice with something due whose patient holds credit, when there is one.
          const due = bills
            .map((x) => side.services.billing.detail(side.desk, x.id))
            .find((d) => d.state.balance > 0 && d.patientCredit > 0);
          const target = due ?? detail;
          side.services.billing.payFromCredit(side.desk, {
            billingId: target.invoice.id,
            amount: Math.max(1, Math.min(target.state.balance, target.patientCredit)),
          });
        } else {
          const applied = detail.credits.find((c) => c.kind === 'applied');
          if (applied) side.services.billing.undoCreditPayment(side.admin, { id: applied.id });
        }
      } else if (roll < 0.9) {
        const net = side.services.billing.detail(side.desk, bill.id).state.net;
        side.services.billing.recordRefund(side.admin, {
          billingId: bill.id,
          amount: Math.max(1, Math.ceil(net * r())),
          method: pick(methods) ?? 'cash',
          reason: 'Test refund',
        });
      } else {
        side.services.billing.void(side.admin, { id: bill.id, reason: 'Test void' });
      }
    } catch (e) {
      // Refusals (a payment on a draft, a void with money held, ...) are part of the mix.
      if (!(e instanceof Error) || !('code' in e)) throw e;
    }
  }
}

describe('invoice_money, the local money summary', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof clinicWorld>>;
  let a: Side;
  let b: Side;
  let bDir: { dir: string; cleanup: () => void };
  const patients: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    world = await clinicWorld();
    a = { store: world.store, services: world.services, desk: world.desk, admin: world.admin };
    patients.push(world.patient.id);
    for (let i = 0; i < 3; i++)
      patients.push(world.services.patients.create(world.desk, patientInput()).id);
    await connectClinic(a.store, {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      adminToken: server.adminToken,
      deviceName: 'Front desk',
    });
    await syncRound(a.store);
    const { code } = await createEnrollmentCode(a.store);
    bDir = tempDir();
    const bStore = await joinClinic(bDir.dir, testWrapper('workstation-b-pass'), {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      code,
      deviceName: 'Back office',
    });
    await syncRound(bStore);
    const services = servicesFor(bStore);
    b = {
      store: bStore,
      services,
      desk: await services.auth.login('desk@example.test', STAFF_PASSWORD),
      admin: await services.auth.login('admin@example.test', ADMIN_PASSWORD),
    };
  });

  afterAll(async () => {
    b.store.close();
    bDir.cleanup();
    world.close();
    await server.stop();
  });

  it('agrees with the derivation after random writes', () => {
    randomWrites(a, patients, 7, 150);
    // On top of the mix (whose picks depend on random ids): change kept as credit, spent on two
    // payments from credit, one of them undone.
    // A patient of their own, so the random mix cannot have spent this credit already.
    const holder = a.services.patients.create(a.desk, patientInput({ givenName: 'Credit' })).id;
    const bill = (unitPrice: number) =>
      a.services.billing.createInvoice(a.desk, {
        patientId: holder,
        lines: [{ description: 'Visit', quantity: 1, unitPrice }],
        issue: true,
      });
    const change = bill(1_000);
    a.services.billing.recordPayment(a.desk, {
      billingId: change.id,
      amount: 1_600,
      method: 'cash',
      excessAsCredit: true,
    });
    const spent = bill(2_000);
    a.services.billing.payFromCredit(a.desk, { billingId: spent.id, amount: 300 });
    const twice = a.services.billing.payFromCredit(a.desk, { billingId: spent.id, amount: 200 });
    a.services.billing.undoCreditPayment(a.admin, { id: twice.credits[0]?.id ?? '' });
    expect(creditKinds(a)).toContain('applied');
    expectSummaryAgrees(a);
  });

  it('agrees on both workstations after each pulls the other’s offline writes', async () => {
    // Both take payments on the same invoices offline (overpaid, void with payments...).
    randomWrites(a, patients, 21, 80);
    randomWrites(b, patients, 22, 80);
    await syncRound(a.store);
    await syncRound(b.store);
    await syncRound(a.store);
    expectSummaryAgrees(a);
    expectSummaryAgrees(b);
    expect(summaryRows(b.store)).toEqual(summaryRows(a.store));
    // Both take the whole balance of the same invoice offline: overpaid once merged. Each keeps
    // the excess as credit offline ("Keep as credit"): the credit is capped at the excess.
    const open = a.services.billing.list(a.desk, { status: 'issued', limit: 1 }).items[0];
    expect(open).toBeDefined();
    const id = open?.id ?? '';
    for (const side of [a, b])
      side.services.billing.recordPayment(side.desk, {
        billingId: id,
        amount: open?.state.balance ?? 0,
        method: 'cash',
      });
    await syncRound(a.store);
    await syncRound(b.store);
    await syncRound(a.store);
    const conflict = a.services.billing.conflicts(a.desk).find((c) => c.invoice.id === id);
    expect(conflict?.kind).toBe('overpaid');
    for (const side of [a, b])
      side.services.billing.keepCredit(side.desk, { billingId: id, amount: conflict?.amount ?? 0 });
    await syncRound(a.store);
    await syncRound(b.store);
    await syncRound(a.store);
    expect(creditKinds(a)).toContain('kept');
    expectSummaryAgrees(a);
    expectSummaryAgrees(b);
    expect(summaryRows(b.store)).toEqual(summaryRows(a.store));
    const kept = a.services.billing.detail(a.desk, id).state;
    expect({ status: kept.status, credit: kept.credit, conflict: kept.conflict }).toEqual({
      status: 'paid',
      credit: conflict?.amount,
      conflict: null,
    });
  });

  it('agrees when a page brings payments before their invoice', async () => {
    const inv = b.services.billing.createInvoice(b.desk, {
      patientId: patients[1] ?? '',
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 9000 }],
      issue: true,
    });
    b.services.billing.recordPayment(b.desk, { billingId: inv.id, amount: 4000, method: 'card' });
    b.services.billing.recordRefund(b.admin, {
      billingId: inv.id,
      amount: 1000,
      method: 'card',
      reason: 'Test refund',
    });
    const batch = nextPushBatch(b.store);
    if (!batch) throw new Error('workstation B has nothing to push');
    const money = batch.changes.filter((c) => c.table === 'payments' || c.table === 'refunds');
    // One page (one transaction: foreign keys are checked at its end), payments first.
    a.store.transaction(() => {
      applyRemoteChanges(a.store, money);
      // The payment is here, its invoice not yet: nothing is summarised for it.
      expect(summaryRows(a.store).some((r) => r['billingId'] === inv.id)).toBe(false);
      applyRemoteChanges(
        a.store,
        batch.changes.filter((c) => !money.includes(c)),
      );
    });
    expect(a.services.billing.detail(a.desk, inv.id).state).toMatchObject({
      status: 'partially_refunded',
      paid: 4000,
      refunded: 1000,
    });
    expectSummaryAgrees(a);
    await syncRound(b.store);
    await syncRound(a.store);
    expectSummaryAgrees(a);
  });

  it('is rebuilt from the rows when a store opens without it', async () => {
    const before = summaryRows(b.store);
    expect(before.length).toBeGreaterThan(10);
    writableDb(b.store).exec('DROP TABLE invoice_money');
    expect(invoiceMoneyPresent(writableDb(b.store))).toBe(false);
    b.store.close();
    const reopened = await ClinicStore.open(bDir.dir, testWrapper('workstation-b-pass'));
    const services = servicesFor(reopened);
    b = {
      store: reopened,
      services,
      desk: await services.auth.login('desk@example.test', STAFF_PASSWORD),
      admin: await services.auth.login('admin@example.test', ADMIN_PASSWORD),
    };
    expect(invoiceMoneyPresent(writableDb(reopened))).toBe(true);
    expect(summaryRows(reopened)).toEqual(before);
    expectSummaryAgrees(b);
  });
});
