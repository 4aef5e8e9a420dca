// The invoice or receipt of one invoice as a PDF (pdfkit, standard fonts, so
// nothing to embed): the clinic's name, address and contact email, the
// invoice number, patient and doctor, each line, each payment and refund, the
// totals and the balance. A receipt of a refunded invoice says so. Built in
// the core from the same InvoiceDetail the screen shows.
import PDFDocument from 'pdfkit';
import type { InvoiceDetail } from '../../../shared/api/billing';
import { statusLabel } from '../../../shared/billing';
import type { ClinicLocale } from '../../../shared/domain/clinic-locale';
import { formatDate, formatMoney } from '../../../shared/format';
import { clinicLines } from './clinical-pdf';

export type DocumentKind = 'invoice' | 'receipt';

const METHOD: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  insurance: 'Insurance',
  bank_transfer: 'Bank transfer',
};

/** Dates in the clinic's zone and format; amounts in the invoice's own currency. */
export function invoicePdf(
  d: InvoiceDetail,
  kind: DocumentKind,
  locale: ClinicLocale,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title(d, kind) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // An invoice keeps the currency it was issued in, even if the clinic's changes later.
  const cur = d.invoice.currency;
  const m = (n: number) => formatMoney(n, { currency: cur }, 'code');
  const row = (left: string, right: string) => {
    const y = doc.y;
    doc.text(left, 50, y, { width: 350 });
    const after = doc.y;
    doc.text(right, 400, y, { width: 145, align: 'right' });
    doc.y = Math.max(after, doc.y);
  };

  doc.font('Helvetica-Bold').fontSize(16).text(d.clinic.name);
  doc.font('Helvetica').fontSize(10);
  for (const line of clinicLines(d.clinic)) doc.text(line);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(14).text(title(d, kind));
  doc.font('Helvetica').fontSize(10);
  if (d.invoice.issuedAt) doc.text(`Issued: ${formatDate(d.invoice.issuedAt, locale)}`);
  doc.text(`Patient: ${d.patientName}`);
  if (d.doctorName) doc.text(`Doctor: ${d.doctorName}`);
  doc.text(`Status: ${statusLabel[d.state.status]}`);
  if (d.state.status === 'void') doc.text(`VOID: ${d.invoice.voidReason ?? ''}`);
  if (
    kind === 'receipt' &&
    (d.state.status === 'refunded' || d.state.status === 'partially_refunded')
  )
    doc
      .font('Helvetica-Bold')
      .text(
        d.state.status === 'refunded'
          ? 'This invoice has been refunded.'
          : 'This invoice has been partly refunded.',
      )
      .font('Helvetica');
  doc.moveDown();

  doc.font('Helvetica-Bold');
  row('Item', 'Amount');
  doc.font('Helvetica');
  for (const l of d.lines) {
    const extras = [
      l.discountAmount
        ? `discount ${m(l.discountAmount)}${l.discountReason ? ` (${l.discountReason})` : ''}`
        : '',
      l.taxAmount ? `tax ${m(l.taxAmount)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    row(
      `${l.quantity} x ${l.description} at ${m(l.unitPrice)}${extras ? `; ${extras}` : ''}`,
      m(l.amount),
    );
  }
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold');
  row('Total', m(d.state.total));
  doc.font('Helvetica');

  if (d.payments.length) {
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Payments').font('Helvetica');
    for (const p of d.payments) {
      const cash =
        p.tenderedAmount !== null
          ? ` (tendered ${m(p.tenderedAmount)}, change ${m(p.changeGiven ?? 0)})`
          : '';
      row(
        `${formatDate(p.receivedAt, locale)} ${METHOD[p.method] ?? p.method}${p.reference ? ` ${p.reference}` : ''}${cash}`,
        m(p.amount),
      );
    }
  }
  const fromCredit = d.credits.filter((c) => c.kind === 'applied');
  if (fromCredit.length) {
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Paid from credit').font('Helvetica');
    for (const c of fromCredit)
      row(`${formatDate(c.recordedAt, locale)} From the patient's credit`, m(c.amount));
  }
  const kept = d.state.credit;
  if (kept > 0) {
    doc.moveDown();
    // A straight apostrophe: the PDF's standard fonts have no curly one.
    row("Kept as the patient's credit", m(kept));
  }
  if (d.refunds.length) {
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Refunds').font('Helvetica');
    for (const r of d.refunds)
      row(
        `${formatDate(r.refundedAt, locale)} ${METHOD[r.method] ?? r.method}: ${r.reason}`,
        `-${m(r.amount)}`,
      );
  }
  doc.moveDown();
  row('Paid', m(d.state.paid));
  if (d.state.fromCredit > 0) row('Paid from credit', m(d.state.fromCredit));
  row('Refunded', m(d.state.refunded));
  doc.font('Helvetica-Bold');
  row('Balance due', m(d.state.balance));
  doc.end();
  return done;
}

function title(d: InvoiceDetail, kind: DocumentKind): string {
  const n = d.invoice.invoiceNumber ?? 'draft';
  return kind === 'receipt' ? `Receipt for invoice ${n}` : `Invoice ${n}`;
}
