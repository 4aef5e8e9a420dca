// Billing under offline sync, two workstations over the real HTTPS server:
// payments taken on the same invoice by both while offline are both kept and
// the overpayment becomes visible; a void on one and a payment on the other
// are both kept and surfaced; invoice numbers never collide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import type { clinicWorld } from '../world';
import { replicaContent } from './replicas';
import {
  deskAndAdminOn,
  syncBoth,
  twoWorkstations,
  type TwoWorkstations,
} from './two-workstation-world';

describe('billing on two workstations', () => {
  let a: Awaited<ReturnType<typeof clinicWorld>>;
  let bStore: ClinicStore;
  let b: { services: Services; desk: Session; admin: Session };
  let world: TwoWorkstations;

  beforeAll(async () => {
    world = await twoWorkstations({ a: 'Front desk', b: 'Back office' });
    ({ a, bStore } = world);
    b = await deskAndAdminOn(bStore);
  });

  afterAll(async () => {
    await world.close();
  });

  /** This invoice's entry in the Conflicts view's billing list. */
  const listed = (s: Services, session: Session, id: string) =>
    s.billing.conflicts(session).filter((c) => c.invoice.id === id);

  const both = () => syncBoth(world);

  it('keeps both offline payments and shows the overpayment on both workstations', async () => {
    const inv = a.services.billing.createInvoice(a.desk, {
      patientId: a.patient.id,
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 10000 }],
      issue: true,
    });
    await both();
    // Offline: each takes 7,000 against a balance of 10,000.
    a.services.billing.recordPayment(a.desk, { billingId: inv.id, amount: 7000, method: 'cash' });
    b.services.billing.recordPayment(b.desk, { billingId: inv.id, amount: 7000, method: 'card' });
    await both();
    const onA = a.services.billing.detail(a.desk, inv.id);
    const onB = b.services.billing.detail(b.desk, inv.id);
    expect(onA.payments).toHaveLength(2);
    expect(onA.state).toMatchObject({ status: 'overpaid', overpaid: 4000, conflict: 'overpaid' });
    expect(onB.state).toEqual(onA.state);
    expect(
      a.services.billing.list(a.desk, { status: 'overpaid', limit: 50 }).items.map((i) => i.id),
    ).toContain(inv.id);
    // In the Conflicts view on both, with what to refund (the later payment's method), and counted.
    const entry = listed(a.services, a.desk, inv.id);
    expect(entry).toEqual([
      expect.objectContaining({ kind: 'overpaid', amount: 4000, method: 'card' }),
    ]);
    expect(listed(b.services, b.desk, inv.id)).toEqual(entry);
    expect((await syncRound(bStore)).conflicts).toBeGreaterThan(0);
    // The one-click fix: refund the excess; both workstations agree it is settled.
    const [c] = entry;
    a.services.billing.refund(a.admin, {
      billingId: inv.id,
      amount: c?.amount ?? 0,
      method: c?.method ?? 'cash',
      reason: 'Overpayment: paid on two workstations',
    });
    await both();
    expect(listed(b.services, b.desk, inv.id)).toEqual([]);
    expect(b.services.billing.detail(b.desk, inv.id).state).toMatchObject({
      conflict: null,
      balance: 0,
      net: 10000,
    });
  });

  it('keeps a void on one and a payment on the other, and surfaces it', async () => {
    const inv = a.services.billing.createInvoice(a.desk, {
      patientId: a.patient.id,
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 5000 }],
      issue: true,
    });
    await both();
    a.services.billing.void(a.admin, { id: inv.id, reason: 'Duplicate invoice' });
    b.services.billing.recordPayment(b.desk, { billingId: inv.id, amount: 5000, method: 'cash' });
    await both();
    for (const [s, session] of [
      [a.services, a.desk],
      [b.services, b.desk],
    ] as const) {
      const d = s.billing.detail(session, inv.id);
      expect(d.invoice.voidedAt).not.toBeNull();
      expect(d.payments).toHaveLength(1);
      expect(d.state).toMatchObject({
        status: 'void',
        conflict: 'void_with_payments',
        overpaid: 5000,
      });
    }
    expect(listed(a.services, a.desk, inv.id)).toEqual([
      expect.objectContaining({ kind: 'void_with_payments', amount: 5000, method: 'cash' }),
    ]);
    // The held money can be refunded from a void invoice, which clears the conflict.
    b.services.billing.recordRefund(b.admin, {
      billingId: inv.id,
      amount: 5000,
      method: 'cash',
      reason: 'Invoice was void',
    });
    await both();
    expect(a.services.billing.detail(a.desk, inv.id).state.conflict).toBeNull();
    expect(listed(a.services, a.desk, inv.id)).toEqual([]);
  });

  it('numbers invoices from each workstation’s own series, without collisions', async () => {
    const mk = (s: Services, desk: Session) =>
      s.billing.createInvoice(desk, {
        patientId: a.patient.id,
        lines: [{ description: 'Visit', quantity: 1, unitPrice: 100 }],
        issue: true,
      }).invoiceNumber;
    const na = mk(a.services, a.desk);
    const nb = mk(b.services, b.desk);
    await both();
    expect(na).toMatch(new RegExp(`^INV-${a.store.seriesCode}-`));
    expect(nb).toMatch(new RegExp(`^INV-${bStore.seriesCode}-`));
    expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
  });
});
