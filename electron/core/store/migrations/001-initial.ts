// Migration 1: every entity, the sync outbox, the audit log and local metadata.
//
// Column names are the entities' field names (camelCase), so the one write path
// and the sync change entries name columns exactly as the shared schemas do.
// Entity columns other than id/tenantId are nullable on purpose: sync applies
// changes column by column (cr-sqlite style), so a row can briefly exist with
// only some cells; completeness is enforced by the zod schemas on every local
// write. `_hlc` is the HLC of the row's creation and `_clocks` a JSON map of the
// HLC of every cell written since, for per-column last-writer-wins.
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

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE tenants (
  id TEXT PRIMARY KEY NOT NULL,
  tenantId TEXT NOT NULL,
  createdAt TEXT, updatedAt TEXT, deletedAt TEXT,
  name TEXT, timeZone TEXT, currency TEXT, idleLockMinutes INTEGER, icalIncludePatientNames INTEGER,
  _hlc TEXT NOT NULL, _clocks TEXT NOT NULL DEFAULT '{}'
) STRICT;
${entity('users', 'email TEXT COLLATE NOCASE, displayName TEXT, role TEXT, passwordHash TEXT, active INTEGER')}
CREATE UNIQUE INDEX users_email ON users(tenantId, email);
${entity('devices', 'name TEXT, seriesCode TEXT, revokedAt TEXT')}
${entity(
  'doctors',
  'userId TEXT REFERENCES users(id), specialty TEXT, licenseNumber TEXT, consultationFee INTEGER, availability TEXT, experienceYears INTEGER',
)}
CREATE INDEX doctors_user ON doctors(tenantId, userId);
${entity(
  'patients',
  `userId TEXT REFERENCES users(id), medicalRecordNumber TEXT COLLATE NOCASE, givenName TEXT COLLATE NOCASE,
  familyName TEXT COLLATE NOCASE, dateOfBirth TEXT, sex TEXT, bloodType TEXT, phone TEXT, email TEXT, address TEXT,
  emergencyContact TEXT, insuranceProvider TEXT, insurancePolicyNumber TEXT`,
)}
CREATE UNIQUE INDEX patients_mrn ON patients(tenantId, medicalRecordNumber);
CREATE INDEX patients_family ON patients(tenantId, familyName, givenName);
CREATE INDEX patients_given ON patients(tenantId, givenName, familyName);
${entity('admins', 'userId TEXT REFERENCES users(id), permissions TEXT')}
${entity(
  'appointments',
  `doctorId TEXT REFERENCES doctors(id), patientId TEXT REFERENCES patients(id), scheduledAt TEXT,
  durationMinutes INTEGER, status TEXT, notes TEXT, cancelReason TEXT, overbookReason TEXT`,
)}
CREATE INDEX appointments_doctor ON appointments(tenantId, doctorId, scheduledAt);
CREATE INDEX appointments_patient ON appointments(tenantId, patientId, scheduledAt);
CREATE INDEX appointments_time ON appointments(tenantId, scheduledAt);
${entity(
  'medical_records',
  `patientId TEXT REFERENCES patients(id), doctorId TEXT REFERENCES doctors(id), recordType TEXT,
  encryptedData TEXT, encryptionKey TEXT, recordedAt TEXT, signedAt TEXT, signedBy TEXT, amendsRecordId TEXT`,
)}
CREATE INDEX medical_records_patient ON medical_records(tenantId, patientId, recordedAt);
${entity(
  'messages',
  `senderId TEXT REFERENCES users(id), receiverId TEXT REFERENCES users(id), encryptedMessage TEXT,
  encryptionKey TEXT, timestamp TEXT, readAt TEXT, patientId TEXT REFERENCES patients(id)`,
)}
CREATE INDEX messages_receiver ON messages(tenantId, receiverId, timestamp);
CREATE INDEX messages_sender ON messages(tenantId, senderId, timestamp);
${entity(
  'billing',
  `patientId TEXT REFERENCES patients(id), appointmentId TEXT REFERENCES appointments(id), amount INTEGER,
  currency TEXT, paymentMethod TEXT, status TEXT, invoiceNumber TEXT, issuedAt TEXT, paidAmount INTEGER`,
)}
CREATE UNIQUE INDEX billing_number ON billing(tenantId, invoiceNumber);
CREATE INDEX billing_patient ON billing(tenantId, patientId);
${entity(
  'invoice_line_items',
  'billingId TEXT REFERENCES billing(id), description TEXT, quantity INTEGER, unitPrice INTEGER, amount INTEGER',
)}
CREATE INDEX line_items_billing ON invoice_line_items(tenantId, billingId);
${entity(
  'payments',
  'billingId TEXT REFERENCES billing(id), amount INTEGER, method TEXT, receivedAt TEXT, reference TEXT',
)}
CREATE INDEX payments_billing ON payments(tenantId, billingId);

-- Insert-only; each device's entries are chained by hash (see shared/audit/chain.ts).
CREATE TABLE audit_logs (
  id TEXT PRIMARY KEY NOT NULL,
  tenantId TEXT NOT NULL,
  userId TEXT,
  action TEXT NOT NULL,
  tableAffected TEXT NOT NULL,
  recordId TEXT,
  timestamp TEXT NOT NULL,
  deviceId TEXT NOT NULL,
  deviceSeq INTEGER NOT NULL,
  prevHash TEXT NOT NULL,
  hash TEXT NOT NULL,
  detail TEXT NOT NULL,
  pushed INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX audit_device_seq ON audit_logs(deviceId, deviceSeq);
CREATE INDEX audit_time ON audit_logs(tenantId, timestamp);
CREATE INDEX audit_record ON audit_logs(tenantId, recordId);
CREATE INDEX audit_unpushed ON audit_logs(pushed) WHERE pushed = 0;

-- Change capture: one row per mutation, holding its per-column entries as a
-- JSON object {column: value} that share the mutation's HLC and device.
-- Rows are removed once the sync server has acknowledged them.
CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl TEXT NOT NULL,
  rowId TEXT NOT NULL,
  hlc TEXT NOT NULL,
  columns TEXT NOT NULL
) STRICT;

-- This workstation's own state: device id, last HLC, number series counters.
CREATE TABLE local_meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

-- The clinic's data-encryption keys (wrap per-record keys). Synced to new
-- workstations only through enrollment, never through the change log.
CREATE TABLE clinic_keys (
  keyId TEXT PRIMARY KEY NOT NULL,
  key BLOB NOT NULL,
  createdAt TEXT NOT NULL
) STRICT;
`,
};
