// A patient's account: the outstanding balance and the statement (every
// invoice, payment, refund and void with a running balance). The balance is
// read from the local money summary (invoice_money, migration 7), which holds
// the same derivation as shared/billing/status.ts. Both name the patient and
// show their financial history, so a sensitive patient's account opens only
// after a reason was given this session (requireOpen, as patients.get does);
// the statement PDF (billing-documents.ts) goes through statement() and so
// through the same check.
import type { ChannelInput } from '../../../../shared/api/channels';
import type { Statement } from '../../../../shared/api/billing';
import { statement } from '../../../../shared/billing';
import { requireOpen } from '../sensitive-patients-service';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';

export class PatientAccount {
  constructor(private readonly reads: BillingReads) {}

  statement(session: Session, r: ChannelInput<'billing.statement'>): Statement {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    const repos = this.reads.repos;
    this.reads.checkPatient(tenantId, r.patientId);
    requireOpen(this.reads.store, session, r.patientId);
    const bills = repos.billing.list(tenantId, {
      where: 'patientId = ? AND issuedAt IS NOT NULL',
      params: [r.patientId],
    });
    const ids = bills.map((b) => b.id);
    const inIds = ids.map(() => '?').join(',');
    const payments = ids.length
      ? repos.payments.list(tenantId, { where: `billingId IN (${inIds})`, params: ids })
      : [];
    const refunds = ids.length
      ? repos.refunds.list(tenantId, { where: `billingId IN (${inIds})`, params: ids })
      : [];
    const credits = repos.patientCredits.list(tenantId, {
      where: 'patientId = ?',
      params: [r.patientId],
      orderBy: 'recordedAt, id',
    });
    const s = statement(
      bills.map((b) => ({
        id: b.id,
        invoiceNumber: b.invoiceNumber,
        total: b.amount,
        issuedAt: b.issuedAt,
        voidedAt: b.voidedAt,
      })),
      payments.map((p) => ({
        billingId: p.billingId,
        amount: p.amount,
        method: p.method,
        at: p.receivedAt,
      })),
      refunds.map((x) => ({
        billingId: x.billingId,
        amount: x.amount,
        method: x.method,
        at: x.refundedAt,
      })),
      credits.map((c) => ({
        billingId: c.billingId,
        kind: c.kind,
        amount: c.amount,
        at: c.recordedAt,
      })),
    );
    return {
      patientId: r.patientId,
      patientName: this.reads.patientName(tenantId, r.patientId),
      currency: this.reads.currency(tenantId),
      entries: s.entries,
      balance: s.balance,
    };
  }

  /**
   * Owed on issued invoices (accountShare: balance − money held beyond the
   * total + paid from credit) and the credit the patient can spend.
   */
  patientBalance(session: Session, r: ChannelInput<'billing.patientBalance'>) {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    this.reads.checkPatient(tenantId, r.patientId);
    requireOpen(this.reads.store, session, r.patientId);
    const row = this.reads.store.read
      .prepare(
        `SELECT COALESCE(sum(balance - overpaid + fromCredit), 0) AS balance,
           COALESCE(sum(balance > 0), 0) AS openInvoices
         FROM invoice_money WHERE tenantId = ? AND patientId = ? AND issuedAt IS NOT NULL`,
      )
      .get(tenantId, r.patientId) as { balance: number; openInvoices: number };
    return {
      patientId: r.patientId,
      currency: this.reads.currency(tenantId),
      balance: row.balance,
      openInvoices: row.openInvoices,
      credit: this.reads.availableCredit(tenantId, r.patientId),
    };
  }
}
