// Migration 15: a patient's credit, kept and spent. Keeps every row.
// - patient_credits: insert-only movements of credit (shared/domain/billing.ts
//   PatientCredit): `kept` (money an invoice holds beyond its total, kept as
//   the patient's credit after the fact) and `applied` (part of an invoice
//   paid from that credit).
// - invoice_money (the local, never-synced summary of migration 7) is dropped
//   and rebuilt from the rows with the new inputs: credit applied counts
//   toward an invoice's balance, kept credit settles its excess.
//
// Merge decision (sync): credit rows are created with their own ids and never
// edited, so two workstations' offline movements are a union; undoing a
// payment from credit tombstones its row (deletedAt, set once). Nothing
// derived is stored in a synced column: each invoice's credit is capped at
// what it holds (two workstations keeping the same excess offline cannot make
// more credit than the excess), and the patient's available credit is a sum.
// Two workstations spending the same credit offline leave it negative, which
// the Conflicts view shows with a one-click undo.
import type { Migration } from './migration';
import { dropInvoiceMoneySql, invoiceMoneySql } from '../invoice-money-sql';

export const migration015: Migration = {
  version: 15,
  name: 'patient credits',
  sql: `
CREATE TABLE patient_credits (
  id TEXT PRIMARY KEY NOT NULL,
  tenantId TEXT NOT NULL REFERENCES tenants(id),
  createdAt TEXT,
  updatedAt TEXT,
  deletedAt TEXT,
  patientId TEXT REFERENCES patients(id),
  billingId TEXT REFERENCES billing(id),
  kind TEXT,
  amount INTEGER,
  recordedAt TEXT,
  recordedBy TEXT,
  deviceId TEXT,
  _hlc TEXT NOT NULL,
  _clocks TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX patient_credits_bill ON patient_credits(tenantId, billingId);
CREATE INDEX patient_credits_patient ON patient_credits(tenantId, patientId, recordedAt);
${dropInvoiceMoneySql}
${invoiceMoneySql}
`,
};
