// Printable billing documents: the invoice or receipt of an issued invoice.
import type { ChannelInput } from '../../../../shared/api/channels';
import { AppError } from '../../../../shared/errors';
import { invoicePdf } from '../../documents/invoice-pdf';
import type { Session } from '../session';
import type { BillingReads } from './billing-reads';

export class BillingDocuments {
  constructor(private readonly reads: BillingReads) {}

  /** The invoice or receipt as a PDF (only once issued: a draft has no number yet). */
  async document(session: Session, r: ChannelInput<'billing.document'>) {
    const d = this.reads.detail(session, r.id);
    if (!d.invoice.issuedAt)
      throw new AppError('INVALID_TRANSITION', 'Issue the invoice before printing it.');
    const pdf = await invoicePdf(d, r.kind);
    const name = `${r.kind === 'receipt' ? 'receipt' : 'invoice'}-${d.invoice.invoiceNumber ?? d.invoice.id}.pdf`;
    return { fileName: name, base64: pdf.toString('base64') };
  }
}
