// Invariants that per-column merge cannot keep, derived from the merged data
// the same way on every workstation (so all of them list the same conflicts),
// and resolved by ordinary edits (moving or cancelling one appointment, or
// refunding an invoice's overpayment).
import { Appointment } from '../../../shared/domain/appointment';
import { appointmentOverlaps, type OverlapConflict } from '../../../shared/scheduling';
import type { ClinicStore } from '../clinic/clinic-store';
import { decodeRow, type SqlRow } from '../store/row-codec';

/** Past appointments are history, not conflicts to resolve. */
const LOOKBACK_MS = 24 * 3_600_000;

export function appointmentConflicts(store: ClinicStore): OverlapConflict[] {
  const tenantId = store.tenantId;
  if (!tenantId) return [];
  const since = new Date(store.now() - LOOKBACK_MS).toISOString();
  const rows = store.read
    .prepare(
      "SELECT * FROM appointments WHERE tenantId = ? AND deletedAt IS NULL AND status NOT IN ('cancelled','no_show') AND scheduledAt >= ?",
    )
    .all(tenantId, since) as SqlRow[];
  const appointments = rows.flatMap((r) => {
    const parsed = Appointment.safeParse(decodeRow('appointments', r));
    return parsed.success ? [parsed.data] : [];
  });
  return appointmentOverlaps(appointments);
}

/**
 * Invoices overpaid beyond what was kept as credit, or void while holding money
 * (the derived summary, invoice_money; the same test as the billing service's
 * stateOfRow), for the status bar's count of conflicts to resolve.
 */
export function billingConflictCount(store: ClinicStore): number {
  const tenantId = store.tenantId;
  if (!tenantId) return 0;
  const row = store.read
    .prepare(
      `SELECT count(*) AS n FROM invoice_money m INDEXED BY invoice_money_status
       WHERE m.tenantId = ? AND m.status IN ('overpaid', 'void') AND (m.status = 'overpaid' OR m.overpaid > 0)`,
    )
    .get(tenantId) as { n: number };
  return row.n;
}
