// The demo clinic's billing history on top of the visits' invoices: the
// clinic's address and billing email, a price list, partial and full refunds
// of paid invoices, voided unpaid ones (with reasons), change kept as two
// patients' credit (one has spent part of it on a later visit) and a sealed
// daily close per receptionist, so every billing view has data. Deterministic (its own
// seeded PRNG, so the rest of the demo is unchanged) and written through the
// services like everything else.
import type { Services } from '../services/services';
import type { Session } from '../services/session';
import { seededPrng } from './prng';

const PRICES: readonly [string, string, number, number | null][] = [
  ['CONSULT', 'Consultation', 8500, null],
  ['FOLLOWUP', 'Follow-up consultation', 4500, null],
  ['BLOOD', 'Blood test', 3500, null],
  ['XRAY', 'X-ray', 6000, null],
  ['DRESS', 'Wound dressing', 1500, 2000],
  ['CERT', 'Medical certificate', 2500, 2000],
  ['VACC', 'Travel vaccination', 5500, null],
];

export function addDemoBilling(
  services: Services,
  tenantId: string,
  admin: Session,
  frontDesk: readonly Session[],
): void {
  const rng = seededPrng(4_242);
  services.clinicSettings.update(admin, {
    address: '12 Market Street, Bristol BS1 4DJ',
    contactEmail: 'billing@demo-family-clinic.example',
  });
  for (const [code, description, price, taxRateBp] of PRICES)
    services.billing.savePriceItem(admin, { code, description, price, taxRateBp, active: true });

  const bills = services.repos.billing.list(tenantId, {
    where: 'issuedAt IS NOT NULL',
    orderBy: 'issuedAt, id',
  });
  let refunds = 0;
  let voids = 0;
  for (const b of bills) {
    const { state, payments } = services.billing.detail(admin, b.id);
    const method = payments[0]?.method ?? 'cash';
    if (state.status === 'paid' && refunds < 12 && (refunds < 2 || rng.chance(0.15))) {
      const full = refunds % 4 === 0;
      services.billing.recordRefund(admin, {
        billingId: b.id,
        amount: full ? state.net : Math.max(1, Math.round(state.net / 4)),
        method,
        reason: full ? 'Visit cancelled by the clinic' : 'Goodwill discount after a long wait',
      });
      refunds++;
    } else if (state.status === 'issued' && voids < 6 && (voids < 2 || rng.chance(0.1))) {
      services.billing.void(admin, { id: b.id, reason: 'Issued to the wrong patient' });
      voids++;
    }
  }
  addDemoCredit(services, admin, frontDesk, bills);
  for (const desk of frontDesk) {
    const expected = services.billing.closePreview(desk).expected.cash;
    // One receptionist's drawer is 1.50 off (short if it can be), the other's exact.
    const off = desk === frontDesk[0] ? (expected >= 150 ? -150 : 150) : 0;
    services.billing.closeDay(desk, {
      countedCash: expected + off,
      note: off < 0 ? 'Short by 1.50' : off > 0 ? 'Over by 1.50' : '',
    });
  }
}

/**
 * Two patients paid with a larger note and left the change as credit; the
 * first spent some of it on another invoice still to pay. Which visits are
 * billed and unpaid depends on today's date, so when no such patient has a
 * second one, the first is issued a medical certificate to spend it on.
 */
function addDemoCredit(
  services: Services,
  admin: Session,
  frontDesk: readonly Session[],
  bills: readonly { id: string; patientId: string }[],
): void {
  const due = (id: string) => services.billing.detail(admin, id).state;
  const open = bills.filter((b) => {
    const status = due(b.id).status;
    return status === 'issued' || status === 'partially_paid';
  });
  const laterOf = (b: { id: string; patientId: string }) =>
    bills.find((x) => x.patientId === b.patientId && x.id !== b.id && due(x.id).balance > 0);
  const first = open.find((b) => laterOf(b) !== undefined) ?? open[0];
  const second = open.find((b) => first !== undefined && b.patientId !== first.patientId);
  [first, second].forEach((b, i) => {
    if (!b) return;
    const desk = frontDesk[i % Math.max(frontDesk.length, 1)] ?? admin;
    const handed = due(b.id).balance + 1_000;
    services.billing.recordPayment(desk, {
      billingId: b.id,
      amount: handed,
      method: 'cash',
      tendered: handed,
      excessAsCredit: true,
    });
    if (i > 0) return;
    const later =
      laterOf(b)?.id ??
      services.billing.create(desk, {
        patientId: b.patientId,
        paymentMethod: 'cash',
        lines: [
          { serviceCode: 'CERT', description: 'Medical certificate', quantity: 1, unitPrice: 2500 },
        ],
        issue: true,
      }).invoice.id;
    services.billing.payFromCredit(desk, {
      billingId: later,
      amount: Math.min(600, due(later).balance),
    });
  });
}
