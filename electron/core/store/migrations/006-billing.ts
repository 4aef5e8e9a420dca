// Migration 6: billing end to end. Keeps every existing row.
// - tenants: address and contactEmail (the seed's Tenants.Address/ContactEmail).
// - billing: doctorId (the seed's Billing.DoctorId, filled from the invoice's
//   appointment), voidedAt/voidReason. Status and paid amount are derived from
//   payments and refunds from now on (shared/billing/status.ts); the old
//   `status` and `paidAmount` columns stay in the table but are no longer read
//   or written (a stored status is a column last-writer-wins could overwrite).
//   A void invoice keeps its void as voidedAt. Invoice numbers are given at
//   issue, so a draft has none.
// - invoice_line_items: price-list code, discount (amount or percent, with a
//   reason) and tax, all copied into the line so editing prices never changes
//   an invoice.
// - payments: tendered cash and change, who took it and on which workstation.
// - refunds, day_closes: insert-only immutable rows (merge: every row
//   survives, nothing is edited after its creation).
// - price_items: per-column last-writer-wins.
// Indexes keep the filtered, keyset-paged list fast on 200,000 invoices.
import type { Migration } from './migration';

const entity = (name: string, columns: string) => `
CREATE TABLE ${name} (
  id TEXT PRIMARY KEY NOT NULL,
  tenantId TEXT NOT NULL REFERENCES tenants(id),
  createdAt TEXT,
  updatedAt TEXT,
  deletedAt TEXT,
  ${columns},
  _hlc TEXT NOT NULL,
  _clocks TEXT NOT NULL DEFAULT '{}'
) STRICT;`;

export const migration006: Migration = {
  version: 6,
  name: 'billing',
  sql: `
ALTER TABLE tenants ADD COLUMN address TEXT;
ALTER TABLE tenants ADD COLUMN contactEmail TEXT;

ALTER TABLE billing ADD COLUMN doctorId TEXT REFERENCES doctors(id);
ALTER TABLE billing ADD COLUMN voidedAt TEXT;
ALTER TABLE billing ADD COLUMN voidReason TEXT;
UPDATE billing SET doctorId = (SELECT a.doctorId FROM appointments a WHERE a.id = billing.appointmentId)
  WHERE appointmentId IS NOT NULL;
UPDATE billing SET voidedAt = COALESCE(updatedAt, createdAt), voidReason = 'Voided before billing was rebuilt'
  WHERE status = 'void';
UPDATE billing SET invoiceNumber = NULL WHERE issuedAt IS NULL AND status = 'draft';

ALTER TABLE invoice_line_items ADD COLUMN position INTEGER;
ALTER TABLE invoice_line_items ADD COLUMN serviceCode TEXT;
ALTER TABLE invoice_line_items ADD COLUMN discountKind TEXT;
ALTER TABLE invoice_line_items ADD COLUMN discountValue INTEGER;
ALTER TABLE invoice_line_items ADD COLUMN discountReason TEXT;
ALTER TABLE invoice_line_items ADD COLUMN discountAmount INTEGER;
ALTER TABLE invoice_line_items ADD COLUMN taxRateBp INTEGER;
ALTER TABLE invoice_line_items ADD COLUMN taxAmount INTEGER;
UPDATE invoice_line_items SET position = 0, discountAmount = 0, taxRateBp = 0, taxAmount = 0;

ALTER TABLE payments ADD COLUMN tenderedAmount INTEGER;
ALTER TABLE payments ADD COLUMN changeGiven INTEGER;
ALTER TABLE payments ADD COLUMN receivedBy TEXT;
ALTER TABLE payments ADD COLUMN deviceId TEXT;

${entity(
  'refunds',
  `billingId TEXT REFERENCES billing(id), amount INTEGER, method TEXT, reason TEXT, refundedAt TEXT,
  refundedBy TEXT, deviceId TEXT`,
)}
CREATE INDEX refunds_billing ON refunds(tenantId, billingId);
CREATE INDEX refunds_device ON refunds(tenantId, deviceId, refundedBy, refundedAt);

${entity('price_items', 'code TEXT, description TEXT, price INTEGER, taxRateBp INTEGER, active INTEGER')}
CREATE INDEX price_items_code ON price_items(tenantId, code);

${entity(
  'day_closes',
  `closeNumber TEXT, deviceId TEXT, userId TEXT, periodStart TEXT, periodEnd TEXT, expectedCash INTEGER,
  expectedCard INTEGER, expectedInsurance INTEGER, expectedBankTransfer INTEGER, countedCash INTEGER,
  difference INTEGER, paymentCount INTEGER, refundCount INTEGER, note TEXT`,
)}
CREATE UNIQUE INDEX day_closes_number ON day_closes(tenantId, closeNumber);
CREATE INDEX day_closes_device ON day_closes(tenantId, deviceId, userId, periodEnd);

CREATE INDEX payments_device ON payments(tenantId, deviceId, receivedBy, receivedAt);
CREATE INDEX billing_date ON billing(tenantId, COALESCE(issuedAt, createdAt), id);
CREATE INDEX billing_doctor_date ON billing(tenantId, doctorId, COALESCE(issuedAt, createdAt), id);
CREATE INDEX billing_patient_date ON billing(tenantId, patientId, COALESCE(issuedAt, createdAt), id);
`,
  backfills: [
    { table: 'billing', columns: ['doctorId', 'voidedAt', 'voidReason', 'invoiceNumber'] },
    {
      table: 'invoice_line_items',
      columns: [
        'position',
        'serviceCode',
        'discountKind',
        'discountValue',
        'discountReason',
        'discountAmount',
        'taxRateBp',
        'taxAmount',
      ],
    },
  ],
};
