// Invoices with line items, and payments. Money is integer minor units of the
// clinic's currency; invoice numbers come from this workstation's own series.
import type { Billing, Payment } from '../../../shared/domain/billing';
import type { z } from 'zod';
import type { NewInvoiceRequest, PaymentRequest } from '../../../shared/api/billing';
import { AppError } from '../../../shared/errors';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { requireCap, type Session } from './session';

type NewInvoice = z.input<typeof NewInvoiceRequest>;

export class BillingService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  createInvoice(session: Session, inv: NewInvoice): Billing {
    requireCap(session, 'billing.write');
    const tenantId = session.actor.tenantId;
    const tenant = this.repos.tenants.get(tenantId, tenantId);
    this.repos.patients.get(tenantId, inv.patientId);
    if (inv.lines.length === 0)
      throw new AppError('VALIDATION_FAILED', 'An invoice needs at least one line.');
    return this.store.transaction(() => {
      const n = this.store.nextNumber('invoice');
      const amount = inv.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
      const bill = this.repos.billing.create(session.actor, {
        patientId: inv.patientId,
        appointmentId: inv.appointmentId ?? null,
        amount,
        currency: tenant.currency,
        paymentMethod: inv.paymentMethod,
        status: inv.issue ? 'issued' : 'draft',
        invoiceNumber: `INV-${this.store.seriesCode}-${String(n).padStart(6, '0')}`,
        issuedAt: inv.issue ? this.store.nowIso() : null,
        paidAmount: 0,
      });
      for (const l of inv.lines) {
        this.repos.invoiceLineItems.create(session.actor, {
          billingId: bill.id,
          ...l,
          amount: l.quantity * l.unitPrice,
        });
      }
      return bill;
    });
  }

  recordPayment(session: Session, p: z.input<typeof PaymentRequest>): Payment {
    const { billingId } = p;
    requireCap(session, 'billing.write');
    const tenantId = session.actor.tenantId;
    const bill = this.repos.billing.get(tenantId, billingId);
    if (bill.status !== 'issued' && bill.status !== 'partially_paid') {
      throw new AppError(
        'INVALID_TRANSITION',
        `A ${bill.status.replace('_', ' ')} invoice cannot take payments.`,
      );
    }
    if (p.amount <= 0 || bill.paidAmount + p.amount > bill.amount) {
      throw new AppError(
        'VALIDATION_FAILED',
        'The payment must be positive and no more than the balance due.',
      );
    }
    return this.store.transaction(() => {
      const payment = this.repos.payments.create(session.actor, {
        billingId,
        amount: p.amount,
        method: p.method,
        receivedAt: this.store.nowIso(),
        reference: p.reference ?? '',
      });
      const paidAmount = bill.paidAmount + p.amount;
      this.repos.billing.update(session.actor, billingId, {
        paidAmount,
        paymentMethod: p.method,
        status: paidAmount === bill.amount ? 'paid' : 'partially_paid',
      });
      return payment;
    });
  }
}
