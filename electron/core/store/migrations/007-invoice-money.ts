// Migration 7: a LOCAL per-invoice money summary for the invoice list,
// totals, balances and reports. Keeps every row.
//
// `invoice_money` is derived, never synced and never written by the app: one
// row per live invoice (billing row without deletedAt) with what the list
// needs (date, patient, doctor, total, paid, refunded, the payment methods
// used, status and balance). SQLite triggers on billing, payments and refunds
// recompute an invoice's row from its source rows in the same transaction as
// every write that touches them: the one write path, the replication path
// (pulled pages, bootstrap snapshots) and raw bulk inserts alike, so the
// summary cannot fall behind whoever writes. Recomputing from the rows
// (rather than adding deltas) makes it independent of the order in which
// sync delivers a payment and its invoice. Line items are not an input: the
// derivation's total is billing.amount, which the write path sets with the
// lines in one transaction.
//
// Status and balance follow shared/billing/status.ts (invoiceState); the core
// test tests/core/store/invoice-money.test.ts compares every row with that
// derivation after random writes and after applying another workstation's
// changes. `methods` is a bit set (cash 1, card 2, insurance 4, bank_transfer
// 8) of the methods of the invoice's live payments. `credited` sums the
// payments' creditAmount (excess kept on purpose as the patient's credit, a
// column this migration adds). `overpaid` is net − total when positive (for a
// void invoice: all money held).
//
// The table is clustered by (tenantId, d, billingId), the list's order, so a
// date range (the screen opens on 31 days) is one contiguous read including
// the sums; doctor, patient and status have their own indexes. Rebuilt here
// from the rows. A later change to the formula is a new migration that drops
// and recreates these objects: migration 15 did (patient credit); today's
// formula, which ensureInvoiceMoney reruns when an object is missing, is in
// store/invoice-money-sql.ts.
import type { Migration } from './migration';

const METHOD_BITS = `CASE method WHEN 'cash' THEN 1 WHEN 'card' THEN 2 WHEN 'insurance' THEN 4
  WHEN 'bank_transfer' THEN 8 ELSE 0 END`;

/** The summary row of the invoices chosen by `where` (over billing b), computed from the rows. */
const summarySelect = (where: string) => `
SELECT id, tenantId, d, patientId, doctorId, issuedAt, voidedAt, total, paid, refunded, methods,
  credited,
  CASE
    WHEN voidedAt IS NOT NULL THEN 'void'
    WHEN issuedAt IS NULL THEN 'draft'
    WHEN paid - refunded - total > credited THEN 'overpaid'
    WHEN refunded > 0 AND paid - refunded <= 0 THEN 'refunded'
    WHEN refunded > 0 THEN 'partially_refunded'
    WHEN paid = 0 THEN 'issued'
    WHEN paid >= total THEN 'paid'
    ELSE 'partially_paid' END,
  CASE WHEN voidedAt IS NOT NULL OR issuedAt IS NULL THEN 0
    WHEN total > paid THEN total - paid ELSE 0 END,
  CASE WHEN voidedAt IS NOT NULL THEN max(0, paid - refunded)
    WHEN issuedAt IS NULL THEN 0
    ELSE max(0, paid - refunded - total) END
FROM (
  SELECT b.id, b.tenantId, COALESCE(b.issuedAt, b.createdAt, '') AS d, b.patientId, b.doctorId,
    b.issuedAt, b.voidedAt, COALESCE(b.amount, 0) AS total,
    (SELECT COALESCE(sum(p.amount), 0) FROM payments p
      WHERE p.tenantId = b.tenantId AND p.billingId = b.id AND p.deletedAt IS NULL) AS paid,
    (SELECT COALESCE(sum(x.amount), 0) FROM refunds x
      WHERE x.tenantId = b.tenantId AND x.billingId = b.id AND x.deletedAt IS NULL) AS refunded,
    (SELECT COALESCE(sum(DISTINCT ${METHOD_BITS}), 0) FROM payments p
      WHERE p.tenantId = b.tenantId AND p.billingId = b.id AND p.deletedAt IS NULL) AS methods,
    (SELECT COALESCE(sum(p.creditAmount), 0) FROM payments p
      WHERE p.tenantId = b.tenantId AND p.billingId = b.id AND p.deletedAt IS NULL) AS credited
  FROM billing b WHERE ${where} AND b.deletedAt IS NULL AND b.tenantId IS NOT NULL
)`;

const COLUMNS = `(billingId, tenantId, d, patientId, doctorId, issuedAt, voidedAt, total, paid,
  refunded, methods, credited, status, balance, overpaid)`;

/** Recomputes one invoice's row (id is a SQL expression such as NEW.billingId). */
const refresh = (id: string) => `
  DELETE FROM invoice_money WHERE billingId = ${id};
  INSERT INTO invoice_money ${COLUMNS} ${summarySelect(`b.id = ${id}`)};`;

const trigger = (name: string, event: string, table: string, body: string, when?: string) => `
CREATE TRIGGER IF NOT EXISTS invoice_money_${name} AFTER ${event} ON ${table}${when ? ` WHEN ${when}` : ''}
BEGIN${body}
END;`;

/** The billing columns the summary reads (an update of any other column changes nothing here). */
const BILL_INPUTS =
  'tenantId, createdAt, deletedAt, patientId, doctorId, amount, issuedAt, voidedAt';

/** A payment or refund changes its invoice's row; one moved to another invoice changes both. */
const movementTriggers = (short: string, table: string, extra: string) => `
${trigger(`${short}_ins`, 'INSERT', table, refresh('NEW.billingId'))}
${trigger(`${short}_upd`, `UPDATE OF tenantId, deletedAt, billingId, ${extra}amount`, table, refresh('NEW.billingId'))}
${trigger(`${short}_move`, 'UPDATE OF billingId', table, refresh('OLD.billingId'), 'OLD.billingId IS NOT NEW.billingId')}
${trigger(`${short}_del`, 'DELETE', table, refresh('OLD.billingId'))}`;

/** The summary's table, indexes and triggers, then every row rebuilt: idempotent. */
const invoiceMoneySql = `
CREATE TABLE IF NOT EXISTS invoice_money (
  billingId TEXT NOT NULL,
  tenantId TEXT NOT NULL,
  d TEXT NOT NULL,
  patientId TEXT,
  doctorId TEXT,
  issuedAt TEXT,
  voidedAt TEXT,
  total INTEGER NOT NULL,
  paid INTEGER NOT NULL,
  refunded INTEGER NOT NULL,
  methods INTEGER NOT NULL,
  credited INTEGER NOT NULL,
  status TEXT NOT NULL,
  balance INTEGER NOT NULL,
  overpaid INTEGER NOT NULL,
  PRIMARY KEY (tenantId, d, billingId)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS invoice_money_id ON invoice_money(billingId);
CREATE INDEX IF NOT EXISTS invoice_money_doctor ON invoice_money(tenantId, doctorId, d);
CREATE INDEX IF NOT EXISTS invoice_money_patient ON invoice_money(tenantId, patientId, d);
CREATE INDEX IF NOT EXISTS invoice_money_status ON invoice_money(tenantId, status, d);
CREATE INDEX IF NOT EXISTS invoice_money_owed ON invoice_money(tenantId, issuedAt) WHERE balance > 0;
${trigger('bill_ins', 'INSERT', 'billing', refresh('NEW.id'))}
${trigger('bill_upd', `UPDATE OF ${BILL_INPUTS}`, 'billing', refresh('NEW.id'))}
${trigger('bill_del', 'DELETE', 'billing', '\n  DELETE FROM invoice_money WHERE billingId = OLD.id;')}
${movementTriggers('pay', 'payments', 'method, creditAmount, ')}
${movementTriggers('ref', 'refunds', '')}
DELETE FROM invoice_money;
INSERT INTO invoice_money ${COLUMNS} ${summarySelect('1')};
`;

export const migration007: Migration = {
  version: 7,
  name: 'invoice-money',
  sql: `
-- The part of a payment taken beyond the balance and kept as the patient's credit
-- (insert-only rows like every payment; nothing to merge).
ALTER TABLE payments ADD COLUMN creditAmount INTEGER;
${invoiceMoneySql}
-- Reports read money movements by date.
CREATE INDEX IF NOT EXISTS payments_received ON payments(tenantId, receivedAt);
CREATE INDEX IF NOT EXISTS refunds_refunded ON refunds(tenantId, refundedAt);
`,
};
