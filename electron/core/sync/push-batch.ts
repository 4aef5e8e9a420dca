// Reading the local outbox and audit log as push batches within the
// protocol's limits, and acknowledging them once the server has stored them
// (write/outbox.ts deletes acknowledged outbox rows and moves the audit
// watermark).
import type { AuditLog } from '../../../shared/domain/audit-log';
import { isEntityTable } from '../../../shared/domain/entities';
import { SYNC_LIMITS, type Change } from '../../../shared/sync/protocol';
import { utf8Length } from '../../../shared/sync/batching';
import type { ClinicStore } from '../clinic/clinic-store';
import { sealChange } from './value-crypto';

export interface PushBatch {
  changes: Change[];
  audit: AuditLog[];
  /** Outbox rows fully contained in this batch, to delete on ack. */
  lastOutboxSeq: number | null;
  auditIds: string[];
  /** Where the batch after this one starts: outbox seq and audit deviceSeq read through. */
  readThrough: { outboxSeq: number | null; auditDeviceSeq: number | null };
}

/** The protocol's limits a batch keeps to (tests pass smaller ones). */
export interface PushLimits {
  readonly maxChangesPerBatch: number;
  readonly maxAuditPerBatch: number;
  readonly maxBodyBytes: number;
}

const ENVELOPE = 2048;
/** JSON bytes of a change beyond its strings (keys, quotes, commas, the array's comma). */
const CHANGE_JSON_OVERHEAD =
  JSON.stringify({ table: '', rowId: '', columns: [], hlc: '', value: '' }).length + 1;
/**
 * A change's exact JSON size without serializing it: its strings are ASCII
 * that JSON does not escape (table and column identifiers, a UUID, HLC text,
 * `v2.<key id>.<base64>` ciphertext), so bytes = characters.
 */
export const changeJsonBytes = (c: Change): number =>
  CHANGE_JSON_OVERHEAD +
  c.table.length +
  c.rowId.length +
  c.columns.reduce((n, col) => n + col.length + 3, -1) +
  c.hlc.length +
  c.value.length;

/**
 * The next batch to push (changes first, then audit), within the protocol's
 * limits: the oldest unacknowledged, or those after `inFlight` (a batch sent
 * and not yet acknowledged), so the next one is sealed while the server
 * stores the one before it.
 */
export function nextPushBatch(
  store: ClinicStore,
  limits: PushLimits = SYNC_LIMITS,
  inFlight: PushBatch | null = null,
): PushBatch | null {
  const tenantId = store.tenantId;
  if (!tenantId) return null;
  const afterSeq = inFlight?.readThrough.outboxSeq ?? null;
  const afterDeviceSeq = inFlight?.readThrough.auditDeviceSeq ?? null;
  const batch: PushBatch = {
    changes: [],
    audit: [],
    lastOutboxSeq: null,
    auditIds: [],
    readThrough: { outboxSeq: afterSeq, auditDeviceSeq: afterDeviceSeq },
  };
  let bytes = ENVELOPE;
  for (const row of store.outbox.rows(limits.maxChangesPerBatch, afterSeq)) {
    if (!isEntityTable(row.tbl)) continue;
    const table = row.tbl;
    const entries = Object.entries(JSON.parse(row.columns) as Record<string, unknown>);
    if (entries.length === 0) continue;
    const address = { table, rowId: row.rowId, columns: entries.map(([c]) => c), hlc: row.hlc };
    // A mutation's columns travel sealed together: one change per outbox row.
    const change: Change = {
      ...address,
      value: sealChange(
        store.keyring,
        tenantId,
        address,
        entries.map(([, v]) => v),
      ),
    };
    const size = changeJsonBytes(change);
    if (
      batch.changes.length > 0 &&
      (batch.changes.length + 1 > limits.maxChangesPerBatch || bytes + size > limits.maxBodyBytes)
    ) {
      break;
    }
    batch.changes.push(change);
    batch.lastOutboxSeq = row.seq;
    batch.readThrough.outboxSeq = row.seq;
    bytes += size;
  }
  if (batch.changes.length === 0 || bytes < limits.maxBodyBytes / 2) {
    for (const entry of store.outbox.unpushedAudit(limits.maxAuditPerBatch, afterDeviceSeq)) {
      const size = utf8Length(JSON.stringify(entry)) + 1;
      if (bytes + size > limits.maxBodyBytes) break;
      batch.audit.push(entry);
      batch.auditIds.push(entry.id);
      batch.readThrough.auditDeviceSeq = entry.deviceSeq;
      bytes += size;
    }
  }
  return batch.changes.length + batch.audit.length > 0 ? batch : null;
}

export const acknowledgeBatch = (store: ClinicStore, batch: PushBatch): void =>
  store.outbox.acknowledge({
    throughSeq: batch.lastOutboxSeq,
    auditThroughSeq: batch.audit.at(-1)?.deviceSeq ?? null,
  });
