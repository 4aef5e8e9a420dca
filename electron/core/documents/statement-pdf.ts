// A patient's statement as a PDF (pdfkit, standard fonts): the clinic's
// header, the patient, every invoice, payment, refund and void in date order
// with what it changed and the running balance, and the balance at the end.
// Built from the same Statement the screen shows (billing.statement).
import PDFDocument from 'pdfkit';
import type { Statement } from '../../../shared/api/billing';
import type { ClinicLocale } from '../../../shared/domain/clinic-locale';
import { statementKindLabel } from '../../../shared/billing';
import { formatDate, formatMoney } from '../../../shared/format';
import { clinicLines } from './clinical-pdf';

export interface ClinicLines {
  name: string;
  address: string | null;
  contactEmail: string | null;
  phone: string | null;
}

/** `asOf` is the clinic's calendar date; every date and amount is written in the clinic's locale. */
export function statementPdf(
  s: Statement,
  clinic: ClinicLines,
  asOf: string,
  locale: ClinicLocale,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Statement for ${s.patientName}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const m = (n: number) => formatMoney(n, { currency: s.currency }, 'code');
  const cols = [50, 120, 190, 300, 390, 470];
  const row = (cells: string[]) => {
    const y = doc.y;
    let bottom = y;
    cells.forEach((c, i) => {
      const x = cols[i] ?? 50;
      const width = (cols[i + 1] ?? 545) - x - 4;
      doc.text(c, x, y, { width, align: i >= 3 ? 'right' : 'left' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = 50;
    doc.y = bottom;
  };

  doc.font('Helvetica-Bold').fontSize(16).text(clinic.name);
  doc.font('Helvetica').fontSize(10);
  for (const line of clinicLines(clinic)) doc.text(line);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(14).text(`Statement for ${s.patientName}`);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`As of ${formatDate(asOf, locale)}`);
  doc.moveDown();
  doc.font('Helvetica-Bold');
  row(['Date', 'Entry', 'Invoice', 'Amount', 'Change', 'Balance']);
  doc.font('Helvetica');
  for (const e of s.entries)
    row([
      formatDate(e.date, locale),
      statementKindLabel[e.kind],
      e.invoiceNumber ?? '',
      m(e.amount),
      m(e.effect),
      m(e.balance),
    ]);
  if (s.entries.length === 0) doc.text('No invoices yet.');
  doc.moveDown();
  doc.font('Helvetica-Bold').text(`Balance ${s.balance < 0 ? '(credit)' : 'due'}: ${m(s.balance)}`);
  doc.end();
  return done;
}
