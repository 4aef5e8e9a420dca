// The admin's billing reports over the real store: revenue by day, method
// and doctor from payments and refunds dated when the money moved, invoiced
// totals of invoices issued in the period (void ones left out), aged
// outstanding balances, the CSV of each table (audited as an export), and
// refusals for the front desk. Also the patient statement as a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportRequest } from '../../../shared/api/billing-reports';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { pdfText } from '../documents/pdf-text';
import { clinicWorld } from '../world';

let clock = Date.parse('2026-06-01T10:00:00.000Z');
let w: Awaited<ReturnType<typeof clinicWorld>>;

const at = (iso: string) => {
  clock = Date.parse(iso);
};

beforeAll(async () => {
  // The world's own invoice (120.00, 50.00 paid, 10.00 refunded) is dated 1 June.
  w = await clinicWorld({ now: () => clock });
  const bill = (amount: number, doctor: boolean) =>
    w.services.billing.createInvoice(w.desk, {
      patientId: w.patient.id,
      doctorId: doctor ? w.doctor.id : null,
      lines: [{ description: 'Visit', quantity: 1, unitPrice: amount }],
      issue: true,
    });
  at('2026-09-01T09:00:00.000Z');
  const a = bill(10_000, true);
  w.services.billing.recordPayment(w.desk, { billingId: a.id, amount: 10_000, method: 'cash' });
  at('2026-10-15T23:30:00.000Z'); // 16 October in London
  const b = bill(5_000, true);
  w.services.billing.recordPayment(w.desk, { billingId: b.id, amount: 2_000, method: 'card' });
  at('2026-11-20T12:00:00.000Z');
  bill(3_000, false);
  const v = bill(999, false);
  w.services.billing.void(w.admin, { id: v.id, reason: 'Wrong patient' });
  w.services.billing.recordRefund(w.admin, {
    billingId: a.id,
    amount: 1_000,
    method: 'cash',
    reason: 'Dressing not used',
  });
  at('2026-12-02T12:00:00.000Z');
});
afterAll(() => w.close());

const period = { from: '2026-09-01', to: '2026-12-02' };

describe('billing reports', () => {
  it('sums revenue by day, method and doctor over the period', () => {
    const r = w.services.billing.report(w.admin, period);
    expect(r.totals).toEqual({ invoiced: 18_000, payments: 12_000, refunds: 1_000, net: 11_000 });
    expect(r.byDay).toHaveLength(93);
    const day = (d: string) => r.byDay.find((x) => x.date === d);
    expect(day('2026-09-01')).toEqual({
      date: '2026-09-01',
      invoiced: 10_000,
      payments: 10_000,
      refunds: 0,
      net: 10_000,
    });
    // 23:30 UTC on 15 October is the 16th in the clinic's zone (London, summer time).
    expect(day('2026-10-16')).toMatchObject({ invoiced: 5_000, payments: 2_000 });
    expect(day('2026-10-15')).toMatchObject({ invoiced: 0, payments: 0 });
    expect(day('2026-11-20')).toMatchObject({ invoiced: 3_000, refunds: 1_000, net: -1_000 });
    expect(r.byMethod).toEqual([
      { method: 'cash', payments: 10_000, refunds: 1_000, net: 9_000 },
      { method: 'card', payments: 2_000, refunds: 0, net: 2_000 },
      { method: 'insurance', payments: 0, refunds: 0, net: 0 },
      { method: 'bank_transfer', payments: 0, refunds: 0, net: 0 },
    ]);
    expect(r.byDoctor).toEqual([
      {
        doctorId: w.doctor.id,
        doctorName: 'Dr Greg House',
        invoiced: 15_000,
        payments: 12_000,
        refunds: 1_000,
        net: 11_000,
      },
      { doctorId: null, doctorName: 'No doctor', invoiced: 3_000, payments: 0, refunds: 0, net: 0 },
    ]);
  });

  it('ages what is still owed by days since issue', () => {
    const { aged } = w.services.billing.report(w.admin, period);
    expect(aged.asOf).toBe('2026-12-02');
    expect(aged.rows).toEqual([
      { bucket: '0-30', invoices: 1, balance: 3_000 },
      { bucket: '31-60', invoices: 1, balance: 3_000 },
      { bucket: '61-90', invoices: 0, balance: 0 },
      // The world's invoice of 1 June: 120.00 − 50.00 paid.
      { bucket: '90+', invoices: 1, balance: 7_000 },
    ]);
  });

  it('exports each table as CSV and audits the export', () => {
    const csv = w.services.billing.reportCsv(w.admin, { ...period, table: 'method' });
    expect(csv.fileName).toBe('billing-method-2026-09-01-to-2026-12-02.csv');
    expect(csv.csv.split('\r\n')).toEqual([
      'method,payments,refunds,net,currency',
      'cash,10000,1000,9000,GBP',
      'card,2000,0,2000,GBP',
      'insurance,0,0,0,GBP',
      'bank_transfer,0,0,0,GBP',
      '',
    ]);
    const aged = w.services.billing.reportCsv(w.admin, { ...period, table: 'aged' }).csv;
    expect(aged).toContain('90+,1,7000,GBP');
    const audit = writableDb(w.store)
      .prepare(
        "SELECT tableAffected, detail FROM audit_logs WHERE action = 'export' ORDER BY deviceSeq",
      )
      .all();
    expect(audit).toEqual([
      { tableAffected: 'billing', detail: 'report method 2026-09-01..2026-12-02' },
      { tableAffected: 'billing', detail: 'report aged 2026-09-01..2026-12-02' },
    ]);
  });

  it('is for admins only, and refuses a period that ends before it starts or is over a year', () => {
    expect(() => w.services.billing.report(w.desk, period)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(ReportRequest.safeParse({ from: '2026-12-02', to: '2026-12-01' }).success).toBe(false);
    expect(ReportRequest.safeParse({ from: '2025-01-01', to: '2026-01-02' }).success).toBe(false);
    expect(ReportRequest.safeParse({ from: '2025-01-01', to: '2025-12-31' }).success).toBe(true);
  });
});

describe('the patient statement PDF', () => {
  it('lists every entry with the running balance that ends at the patient’s balance', async () => {
    const s = w.services.billing.statement(w.desk, { patientId: w.patient.id });
    const balance = w.services.billing.patientBalance(w.desk, { patientId: w.patient.id });
    expect(s.balance).toBe(balance.balance);
    const doc = await w.services.billing.statementDocument(w.desk, { patientId: w.patient.id });
    expect(doc.fileName).toBe('statement-2026-12-02.pdf');
    const text = pdfText(Buffer.from(doc.base64, 'base64'));
    expect(text).toContain('Riverside Clinic');
    expect(text).toContain(`Statement for ${s.patientName}`);
    for (const e of s.entries.filter((x) => x.invoiceNumber))
      expect(text).toContain(e.invoiceNumber ?? '');
    expect(text).toContain(`Balance due: ${(balance.balance / 100).toFixed(2)} GBP`);
  });
});
