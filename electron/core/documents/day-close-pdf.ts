// A sealed daily close as a PDF (pdfkit, standard fonts), for the cash drawer's
// paperwork: the clinic's header, the close's number, workstation, user and
// period, the expected takings by method, the counted cash and the difference.
// Built from the sealed DayClose row only, so it prints the same on every
// workstation; it names no patient.
import PDFDocument from 'pdfkit';
import type { DayClose } from '../../../shared/domain/billing';
import type { ClinicLocale } from '../../../shared/domain/clinic-locale';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { clinicLines } from './clinical-pdf';
import type { ClinicLines } from './statement-pdf';

export interface DayCloseNames {
  userName: string;
  workstationName: string;
}

export function dayClosePdf(
  c: DayClose,
  names: DayCloseNames,
  clinic: ClinicLines,
  locale: ClinicLocale,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Daily close ${c.closeNumber}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const m = (n: number) => formatMoney(n, locale, 'code');
  const line = (label: string, value: string) => {
    const y = doc.y;
    doc.text(label, 50, y, { width: 300 });
    doc.text(value, 350, y, { width: 195, align: 'right' });
    doc.x = 50;
  };

  doc.font('Helvetica-Bold').fontSize(16).text(clinic.name);
  doc.font('Helvetica').fontSize(10);
  for (const l of clinicLines(clinic)) doc.text(l);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(14).text(`Daily close ${c.closeNumber}`);
  doc.font('Helvetica').fontSize(10);
  line('Workstation', names.workstationName);
  line('Closed by', names.userName);
  line('From', c.periodStart ? formatDateTime(c.periodStart, locale) : 'the first payment');
  line('To', formatDateTime(c.periodEnd, locale));
  line('Payments / refunds', `${c.paymentCount} / ${c.refundCount}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Expected takings (payments minus refunds)');
  doc.font('Helvetica');
  line('Cash', m(c.expectedCash));
  line('Card', m(c.expectedCard));
  line('Insurance', m(c.expectedInsurance));
  line('Bank transfer', m(c.expectedBankTransfer));
  doc.moveDown();
  line('Cash counted', m(c.countedCash));
  doc.font('Helvetica-Bold');
  line(
    c.difference === 0
      ? 'Difference'
      : c.difference > 0
        ? 'Difference (over)'
        : 'Difference (short)',
    m(c.difference),
  );
  doc.font('Helvetica');
  if (c.note) {
    doc.moveDown();
    doc.text(`Note: ${c.note}`);
  }
  doc.moveDown();
  doc.fontSize(8).text('Sealed: this close cannot be changed.');
  doc.end();
  return done;
}
