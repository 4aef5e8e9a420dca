// Money on an invoice: payments (partial, cash with tendered and change) and
// refunds (never more than was paid), each an insert-only row with who,
// when, the workstation and the method. A payment above the balance is taken
// only when its excess is kept, on purpose, as the patient's credit.
import type { ChannelInput } from '../../../../shared/api/channels';
import type { InvoiceDetail } from '../../../../shared/api/billing';
import { paymentRefusal, refundRefusal } from '../../../../shared/billing';
import type { Payment, Refund } from '../../../../shared/domain/billing';
import { AppError } from '../../../../shared/errors';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';

export class Payments {
  constructor(private readonly reads: BillingReads) {}

  recordPayment(session: Session, p: ChannelInput<'billing.pay'>): Payment {
    requireCap(session, 'billing.write');
    const { state } = this.reads.currentState(session, p.billingId);
    const asCredit = p.excessAsCredit === true;
    const refusal = paymentRefusal(state, p.amount, asCredit);
    if (refusal)
      throw new AppError(
        state.status === 'draft' || state.status === 'void'
          ? 'INVALID_TRANSITION'
          : 'VALIDATION_FAILED',
        refusal,
      );
    if (p.tendered !== undefined && p.method !== 'cash')
      throw new AppError('VALIDATION_FAILED', 'Only cash has an amount tendered.');
    if (p.tendered !== undefined && p.tendered < p.amount)
      throw new AppError('VALIDATION_FAILED', 'The amount tendered is less than the payment.');
    return this.reads.repos.payments.create(session.actor, {
      billingId: p.billingId,
      amount: p.amount,
      method: p.method,
      receivedAt: this.reads.store.nowIso(),
      reference: p.reference ?? '',
      tenderedAmount: p.tendered ?? null,
      changeGiven: p.tendered !== undefined ? p.tendered - p.amount : null,
      receivedBy: session.user.id,
      deviceId: session.actor.deviceId,
      // The excess is the patient's credit: shown in their balance, not an overpayment conflict.
      creditAmount: asCredit && p.amount > state.balance ? p.amount - state.balance : null,
    });
  }

  pay(session: Session, p: ChannelInput<'billing.pay'>): InvoiceDetail {
    this.recordPayment(session, p);
    return this.reads.detail(session, p.billingId);
  }

  recordRefund(session: Session, r: ChannelInput<'billing.refund'>): Refund {
    requireCap(session, 'billing.refund');
    const { state } = this.reads.currentState(session, r.billingId);
    const refusal = refundRefusal(state, r.amount);
    if (refusal)
      throw new AppError(
        state.status === 'draft' ? 'INVALID_TRANSITION' : 'VALIDATION_FAILED',
        refusal,
      );
    return this.reads.repos.refunds.create(session.actor, {
      billingId: r.billingId,
      amount: r.amount,
      method: r.method,
      reason: r.reason,
      refundedAt: this.reads.store.nowIso(),
      refundedBy: session.user.id,
      deviceId: session.actor.deviceId,
    });
  }

  refund(session: Session, r: ChannelInput<'billing.refund'>): InvoiceDetail {
    this.recordRefund(session, r);
    return this.reads.detail(session, r.billingId);
  }
}
