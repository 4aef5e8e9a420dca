// A patient's credit: money an invoice holds beyond its total kept as credit
// (at the desk with the payment, or afterwards from the Conflicts view), spent
// on another invoice, and a payment from credit undone. Each movement is an
// insert-only patient_credits row with who, when and the workstation; the
// patient's available credit is derived from the rows (BillingReads
// availableCredit), never stored. Spending credit is not a payment: no money
// changes hands, so the day close and the revenue report never count it.
import type { ChannelInput } from '../../../../shared/api/channels';
import type { InvoiceDetail } from '../../../../shared/api/billing';
import { AppError } from '../../../../shared/errors';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';

/** The contract refuses it too; the core checks again for callers inside the core. */
const positive = (amount: number) => {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new AppError(
      'VALIDATION_FAILED',
      'The amount must be a whole number of minor units above zero.',
    );
};

export class PatientCredits {
  constructor(private readonly reads: BillingReads) {}

  /** Keep (part of) what an invoice holds beyond its total as the patient's credit. */
  keep(session: Session, r: ChannelInput<'billing.keepCredit'>): InvoiceDetail {
    requireCap(session, 'billing.write');
    const { bill, state } = this.reads.currentState(session, r.billingId);
    positive(r.amount);
    if (state.status === 'draft')
      throw new AppError('INVALID_TRANSITION', 'A draft invoice holds no money.');
    const excess = state.overpaid - state.credit;
    if (excess <= 0)
      throw new AppError(
        'VALIDATION_FAILED',
        'This invoice holds nothing beyond its total that is not already credit.',
      );
    if (r.amount > excess)
      throw new AppError(
        'VALIDATION_FAILED',
        'That is more than this invoice holds beyond its total.',
      );
    this.record(session, bill.patientId, bill.id, 'kept', r.amount);
    return this.reads.detail(session, bill.id);
  }

  /** Pay (part of) an issued invoice from the patient's credit. */
  payFromCredit(session: Session, r: ChannelInput<'billing.payFromCredit'>): InvoiceDetail {
    requireCap(session, 'billing.write');
    const { bill, state } = this.reads.currentState(session, r.billingId);
    positive(r.amount);
    if (state.status === 'draft')
      throw new AppError('INVALID_TRANSITION', 'A draft invoice cannot be paid; issue it first.');
    if (state.status === 'void')
      throw new AppError('INVALID_TRANSITION', 'A void invoice cannot be paid.');
    if (state.balance === 0)
      throw new AppError('VALIDATION_FAILED', 'Nothing is due on this invoice.');
    if (r.amount > state.balance)
      throw new AppError('VALIDATION_FAILED', 'That is more than the balance due.');
    const available = this.reads.availableCredit(session.actor.tenantId, bill.patientId);
    if (r.amount > available)
      throw new AppError(
        'VALIDATION_FAILED',
        available > 0
          ? 'That is more than the patient’s credit.'
          : 'The patient has no credit to pay with.',
      );
    this.record(session, bill.patientId, bill.id, 'applied', r.amount);
    return this.reads.detail(session, bill.id);
  }

  /** Undo a payment from credit: the invoice owes it again, the patient has the credit back. */
  undo(session: Session, r: ChannelInput<'billing.undoCreditPayment'>): InvoiceDetail {
    requireCap(session, 'billing.refund');
    const credit = this.reads.repos.patientCredits.find(session.actor.tenantId, r.id);
    if (!credit) throw new AppError('NOT_FOUND', 'That payment from credit does not exist.');
    if (credit.kind !== 'applied')
      throw new AppError('INVALID_TRANSITION', 'Only a payment from credit can be undone.');
    this.reads.repos.patientCredits.delete(session.actor, credit.id);
    return this.reads.detail(session, credit.billingId);
  }

  private record(
    session: Session,
    patientId: string,
    billingId: string,
    kind: 'kept' | 'applied',
    amount: number,
  ): void {
    this.reads.repos.patientCredits.create(session.actor, {
      patientId,
      billingId,
      kind,
      amount,
      recordedAt: this.reads.store.nowIso(),
      recordedBy: session.user.id,
      deviceId: session.actor.deviceId,
    });
  }
}
