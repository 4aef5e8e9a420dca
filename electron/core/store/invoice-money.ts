// The local invoice money summary (migrations 7 and 15): derived from
// billing, payments, refunds and patient credits by triggers, never synced.
// If a store opens without it (or without one of its triggers or indexes), it
// is recreated and rebuilt from the rows before anything reads it, so the
// list never shows a summary that missed a write.
import type { Db } from './open-database';
import { invoiceMoneyObjects, invoiceMoneySql } from './invoice-money-sql';

/** True when the summary table and all its indexes and triggers exist. */
export function invoiceMoneyPresent(db: Db): boolean {
  const names = new Set(
    (
      db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'invoice_money%'").all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  return invoiceMoneyObjects.every((n) => names.has(n));
}

/** Recreates what is missing and rebuilds every row from the source tables (idempotent). */
export function rebuildInvoiceMoney(db: Db): void {
  db.transaction(() => db.exec(invoiceMoneySql)).immediate();
}

/** Called on open, after migrating: rebuilds only when something is missing. */
export function ensureInvoiceMoney(db: Db): boolean {
  if (invoiceMoneyPresent(db)) return false;
  rebuildInvoiceMoney(db);
  return true;
}
