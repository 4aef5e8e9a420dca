// The PostgreSQL store's tables: the same as the SQLite ones. Text keys use the
// "C" collation so their order is code-unit order, as in the merge rule and in
// SQLite, whatever the database's locale.
export const PG_SCHEMA_VERSION = 4;

/** Created first, alone: the version says which of the steps below a database still needs. */
export const PG_VERSION_TABLE =
  'CREATE TABLE IF NOT EXISTS ehrbs_schema (version integer NOT NULL)';

/** Any constant: serializes schema creation when several instances start at once. */
export const PG_MIGRATION_LOCK = 4_724_601;

/** Version 1, run on a new database only. */
export const PG_SCHEMA = `
CREATE TABLE IF NOT EXISTS server_secrets (name text COLLATE "C" PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS tenants (
  id text COLLATE "C" PRIMARY KEY, name text NOT NULL, last_seq bigint NOT NULL DEFAULT 0, created_at text NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  id text COLLATE "C" PRIMARY KEY, tenant_id text COLLATE "C" NOT NULL REFERENCES tenants(id), name text NOT NULL,
  cert_fingerprint text NOT NULL UNIQUE, cert_serial text NOT NULL, created_at text NOT NULL, revoked_at text);
CREATE TABLE IF NOT EXISTS enrollments (
  id text COLLATE "C" PRIMARY KEY, tenant_id text COLLATE "C" NOT NULL REFERENCES tenants(id), created_by text NOT NULL,
  token_hash text NOT NULL, wrapped_clinic_key text NOT NULL,
  created_at text NOT NULL, expires_at text NOT NULL, used_at text, used_by text);
CREATE TABLE IF NOT EXISTS batches (
  tenant_id text COLLATE "C" NOT NULL, batch_id text COLLATE "C" NOT NULL, device_id text NOT NULL,
  received_at text NOT NULL, PRIMARY KEY (tenant_id, batch_id));
CREATE TABLE IF NOT EXISTS changes (
  tenant_id text COLLATE "C" NOT NULL, seq bigint NOT NULL, tbl text COLLATE "C" NOT NULL,
  row_id text COLLATE "C" NOT NULL, col text COLLATE "C" NOT NULL, hlc text COLLATE "C" NOT NULL,
  value text NOT NULL, device_id text NOT NULL, PRIMARY KEY (tenant_id, seq));
CREATE UNIQUE INDEX IF NOT EXISTS changes_by_cell_hlc ON changes (tenant_id, tbl, row_id, col, hlc);
CREATE TABLE IF NOT EXISTS cells (
  tenant_id text COLLATE "C" NOT NULL, tbl text COLLATE "C" NOT NULL, row_id text COLLATE "C" NOT NULL,
  col text COLLATE "C" NOT NULL, hlc text COLLATE "C" NOT NULL, value text NOT NULL, seq bigint NOT NULL,
  PRIMARY KEY (tenant_id, tbl, row_id, col));
CREATE TABLE IF NOT EXISTS audit (
  tenant_id text COLLATE "C" NOT NULL, seq bigint NOT NULL, id text NOT NULL UNIQUE, device_id text COLLATE "C" NOT NULL,
  device_seq integer NOT NULL, hash text NOT NULL, entry text NOT NULL, PRIMARY KEY (tenant_id, seq));
CREATE UNIQUE INDEX IF NOT EXISTS audit_by_device ON audit (device_id, device_seq);
`;

/** Version 2: the compacted change log is also the table of cells (see sqlite-schema.ts). */
export const PG_MIGRATION_2 = `
DELETE FROM changes ch WHERE NOT EXISTS (
  SELECT 1 FROM cells c WHERE c.tenant_id = ch.tenant_id AND c.seq = ch.seq);
DROP INDEX IF EXISTS changes_by_cell_hlc;
CREATE UNIQUE INDEX IF NOT EXISTS changes_by_cell ON changes (tenant_id, tbl, row_id, col);
DROP TABLE IF EXISTS cells;
CREATE INDEX IF NOT EXISTS batches_by_age ON batches (tenant_id, received_at);
`;

/** Version 3: when each workstation last pulled (see sqlite-schema.ts). */
export const PG_MIGRATION_3 = `ALTER TABLE devices ADD COLUMN IF NOT EXISTS last_seen_at text;`;

/** Version 4 (sync protocol 3): sealed row changes and one winners index per row (see sqlite-schema.ts). */
export const PG_MIGRATION_4 = `
CREATE TABLE IF NOT EXISTS row_cells (
  tenant_id text COLLATE "C" NOT NULL, tbl text COLLATE "C" NOT NULL, row_id text COLLATE "C" NOT NULL,
  cells text NOT NULL, PRIMARY KEY (tenant_id, tbl, row_id));
INSERT INTO row_cells (tenant_id, tbl, row_id, cells)
  SELECT tenant_id, tbl, row_id, json_agg(json_build_array(seq, hlc, col))::text
  FROM changes GROUP BY tenant_id, tbl, row_id;
DROP INDEX IF EXISTS changes_by_cell;
ALTER TABLE changes RENAME COLUMN col TO cols;
`;
