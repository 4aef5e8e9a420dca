// The embedded store's tables. Values are ciphertext from the clients; the
// rest is routing metadata. Text keys compare as BINARY (code-unit order), the
// same order as the merge rule's string comparison.
export const SQLITE_SCHEMA_VERSION = 4;

export const SQLITE_SCHEMA = `
CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tenants (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
CREATE TABLE devices (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
  cert_fingerprint TEXT NOT NULL UNIQUE, cert_serial TEXT NOT NULL,
  created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE enrollments (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), created_by TEXT NOT NULL,
  token_hash TEXT NOT NULL, wrapped_clinic_key TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, used_by TEXT);
CREATE TABLE batches (
  tenant_id TEXT NOT NULL, batch_id TEXT NOT NULL, device_id TEXT NOT NULL, received_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, batch_id)) WITHOUT ROWID;
CREATE TABLE changes (
  tenant_id TEXT NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL,
  hlc TEXT NOT NULL, value TEXT NOT NULL, device_id TEXT NOT NULL,
  PRIMARY KEY (tenant_id, seq)) WITHOUT ROWID;
CREATE UNIQUE INDEX changes_by_cell_hlc ON changes (tenant_id, tbl, row_id, col, hlc);
CREATE TABLE cells (
  tenant_id TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL,
  hlc TEXT NOT NULL, value TEXT NOT NULL, seq INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, tbl, row_id, col)) WITHOUT ROWID;
CREATE TABLE audit (
  tenant_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL,
  device_seq INTEGER NOT NULL, hash TEXT NOT NULL, entry TEXT NOT NULL,
  PRIMARY KEY (tenant_id, seq)) WITHOUT ROWID;
CREATE UNIQUE INDEX audit_by_device ON audit (device_id, device_seq);
`;

/**
 * Version 2 (sync protocol 2): the change log is compacted as it is written and
 * holds one change per cell, so it is also the table of cells (plan-push.ts).
 * Existing stores keep each cell's winner (the change the old cells table
 * pointed at) and drop the rest; batch ids get an index for their expiry.
 */
export const SQLITE_MIGRATION_2 = `
DELETE FROM changes WHERE (tenant_id, seq) NOT IN (SELECT tenant_id, seq FROM cells);
DROP INDEX changes_by_cell_hlc;
CREATE UNIQUE INDEX changes_by_cell ON changes (tenant_id, tbl, row_id, col);
DROP TABLE cells;
CREATE INDEX batches_by_age ON batches (tenant_id, received_at);
`;

/** Version 3: when each workstation last pulled, for Admin's list of workstations. */
export const SQLITE_MIGRATION_3 = `ALTER TABLE devices ADD COLUMN last_seen_at TEXT;`;

/**
 * Version 4 (sync protocol 3, sealed row changes): a change is one mutation of
 * one row, its column names comma-separated in `cols`; each row's winners
 * are in `row_cells` (`[[seq, hlc, "col,col"], …]`, sync/row-cells.ts), one
 * index entry per row
 * instead of one per cell (plan-push.ts). Every stored change of an older
 * store is one cell's winner: it becomes a one-column change, its value left
 * as it is (the client still opens `v1.` cell ciphertext).
 */
export const SQLITE_MIGRATION_4 = `
CREATE TABLE row_cells (
  tenant_id TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, cells TEXT NOT NULL,
  PRIMARY KEY (tenant_id, tbl, row_id)) WITHOUT ROWID;
INSERT INTO row_cells (tenant_id, tbl, row_id, cells)
  SELECT tenant_id, tbl, row_id, json_group_array(json_array(seq, hlc, col))
  FROM changes GROUP BY tenant_id, tbl, row_id;
DROP INDEX changes_by_cell;
ALTER TABLE changes RENAME COLUMN col TO cols;
`;
