// Key/value state that belongs to this workstation only (never synced).
import type { Db } from './open-database';
import { prepared } from './prepared';

export type MetaKey =
  | 'deviceId'
  | 'tenantId'
  | 'hlc'
  | 'seriesCode'
  | 'counter:mrn'
  | 'counter:invoice'
  | 'isDemo'
  // Sync identity and progress (the private key stays inside the encrypted store).
  | 'sync:serverUrl'
  | 'sync:caPem'
  | 'sync:certPem'
  | 'sync:keyPem'
  | 'sync:cursor'
  | 'sync:lastSyncAt'
  | 'sync:clockOffsetMs'
  | 'sync:clockWarning'
  | 'sync:bootstrapped'
  | 'sync:deviceName'
  /** Highest deviceSeq of this device's audit entries the server has stored. */
  | 'sync:auditPushedSeq';

export function getMeta(db: Db, key: MetaKey): string | null {
  const row = prepared(db, 'SELECT value FROM local_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  prepared(
    db,
    'INSERT INTO local_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Next number of a per-workstation series, inside the caller's transaction. */
export function nextCounter(db: Db, key: 'counter:mrn' | 'counter:invoice'): number {
  const next = Number(getMeta(db, key) ?? '0') + 1;
  setMeta(db, key, String(next));
  return next;
}
