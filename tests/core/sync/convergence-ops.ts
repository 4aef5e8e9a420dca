// The convergence property's service operations (tests/core/sync/convergence-world.ts
// runs them): creates of every kind (patients, visits, messages, invoices,
// records, dismissals and the billing operations: payments, refunds, closes,
// prices, voids and patient credit) and the messaging operations, each as a
// user of one replica would do it through the services. A refusal the
// business rules allow is caught by the runner (convergence-world.ts
// expectedRefusals); anything else fails the run.
import { pairKey } from '../../../electron/core/services/duplicate-dismissals';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { PaymentMethod } from '../../../shared/domain/enums';
import { patientInput } from '../fixtures';
import type { Op, Replica } from './convergence-world';

/**
 * Billing operations: money taken and given back, a close, a price edited, an
 * invoice voided, excess kept as credit, an invoice paid from credit, such a
 * payment undone.
 */
export const billingKinds = [
  'payment',
  'refund',
  'close',
  'price',
  'void',
  'keepCredit',
  'payFromCredit',
  'undoCredit',
] as const;
export const createKinds = [
  'patient',
  'appointment',
  'message',
  'invoice',
  'record',
  'dismissal',
  ...billingKinds,
] as const;
/** Messaging: a shared-inbox conversation, replies, read and handled marks. */
export const conversationKinds = ['toInbox', 'reply', 'markRead', 'markHandled'] as const;

export const liveIds = (r: Replica, table: string, where = '') =>
  (
    writableDb(r.store)
      .prepare(`SELECT id FROM ${table} WHERE deletedAt IS NULL ${where} ORDER BY id`)
      .all() as { id: string }[]
  ).map((x) => x.id);

export const pickOf = <T>(items: readonly T[], k: number): T | undefined =>
  items[k % Math.max(items.length, 1)];

export function converse(r: Replica, op: Extract<Op, { t: 'converse' }>): void {
  const m = r.services.messages;
  if (op.kind === 'toInbox') {
    m.start(r.desk, {
      to: { kind: 'role', role: 'doctor' },
      body: `inbox ${op.n}`,
      urgent: op.n % 2 === 0,
    });
    return;
  }
  const conversationId = pickOf(liveIds(r, 'conversations'), op.pick);
  if (!conversationId) return;
  const who = op.n % 2 ? r.doctor : r.desk;
  if (op.kind === 'reply') m.reply(who, { conversationId, body: `reply ${op.n}`, urgent: false });
  else if (op.kind === 'markRead') m.markRead(who, { conversationId });
  else m.markHandled(r.doctor, { conversationId });
}

export function create(r: Replica, op: Extract<Op, { t: 'create' }>): void {
  const patientId = pickOf(liveIds(r, 'patients'), op.pick);
  const doctorId = liveIds(r, 'doctors')[0];
  const bills = liveIds(r, 'billing');
  const billingId = pickOf(bills, op.n);
  const method = PaymentMethod.options[op.n % 4] ?? 'cash';
  const b = r.services.billing;
  switch (op.kind) {
    case 'patient':
      r.services.patients.create(r.desk, patientInput({ givenName: `P${op.n}` }));
      return;
    case 'appointment':
      if (!patientId || !doctorId) return;
      r.store.write(r.desk.actor, {
        kind: 'create',
        table: 'appointments',
        values: {
          doctorId,
          patientId,
          scheduledAt: new Date(1_800_000_000_000 + op.n * 900_000).toISOString(),
          durationMinutes: 15,
          status: 'scheduled',
          notes: '',
          cancelReason: null,
          overbookReason: null,
        },
      });
      return;
    case 'message':
      if (!patientId) return;
      r.services.messages.send(r.desk, {
        receiverId: r.doctor.user.id,
        body: `m${op.n}`,
        patientId,
      });
      return;
    case 'invoice':
      if (!patientId) return;
      b.createInvoice(r.desk, {
        patientId,
        paymentMethod: 'cash',
        lines: [{ description: 'Visit', quantity: 1, unitPrice: 100 + op.n }],
        issue: true,
      });
      return;
    case 'record':
      if (!patientId) return;
      r.services.records.create(r.doctor, {
        patientId,
        recordType: 'vitals',
        content: { pulse: 60 + (op.n % 40) },
      });
      return;
    case 'payment':
      // Every third payment goes beyond the balance, its excess kept as the patient's credit.
      if (billingId && op.n % 3 === 0)
        b.recordPayment(r.desk, {
          billingId,
          amount: b.detail(r.desk, billingId).state.balance + 1 + (op.n % 20),
          method,
          excessAsCredit: true,
        });
      else if (billingId) b.recordPayment(r.desk, { billingId, amount: 1 + (op.n % 80), method });
      return;
    case 'refund':
      if (billingId)
        b.recordRefund(r.admin, {
          billingId,
          amount: 1 + (op.n % 30),
          method,
          reason: `reason ${op.n}`,
        });
      return;
    case 'void':
      if (billingId) b.void(r.admin, { id: billingId, reason: `void ${op.n}` });
      return;
    case 'close':
      b.closeDay(r.desk, { countedCash: op.n, note: '' });
      return;
    case 'keepCredit': {
      // Keep (part of) what this replica sees as an invoice's unkept excess.
      const held = pickOf(
        liveIds(
          r,
          'billing',
          'AND id IN (SELECT billingId FROM invoice_money WHERE overpaid > credit)',
        ),
        op.n,
      );
      if (!held) return;
      const s = b.detail(r.desk, held).state;
      b.keepCredit(r.desk, {
        billingId: held,
        amount: Math.min(1 + (op.n % 20), s.overpaid - s.credit),
      });
      return;
    }
    case 'payFromCredit': {
      // An invoice with something due of a patient this replica sees holding credit.
      const due = pickOf(
        liveIds(
          r,
          'billing',
          `AND id IN (SELECT billingId FROM invoice_money WHERE balance > 0 AND patientId IN
             (SELECT patientId FROM invoice_money WHERE credit > 0))`,
        ),
        op.n,
      );
      if (!due) return;
      const d = b.detail(r.desk, due);
      const amount = Math.min(1 + (op.n % 40), d.state.balance, d.patientCredit);
      b.payFromCredit(r.desk, { billingId: due, amount });
      return;
    }
    case 'undoCredit': {
      const applied = pickOf(liveIds(r, 'patient_credits', "AND kind = 'applied'"), op.n);
      if (applied) b.undoCreditPayment(r.admin, { id: applied });
      return;
    }
    case 'dismissal': {
      // "Not the same person" for two patients, or (odd n) its undo where this replica holds one.
      const live = liveIds(r, 'patients');
      const aId = pickOf(live, op.pick);
      const bId = pickOf(live, op.pick + 1);
      if (!aId || !bId || aId === bId) return;
      const pairs = r.services.duplicateDismissals;
      const held = pairs.dismissedPairs(r.admin.actor.tenantId).has(pairKey(aId, bId));
      if (op.n % 2 && held) pairs.undismiss(r.admin, { aId, bId });
      else pairs.dismiss(r.admin, { aId, bId });
      return;
    }
    case 'price':
      b.savePriceItem(r.admin, {
        code: `S${op.n % 7}`,
        description: `Service ${op.n}`,
        price: 100 + op.n,
        taxRateBp: op.n % 2 ? null : 2000,
        active: true,
      });
      return;
  }
}
