// Printable billing documents: the invoice or receipt of an issued invoice,
// and a patient's statement.
import type { ChannelInput } from '../../../../shared/api/channels';
import { AppError } from '../../../../shared/errors';
import { localDateOf } from '../../../../shared/scheduling';
import { invoicePdf } from '../../documents/invoice-pdf';
import { statementPdf } from '../../documents/statement-pdf';
import type { Session } from '../session';
import type { BillingReads } from './billing-reads';
import type { PatientAccount } from './patient-account';

export class BillingDocuments {
  constructor(
    private readonly reads: BillingReads,
    private readonly account: PatientAccount,
  ) {}

  /** The patient's statement (every invoice, payment, refund and void, running balance) as a PDF. */
  async statementDocument(session: Session, r: ChannelInput<'billing.statementDocument'>) {
    const s = this.account.statement(session, r);
    const clinic = this.reads.clinicHeader(session.actor.tenantId);
    const locale = this.reads.locale(session.actor.tenantId);
    // The clinic's date today (file name in ISO; the document in the clinic's format).
    const asOf = localDateOf(this.reads.store.now(), locale.timeZone);
    const pdf = await statementPdf(s, clinic, asOf, locale);
    // Named by date only: a file name never carries the patient's name.
    return { fileName: `statement-${asOf}.pdf`, base64: pdf.toString('base64') };
  }

  /** The invoice or receipt as a PDF (only once issued: a draft has no number yet). */
  async document(session: Session, r: ChannelInput<'billing.document'>) {
    const d = this.reads.detail(session, r.id);
    if (!d.invoice.issuedAt)
      throw new AppError('INVALID_TRANSITION', 'Issue the invoice before printing it.');
    const pdf = await invoicePdf(d, r.kind, this.reads.locale(session.actor.tenantId));
    // A printed document leaves the app with the patient's name and services on it: audited as an export.
    this.reads.store.audit(session.actor, 'export', 'billing', d.invoice.id, `${r.kind} pdf`);
    const name = `${r.kind === 'receipt' ? 'receipt' : 'invoice'}-${d.invoice.invoiceNumber ?? d.invoice.id}.pdf`;
    return { fileName: name, base64: pdf.toString('base64') };
  }
}
