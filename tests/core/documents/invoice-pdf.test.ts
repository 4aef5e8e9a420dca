// The invoice and receipt PDFs, generated in the core and read back as text:
// the clinic's name, address and email, the number, the doctor, every line,
// payment and refund, and totals that match the invoice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWorld } from '../world';
import { pdfText } from './pdf-text';

let w: Awaited<ReturnType<typeof clinicWorld>>;
beforeAll(async () => {
  w = await clinicWorld();
  w.services.clinicSettings.update(w.admin, {
    address: '4 River Lane, London',
    contactEmail: 'accounts@riverside.example',
  });
});
afterAll(() => w.close());

const textOf = async (id: string, kind: 'invoice' | 'receipt') => {
  const doc = await w.services.billing.document(w.desk, { id, kind });
  const pdf = Buffer.from(doc.base64, 'base64');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return { name: doc.fileName, text: pdfText(pdf) };
};

describe('invoice and receipt PDFs', () => {
  it('itemize the invoice with the clinic header, payments and a balance that agrees', async () => {
    // The world's invoice: one consultation of 120.00, 50.00 paid by card, 10.00 of it refunded.
    const { name, text } = await textOf(w.invoice.id, 'invoice');
    expect(name).toBe(`invoice-${w.invoice.invoiceNumber ?? ''}.pdf`);
    expect(text).toContain('Riverside Clinic');
    expect(text).toContain('4 River Lane, London');
    expect(text).toContain('accounts@riverside.example');
    expect(text).toContain(`Invoice ${w.invoice.invoiceNumber ?? ''}`);
    expect(text).toContain('Doctor: Dr Greg House');
    expect(text).toMatch(/1 x Consultation at 120\.00 GBP/);
    expect(text).toMatch(/Total\s*120\.00 GBP/);
    expect(text).toMatch(/Paid\s*50\.00 GBP/);
    expect(text).toMatch(/Balance due\s*70\.00 GBP/);
  });

  it('says on the receipt that an invoice was partly refunded', async () => {
    w.services.billing.recordRefund(w.admin, {
      billingId: w.invoice.id,
      amount: 1000,
      method: 'card',
      reason: 'Goodwill',
    });
    const { text } = await textOf(w.invoice.id, 'receipt');
    expect(text).toContain(`Receipt for invoice ${w.invoice.invoiceNumber ?? ''}`);
    expect(text).toContain('This invoice has been partly refunded.');
    expect(text).toMatch(/Card: Charged twice for the dressing\s*-10\.00 GBP/);
    expect(text).toMatch(/Card: Goodwill\s*-10\.00 GBP/);
    // The world's refund and this one.
    expect(text).toMatch(/Refunded\s*20\.00 GBP/);
  });

  it('show change kept as credit, and a later invoice paid from it', async () => {
    const mk = (unitPrice: number) =>
      w.services.billing.createInvoice(w.desk, {
        patientId: w.patient.id,
        lines: [{ description: 'Dressing', quantity: 1, unitPrice }],
        issue: true,
      });
    const first = mk(4_000);
    w.services.billing.recordPayment(w.desk, {
      billingId: first.id,
      amount: 5_000,
      method: 'cash',
      excessAsCredit: true,
    });
    const kept = await textOf(first.id, 'receipt');
    expect(kept.text).toMatch(/Kept as the patient's credit\s*10\.00 GBP/);
    const second = mk(2_500);
    w.services.billing.payFromCredit(w.desk, { billingId: second.id, amount: 1_000 });
    const spent = await textOf(second.id, 'receipt');
    expect(spent.text).toMatch(/From the patient's credit\s*10\.00 GBP/);
    expect(spent.text).toMatch(/Paid from credit\s*10\.00 GBP/);
    expect(spent.text).toMatch(/Balance due\s*15\.00 GBP/);
  });

  it('refuses a draft (it has no number yet)', async () => {
    const draft = w.services.billing.createInvoice(w.desk, {
      patientId: w.patient.id,
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 100 }],
    });
    await expect(
      w.services.billing.document(w.desk, { id: draft.id, kind: 'invoice' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});
