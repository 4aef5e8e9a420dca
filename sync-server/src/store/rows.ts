// Row shapes both stores read back (snake_case columns), and their mapping to
// the store's records. One definition, so the SQLite and PostgreSQL stores
// cannot drift apart.
import type { Change } from '../../../shared/sync/protocol';
import type { DeviceRecord } from './types';

export interface DeviceRow {
  id: string;
  tenant_id: string;
  name: string;
  cert_fingerprint: string;
  cert_serial: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ChangeRow {
  /** bigserial comes back from pg as a string; SQLite gives a number. */
  seq: number | string;
  tbl: Change['table'];
  row_id: string;
  /** Column names, comma-separated (they cannot contain a comma). */
  cols: string;
  hlc: string;
  value: string;
}

export const toDevice = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  certFingerprint: r.cert_fingerprint,
  certSerial: r.cert_serial,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export const toChange = (r: ChangeRow): Change => ({
  table: r.tbl,
  rowId: r.row_id,
  columns: r.cols.split(','),
  hlc: r.hlc,
  value: r.value,
});

/** A stored change with its server sequence, as the page builders take it. */
export const toSequencedChange = (r: ChangeRow): { seq: number; change: Change } => ({
  seq: Number(r.seq),
  change: toChange(r),
});

/** ISO time a minute before `now`: a device's last pull is recorded at most once a minute. */
export const minuteBefore = (now: string): string =>
  new Date(Date.parse(now) - 60_000).toISOString();
