// The local per-invoice money summary, as of migration 15 (patient credit):
// its table, indexes and triggers, and the rebuild of every row. Migration 7
// made the first version (kept there as it was released); migration 15 drops
// it and runs this one, and ensureInvoiceMoney (store/invoice-money.ts) reruns
// this SQL when a store opens without one of these objects. Idempotent.
//
// One row per live invoice, derived from billing, payments, refunds and
// patient_credits by triggers in the same transaction as every write that
// touches them (the write path, pulled pages, bootstrap snapshots and raw bulk
// inserts alike). Status, balance, overpaid and credit follow
// shared/billing/status.ts (invoiceState); tests/core/store/invoice-money.test.ts
// compares every row with it after random writes and after applying another
// workstation's changes.
//   paid       payments (money taken)
//   fromCredit credit applied to this invoice (not money: the close never counts it)
//   credited   excess kept as credit: payments' creditAmount plus `kept` credit rows
//   overpaid   held beyond the total (a void invoice: everything held)
//   credit     min(overpaid, credited): the part of the excess that is the patient's credit
// A patient's available credit is sum(credit) − sum(fromCredit) over their invoices.

const METHOD_BITS = `CASE method WHEN 'cash' THEN 1 WHEN 'card' THEN 2 WHEN 'insurance' THEN 4
  WHEN 'bank_transfer' THEN 8 ELSE 0 END`;

const live = (alias: string) =>
  `${alias}.tenantId = b.tenantId AND ${alias}.billingId = b.id AND ${alias}.deletedAt IS NULL`;

/** The summary row of the invoices chosen by `where` (over billing b), computed from the rows. */
const summarySelect = (where: string) => `
SELECT id, tenantId, d, patientId, doctorId, issuedAt, voidedAt, total, paid, fromCredit, refunded,
  methods, credited, status, balance, overpaid, min(overpaid, credited)
FROM (
  SELECT *,
    CASE
      WHEN voidedAt IS NOT NULL THEN 'void'
      WHEN issuedAt IS NULL THEN 'draft'
      WHEN paid + fromCredit - refunded - total > credited THEN 'overpaid'
      WHEN refunded > 0 AND paid + fromCredit - refunded <= 0 THEN 'refunded'
      WHEN refunded > 0 THEN 'partially_refunded'
      WHEN paid + fromCredit = 0 THEN 'issued'
      WHEN paid + fromCredit >= total THEN 'paid'
      ELSE 'partially_paid' END AS status,
    CASE WHEN voidedAt IS NOT NULL OR issuedAt IS NULL THEN 0
      WHEN total > paid + fromCredit THEN total - paid - fromCredit ELSE 0 END AS balance,
    CASE WHEN voidedAt IS NOT NULL THEN max(0, paid + fromCredit - refunded)
      WHEN issuedAt IS NULL THEN 0
      ELSE max(0, paid + fromCredit - refunded - total) END AS overpaid
  FROM (
    SELECT b.id, b.tenantId, COALESCE(b.issuedAt, b.createdAt, '') AS d, b.patientId, b.doctorId,
      b.issuedAt, b.voidedAt, COALESCE(b.amount, 0) AS total,
      (SELECT COALESCE(sum(p.amount), 0) FROM payments p WHERE ${live('p')}) AS paid,
      (SELECT COALESCE(sum(c.amount), 0) FROM patient_credits c
        WHERE ${live('c')} AND c.kind = 'applied') AS fromCredit,
      (SELECT COALESCE(sum(x.amount), 0) FROM refunds x WHERE ${live('x')}) AS refunded,
      (SELECT COALESCE(sum(DISTINCT ${METHOD_BITS}), 0) FROM payments p WHERE ${live('p')}) AS methods,
      (SELECT COALESCE(sum(p.creditAmount), 0) FROM payments p WHERE ${live('p')})
        + (SELECT COALESCE(sum(c.amount), 0) FROM patient_credits c
            WHERE ${live('c')} AND c.kind = 'kept') AS credited
    FROM billing b WHERE ${where} AND b.deletedAt IS NULL AND b.tenantId IS NOT NULL
  )
)`;

const COLUMNS = `(billingId, tenantId, d, patientId, doctorId, issuedAt, voidedAt, total, paid,
  fromCredit, refunded, methods, credited, status, balance, overpaid, credit)`;

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

/** A payment, refund or credit changes its invoice's row; one moved to another invoice changes both. */
const movementTriggers = (short: string, table: string, extra: string) => `
${trigger(`${short}_ins`, 'INSERT', table, refresh('NEW.billingId'))}
${trigger(`${short}_upd`, `UPDATE OF tenantId, deletedAt, billingId, ${extra}amount`, table, refresh('NEW.billingId'))}
${trigger(`${short}_move`, 'UPDATE OF billingId', table, refresh('OLD.billingId'), 'OLD.billingId IS NOT NEW.billingId')}
${trigger(`${short}_del`, 'DELETE', table, refresh('OLD.billingId'))}`;

/** The summary's table, indexes and triggers, then every row rebuilt: idempotent. */
export const invoiceMoneySql = `
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
  fromCredit INTEGER NOT NULL,
  refunded INTEGER NOT NULL,
  methods INTEGER NOT NULL,
  credited INTEGER NOT NULL,
  status TEXT NOT NULL,
  balance INTEGER NOT NULL,
  overpaid INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  PRIMARY KEY (tenantId, d, billingId)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS invoice_money_id ON invoice_money(billingId);
CREATE INDEX IF NOT EXISTS invoice_money_doctor ON invoice_money(tenantId, doctorId, d);
CREATE INDEX IF NOT EXISTS invoice_money_patient ON invoice_money(tenantId, patientId, d);
CREATE INDEX IF NOT EXISTS invoice_money_status ON invoice_money(tenantId, status, d);
CREATE INDEX IF NOT EXISTS invoice_money_owed ON invoice_money(tenantId, issuedAt) WHERE balance > 0;
CREATE INDEX IF NOT EXISTS invoice_money_credit ON invoice_money(tenantId, patientId)
  WHERE credit > 0 OR fromCredit > 0;
${trigger('bill_ins', 'INSERT', 'billing', refresh('NEW.id'))}
${trigger('bill_upd', `UPDATE OF ${BILL_INPUTS}`, 'billing', refresh('NEW.id'))}
${trigger('bill_del', 'DELETE', 'billing', '\n  DELETE FROM invoice_money WHERE billingId = OLD.id;')}
${movementTriggers('pay', 'payments', 'method, creditAmount, ')}
${movementTriggers('ref', 'refunds', '')}
${movementTriggers('cred', 'patient_credits', 'kind, ')}
DELETE FROM invoice_money;
INSERT INTO invoice_money ${COLUMNS} ${summarySelect('1')};
`;

/** The objects ensureInvoiceMoney expects (the table, its indexes and triggers). */
export const invoiceMoneyObjects: readonly string[] = [
  'invoice_money',
  'invoice_money_id',
  'invoice_money_doctor',
  'invoice_money_patient',
  'invoice_money_status',
  'invoice_money_owed',
  'invoice_money_credit',
  ...['bill_ins', 'bill_upd', 'bill_del'],
  ...['pay', 'ref', 'cred'].flatMap((t) => ['ins', 'upd', 'move', 'del'].map((e) => `${t}_${e}`)),
].map((n) => (n.startsWith('invoice_money') ? n : `invoice_money_${n}`));

/** Drops every summary object (the table drops its indexes); the version-7 names are a subset. */
export const dropInvoiceMoneySql = invoiceMoneyObjects
  .filter((n) => /_(ins|upd|move|del)$/.test(n))
  .map((n) => `DROP TRIGGER IF EXISTS ${n};`)
  .concat(['DROP TABLE IF EXISTS invoice_money;'])
  .join('\n');
