// What every part of billing reads: an invoice of the session's clinic, its
// payments, refunds and credit movements, its derived state, the patient's
// available credit, the names shown with it and the
// clinic's header, and the full invoice view (detail).
import { clinicLocaleOf, type ClinicLocale } from '../../../../shared/domain/clinic-locale';
import type { InvoiceDetail } from '../../../../shared/api/billing';
import { invoiceState } from '../../../../shared/billing';
import type {
  Billing,
  PatientCredit,
  Payment,
  PriceItem,
  Refund,
} from '../../../../shared/domain/billing';
import { AppError } from '../../../../shared/errors';
import type { ClinicStore } from '../../clinic/clinic-store';
import type { Repositories } from '../../repos/repositories';
import { requireCap, type Session } from '../session';

export class BillingReads {
  constructor(
    readonly store: ClinicStore,
    readonly repos: Repositories,
  ) {}

  movements(tenantId: string, billingId: string) {
    const q = { where: 'billingId = ?', params: [billingId], orderBy: 'createdAt, id' };
    return {
      payments: this.repos.payments.list(tenantId, q),
      refunds: this.repos.refunds.list(tenantId, q),
      credits: this.repos.patientCredits.list(tenantId, q),
    };
  }

  stateOf(
    bill: Billing,
    payments: readonly Payment[],
    refunds: readonly Refund[],
    credits: readonly PatientCredit[],
  ) {
    return invoiceState(
      { total: bill.amount, issuedAt: bill.issuedAt, voidedAt: bill.voidedAt },
      payments,
      refunds,
      credits,
    );
  }

  /**
   * The patient's credit they can spend: the credit their invoices hold minus
   * what was paid from credit (shared/billing accountShare, summed from the
   * local summary). Negative when two workstations spent the same credit offline.
   */
  availableCredit(tenantId: string, patientId: string): number {
    const row = this.store.read
      .prepare(
        `SELECT COALESCE(sum(credit - fromCredit), 0) AS credit FROM invoice_money
         INDEXED BY invoice_money_credit
         WHERE tenantId = ? AND patientId = ? AND (credit > 0 OR fromCredit > 0)
           AND issuedAt IS NOT NULL`,
      )
      .get(tenantId, patientId) as { credit: number };
    return row.credit;
  }

  invoice(session: Session, id: string): Billing {
    const bill = this.repos.billing.find(session.actor.tenantId, id);
    if (!bill) throw new AppError('NOT_FOUND', 'That invoice does not exist.');
    return bill;
  }

  /** The invoice with its state computed from its current payments and refunds. */
  currentState(session: Session, billingId: string) {
    const bill = this.invoice(session, billingId);
    const { payments, refunds, credits } = this.movements(session.actor.tenantId, billingId);
    return { bill, state: this.stateOf(bill, payments, refunds, credits) };
  }

  patientName(tenantId: string, patientId: string): string {
    const p = this.repos.patients.find(tenantId, patientId);
    return p ? `${p.givenName} ${p.familyName}` : 'Unknown patient';
  }

  doctorName(tenantId: string, doctorId: string | null): string | null {
    if (!doctorId) return null;
    const d = this.repos.doctors.find(tenantId, doctorId);
    return d ? (this.repos.users.find(tenantId, d.userId)?.displayName ?? null) : null;
  }

  clinicHeader(tenantId: string) {
    const t = this.repos.tenants.get(tenantId, tenantId);
    return {
      name: t.name,
      address: t.address,
      contactEmail: t.contactEmail,
      phone: t.phone,
      currency: t.currency,
    };
  }

  /** How the clinic writes dates, times and money (its profile), for printed documents. */
  locale(tenantId: string): ClinicLocale {
    return clinicLocaleOf(this.repos.tenants.get(tenantId, tenantId));
  }

  currency(tenantId: string): string {
    return this.repos.tenants.get(tenantId, tenantId).currency;
  }

  checkPatient(tenantId: string, patientId: string): void {
    // A patient of another clinic is simply not found here.
    if (!this.repos.patients.find(tenantId, patientId))
      throw new AppError('NOT_FOUND', 'That patient is not a patient of this clinic.');
  }

  checkDoctor(tenantId: string, doctorId: string | null | undefined): void {
    if (doctorId && !this.repos.doctors.find(tenantId, doctorId))
      throw new AppError('NOT_FOUND', 'That doctor is not a doctor of this clinic.');
  }

  priceItemByCode(tenantId: string, code: string): PriceItem | null {
    return (
      this.repos.priceItems.list(tenantId, {
        where: 'code = ?',
        params: [code],
        orderBy: 'createdAt',
        limit: 1,
      })[0] ?? null
    );
  }

  detail(session: Session, id: string): InvoiceDetail {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    const invoice = this.invoice(session, id);
    const lines = this.repos.invoiceLineItems.list(tenantId, {
      where: 'billingId = ?',
      params: [id],
      orderBy: 'position, createdAt, id',
    });
    const { payments, refunds, credits } = this.movements(tenantId, id);
    return {
      invoice,
      lines,
      payments,
      refunds,
      credits,
      state: this.stateOf(invoice, payments, refunds, credits),
      patientCredit: this.availableCredit(tenantId, invoice.patientId),
      patientName: this.patientName(tenantId, invoice.patientId),
      doctorName: this.doctorName(tenantId, invoice.doctorId),
      clinic: this.clinicHeader(tenantId),
    };
  }
}
