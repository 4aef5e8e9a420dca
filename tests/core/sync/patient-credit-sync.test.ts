// A patient's credit under offline sync, two workstations over the real HTTPS
// server: an overpayment from two offline payments kept as credit in one click
// (also by both at once: the credit never exceeds the excess), and the same
// credit spent on both workstations offline, which shows on both as a
// conflict whose one click (undo the latest payment from credit) settles it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { patientInput } from '../fixtures';
import type { clinicWorld } from '../world';
import { replicaContent } from './replicas';
import {
  deskAndAdminOn,
  syncBoth,
  twoWorkstations,
  type TwoWorkstations,
} from './two-workstation-world';

describe('a patient’s credit on two workstations', () => {
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

  const both = () => syncBoth(world);
  const invoiceFor = (patientId: string, unitPrice: number) =>
    a.services.billing.createInvoice(a.desk, {
      patientId,
      lines: [{ description: 'Visit', quantity: 1, unitPrice }],
      issue: true,
    });

  it('keeps an offline overpayment as credit in one click, never more than the excess', async () => {
    const patientId = a.services.patients.create(a.desk, patientInput({ givenName: 'Ida' })).id;
    const inv = invoiceFor(patientId, 10_000);
    await both();
    a.services.billing.recordPayment(a.desk, { billingId: inv.id, amount: 7_000, method: 'cash' });
    b.services.billing.recordPayment(b.desk, { billingId: inv.id, amount: 7_000, method: 'card' });
    await both();
    const [conflict] = a.services.billing.conflicts(a.desk).filter((c) => c.invoice.id === inv.id);
    expect(conflict).toMatchObject({ kind: 'overpaid', amount: 4_000 });
    // Both workstations click "Keep as credit" before either has seen the other's click.
    a.services.billing.keepCredit(a.desk, { billingId: inv.id, amount: 4_000 });
    b.services.billing.keepCredit(b.desk, { billingId: inv.id, amount: 4_000 });
    await both();
    for (const [s, session] of [
      [a.services, a.desk],
      [b.services, b.desk],
    ] as const) {
      expect(s.billing.detail(session, inv.id).state).toMatchObject({
        status: 'paid',
        credit: 4_000,
        conflict: null,
      });
      expect(s.billing.detail(session, inv.id).credits).toHaveLength(2);
      expect(s.billing.patientBalance(session, { patientId })).toMatchObject({
        balance: -4_000,
        credit: 4_000,
      });
      expect(s.billing.conflicts(session).filter((c) => c.invoice.id === inv.id)).toEqual([]);
    }
  });

  it('shows credit spent twice offline on both, and one undo settles it', async () => {
    const patientId = a.services.patients.create(a.desk, patientInput({ givenName: 'Jo' })).id;
    const change = invoiceFor(patientId, 8_000);
    a.services.billing.recordPayment(a.desk, {
      billingId: change.id,
      amount: 10_000,
      method: 'cash',
      excessAsCredit: true,
    });
    const visit = invoiceFor(patientId, 5_000);
    await both();
    // Offline, each desk pays the new visit with the patient's 20.00 credit.
    a.services.billing.payFromCredit(a.desk, { billingId: visit.id, amount: 2_000 });
    b.services.billing.payFromCredit(b.desk, { billingId: visit.id, amount: 2_000 });
    await both();
    expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
    const onA = a.services.billing.conflicts(a.desk).filter((c) => c.kind === 'credit_overspent');
    expect(onA).toEqual([
      expect.objectContaining({
        kind: 'credit_overspent',
        amount: 2_000,
        invoice: expect.objectContaining({ id: visit.id }),
        creditId: expect.any(String),
      }),
    ]);
    expect(
      b.services.billing.conflicts(b.desk).filter((c) => c.kind === 'credit_overspent'),
    ).toEqual(onA);
    // Both payments from credit are kept; the invoice shows 40.00 from credit, 10.00 due.
    expect(a.services.billing.detail(a.desk, visit.id).state).toMatchObject({
      fromCredit: 4_000,
      balance: 1_000,
    });
    expect(a.services.billing.patientBalance(a.desk, { patientId })).toMatchObject({
      balance: 3_000,
      credit: -2_000,
    });
    b.services.billing.undoCreditPayment(b.admin, { id: onA[0]?.creditId ?? '' });
    await both();
    for (const [s, session] of [
      [a.services, a.desk],
      [b.services, b.desk],
    ] as const) {
      expect(s.billing.conflicts(session).filter((c) => c.kind === 'credit_overspent')).toEqual([]);
      expect(s.billing.patientBalance(session, { patientId })).toMatchObject({
        balance: 3_000,
        credit: 0,
      });
      expect(s.billing.detail(session, visit.id).state).toMatchObject({
        fromCredit: 2_000,
        balance: 3_000,
      });
    }
  });
});
