// Printed documents follow the clinic profile: after an admin switches the
// clinic to UK dates and 12-hour time and gives a phone number, the invoice,
// receipt, statement, prescription and visit summary write dates as
// DD/MM/YYYY in the clinic's zone, the visit time as 2:30 PM, amounts grouped
// with the invoice's currency code, and the phone under the letterhead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { ADMIN, as, chartClinic, DESK, DOCTOR, ok } from '../api/chart-app';
import { pdfText } from './pdf-text';

let app: CoreApp;
let patientId: string;
let appointmentId: string;
let close: () => void;
beforeAll(async () => {
  // The clock is 2026-12-02 15:00 UTC (10:00 in New York); the visit is at 14:30 New York time.
  const c = await chartClinic();
  ({ app, close } = c);
  patientId = c.patient.id;
  appointmentId = c.appointment.id;
  await as(app, ADMIN);
  await ok(app, 'admin.updateClinicSettings', {
    dateFormat: 'DD/MM/YYYY',
    timeFormat: '12h',
    phone: '+1 212 555 0100',
  });
});
afterAll(() => close());

const textOf = (doc: { base64: string }) => pdfText(Buffer.from(doc.base64, 'base64'));

describe('documents in the clinic locale', () => {
  it('invoice, receipt and statement', async () => {
    await as(app, DESK);
    const d = await ok(app, 'billing.create', {
      patientId,
      lines: [{ description: 'Minor surgery', quantity: 1, unitPrice: 123450 }],
      issue: true,
    });
    await ok(app, 'billing.pay', { billingId: d.invoice.id, amount: 23450, method: 'card' });
    const invoice = textOf(await ok(app, 'billing.document', { id: d.invoice.id }));
    expect(invoice).toContain('Tel. +1 212 555 0100');
    expect(invoice).toContain('Issued: 02/12/2026');
    expect(invoice).toMatch(/1 x Minor surgery at 1,234\.50 USD/);
    expect(invoice).toMatch(/02\/12\/2026 Card\s*234\.50 USD/);
    expect(invoice).toMatch(/Balance due\s*1,000\.00 USD/);
    expect(invoice).not.toContain('2026-12-02');
    const receipt = textOf(
      await ok(app, 'billing.document', { id: d.invoice.id, kind: 'receipt' }),
    );
    expect(receipt).toMatch(/02\/12\/2026 Card/);
    const statement = await ok(app, 'billing.statementDocument', { patientId });
    // The file is named by the ISO date (sorts in a folder); the document reads in the clinic's.
    expect(statement.fileName).toBe('statement-2026-12-02.pdf');
    const st = textOf(statement);
    expect(st).toContain('As of 02/12/2026');
    expect(st).toMatch(/02\/12\/2026\s*Invoice/);
    expect(st).not.toContain('2026-12-02');
  });

  it('prescription and visit summary', async () => {
    await as(app, DOCTOR);
    const rx = await ok(app, 'records.create', {
      patientId,
      recordType: 'prescription',
      content: { drug: 'Amlodipine', strength: '5 mg', dose: '1 tablet', frequency: 'daily' },
      sign: true,
    });
    const prescription = textOf(await ok(app, 'documents.prescription', { id: rx.id }));
    for (const line of [
      'Tel. +1 212 555 0100',
      'Date: 02/12/2026',
      'Date of birth: 03/12/1975',
      'Signed electronically: 02/12/2026',
    ])
      expect(prescription).toContain(line);
    const summary = textOf(await ok(app, 'documents.visitSummary', { appointmentId }));
    expect(summary).toContain('Visit: 02/12/2026 2:30 PM');
    expect(summary).toContain('Date of birth: 03/12/1975');
  });
});
