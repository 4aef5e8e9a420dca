// Key/value state that belongs to this workstation only (never synced): its
// identity, its clock, its number series. Sync's own state lives beside it in
// sync-state.ts, under keys of its own.
import type { WritableDB } from './db-handles';
import { cachedStatement } from './statement-cache';

export type LocalKey = 'deviceId' | 'tenantId' | 'hlc' | 'seriesCode' | 'isDemo';
/** Per-workstation number series (medical record numbers, invoice numbers). */
export type NumberSeries = 'mrn' | 'invoice' | 'close';

/** Every key of the local_meta table: the local ones, the counters and sync's (sync-state.ts). */
export type MetaRowKey = LocalKey | `counter:${NumberSeries}` | `sync:${string}`;

const SELECT = 'SELECT value FROM local_meta WHERE key = ?';
const UPSERT =
  'INSERT INTO local_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value';

export function readMetaRow(db: WritableDB, key: MetaRowKey): string | null {
  const row = cachedStatement(db, SELECT).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMetaRow(db: WritableDB, key: MetaRowKey, value: string): void {
  cachedStatement(db, UPSERT).run(key, value);
}

export function deleteMetaRows(db: WritableDB, keys: readonly MetaRowKey[]): void {
  const del = cachedStatement(db, 'DELETE FROM local_meta WHERE key = ?');
  for (const k of keys) del.run(k);
}

export interface LocalMeta {
  get(key: LocalKey): string | null;
  set(key: LocalKey, value: string): void;
  /** The next number of a per-workstation series, inside the caller's transaction. */
  nextNumber(series: NumberSeries): number;
}

export function localMeta(db: WritableDB): LocalMeta {
  return {
    get: (key) => readMetaRow(db, key),
    set: (key, value) => writeMetaRow(db, key, value),
    nextNumber(series) {
      const key = `counter:${series}` as const;
      const next = Number(readMetaRow(db, key) ?? '0') + 1;
      writeMetaRow(db, key, String(next));
      return next;
    },
  };
}
