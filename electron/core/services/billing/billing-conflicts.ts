// What billing needs a person for after a merge (the Conflicts view): an
// invoice holding money beyond its total that nobody kept as credit (two
// workstations took payments offline), a void invoice still holding money
// (a void on one workstation, a payment on another), and a patient's credit
// spent twice offline. Each comes with what settles it in one click: refund
// or keep as credit the amount, or undo the latest payment from credit.
// Read from the local money summary (invoice_money), whose status and credit
// columns follow shared/billing's derivation.
import type { BillingConflict } from '../../../../shared/api/billing';
import type { PaymentMethod } from '../../../../shared/domain/enums';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';
import { summaryOf, type ListRow } from './invoice-list';

/** At most this many billing conflicts are listed (oldest invoice last). */
const CONFLICTS_SHOWN = 200;

/** invoice_money rows that are a conflict (see stateOfRow): the status index finds both kinds. */
const INVOICE_CONFLICT_WHERE = `m.tenantId = ? AND m.status IN ('overpaid', 'void')
  AND m.overpaid > m.credit`;

/** The summary row joined with what a conflict shows (number, names, latest method). */
const conflictRowSql = (inner: string) => `
SELECT s.*, b.invoiceNumber, b.currency, pt.givenName AS given, pt.familyName AS family,
  u.displayName AS doctorName,
  (SELECT p.method FROM payments p WHERE p.tenantId = s.tenantId AND p.billingId = s.billingId
     AND p.deletedAt IS NULL ORDER BY p.receivedAt DESC, p.id DESC LIMIT 1) AS lastMethod
FROM (${inner}) s
JOIN billing b ON b.id = s.billingId
LEFT JOIN patients pt ON pt.id = s.patientId
LEFT JOIN doctors dr ON dr.id = s.doctorId
LEFT JOIN users u ON u.id = dr.userId
ORDER BY s.d DESC, s.billingId DESC`;

type ConflictRow = ListRow & { lastMethod: PaymentMethod | null };

export class BillingConflicts {
  constructor(private readonly reads: BillingReads) {}

  list(session: Session): BillingConflict[] {
    requireCap(session, 'billing.read');
    return [...this.invoiceConflicts(session), ...this.overspentCredit(session)];
  }

  private invoiceConflicts(session: Session): BillingConflict[] {
    const rows = this.reads.store.read
      .prepare(
        conflictRowSql(`SELECT m.* FROM invoice_money m INDEXED BY invoice_money_status
          WHERE ${INVOICE_CONFLICT_WHERE} ORDER BY m.d DESC, m.billingId DESC LIMIT ?`),
      )
      .all(session.actor.tenantId, CONFLICTS_SHOWN) as unknown as ConflictRow[];
    return rows.flatMap((row): BillingConflict[] => {
      const invoice = summaryOf(row);
      const { conflict, overpaid, credit } = invoice.state;
      if (conflict === null) return [];
      // Only the part nobody kept as credit is the conflict.
      return [
        {
          invoice,
          kind: conflict,
          amount: overpaid - credit,
          method: row.lastMethod ?? 'cash',
          creditId: null,
        },
      ];
    });
  }

  /** Patients whose credit was spent beyond what they hold (two workstations, offline). */
  private overspentCredit(session: Session): BillingConflict[] {
    const tenantId = session.actor.tenantId;
    const read = this.reads.store.read;
    const patients = read
      .prepare(
        `SELECT patientId, sum(credit - fromCredit) AS available FROM invoice_money
         INDEXED BY invoice_money_credit
         WHERE tenantId = ? AND (credit > 0 OR fromCredit > 0) AND issuedAt IS NOT NULL
         GROUP BY patientId HAVING available < 0 LIMIT ?`,
      )
      .all(tenantId, CONFLICTS_SHOWN) as { patientId: string; available: number }[];
    if (patients.length === 0) return [];
    // The latest payment from credit of a patient on an invoice that is not void, and its row.
    const latestOf = read.prepare(
      `SELECT c.id, c.billingId FROM patient_credits c
       JOIN billing b ON b.id = c.billingId AND b.voidedAt IS NULL
       WHERE c.tenantId = ? AND c.patientId = ? AND c.kind = 'applied' AND c.deletedAt IS NULL
       ORDER BY c.recordedAt DESC, c.id DESC LIMIT 1`,
    );
    const rowOf = read.prepare(
      conflictRowSql('SELECT m.* FROM invoice_money m WHERE m.billingId = ?'),
    );
    return patients.flatMap(({ patientId, available }): BillingConflict[] => {
      const latest = latestOf.get(tenantId, patientId) as
        { id: string; billingId: string } | undefined;
      if (!latest) return [];
      const row = rowOf.get(latest.billingId) as ConflictRow | undefined;
      if (!row) return [];
      return [
        {
          invoice: summaryOf(row),
          kind: 'credit_overspent',
          amount: -available,
          method: row.lastMethod ?? 'cash',
          creditId: latest.id,
        },
      ];
    });
  }
}
