// Decides what a push writes, given what the store already holds. Both stores
// load the same inputs inside their transaction (under the tenant's lock) and
// write the plan, so the merge rule and the chain rules live in one place.
//
// Protocol 3: a change is one mutation of one row, its columns sealed in one
// ciphertext. The server keeps, per row, an index of each column's winner
// (`RowCells`: column -> [HLC, sequence of the change that holds it]) and in
// its log only the changes that still win at least one column. A change that
// wins a column becomes that column's winner (appended at a new sequence); a
// stored change left winning no column is deleted; a change that wins nothing
// (it loses, or repeats a stored HLC) is not stored. This is safe for every
// workstation whatever its cursor: the merge rule is a maximum, a workstation
// needs only the winner of each cell changed after its cursor, and a column's
// winner always moves to a higher sequence. A stored change may still list
// columns it no longer wins; every replica's per-column merge skips those.
// Tombstones are ordinary `deletedAt` columns and stay.
import type { AuditLog } from '../../../shared/domain/audit-log';
import { GENESIS_HASH } from '../../../shared/domain/audit-log';
import { AppError } from '../../../shared/errors';
import { shouldApply } from '../../../shared/sync/merge';
import type { Change } from '../../../shared/sync/protocol';
import { checkAuditEntries, type BatchOwner } from './check-batch';

/** One row's winners: column -> [HLC, sequence of the stored change holding it]. */
export type RowCells = Record<string, readonly [hlc: string, seq: number]>;

/** A map key for a row. NUL cannot occur in table names or row ids. */
export const rowKey = (table: string, rowId: string): string => `${table}\u0000${rowId}`;

export interface StoredState {
  lastSeq: number;
  /** The device's last stored audit entry. */
  lastAudit: { deviceSeq: number; hash: string } | null;
  /** Stored hashes of this device's entries at the deviceSeqs the batch repeats. */
  storedAuditHashes: ReadonlyMap<number, string>;
  /** The stored winners of each row the batch touches, by `rowKey` (absent: a new row). */
  rows: ReadonlyMap<string, RowCells>;
}

/** How long a batch id is remembered for idempotent retries (a retry after that is still deduplicated per cell and per audit entry). */
export const BATCH_ID_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Batch ids received before this time may be forgotten. */
export const batchIdHorizon = (nowIso: string): string =>
  new Date(Date.parse(nowIso) - BATCH_ID_RETENTION_MS).toISOString();

export interface SequencedChange {
  seq: number;
  change: Change;
}

export interface RowIndexWrite {
  table: string;
  rowId: string;
  cells: RowCells;
}

export interface PushPlan {
  /** The changes that win at least one column, to append to the log. */
  changes: SequencedChange[];
  /** Sequences of stored changes left winning no column, to delete. */
  replaced: number[];
  /** The new winners of each row whose index changed, to write (insert or replace). */
  rows: RowIndexWrite[];
  audit: { seq: number; entry: AuditLog }[];
  accepted: number;
  duplicates: number;
  lastSeq: number;
}

/** Links the batch's (already self-consistent) chain to the stored one; returns the entries to insert. */
function newAuditEntries(audit: readonly AuditLog[], state: StoredState): AuditLog[] {
  const lastSeq = state.lastAudit?.deviceSeq ?? 0;
  const fresh: AuditLog[] = [];
  for (const entry of audit) {
    if (entry.deviceSeq <= lastSeq) {
      if (state.storedAuditHashes.get(entry.deviceSeq) !== entry.hash) {
        throw new AppError(
          'INTEGRITY_FAILED',
          `Audit entry ${entry.deviceSeq} differs from the one the server already has: the audit log was rewritten. Nothing was stored.`,
        );
      }
      continue;
    }
    if (fresh.length === 0) {
      if (entry.deviceSeq > lastSeq + 1) {
        throw new AppError(
          'CONFLICT',
          `Audit entries ${lastSeq + 1} to ${entry.deviceSeq - 1} have not reached the server yet; send earlier batches first. Nothing was stored.`,
        );
      }
      const expectedPrev = state.lastAudit?.hash ?? GENESIS_HASH;
      if (entry.prevHash !== expectedPrev) {
        throw new AppError(
          'INTEGRITY_FAILED',
          `Audit entry ${entry.deviceSeq} does not link to the server's copy of the chain: the audit log was altered. Nothing was stored.`,
        );
      }
    }
    fresh.push(entry);
  }
  return fresh;
}

interface RowFold {
  table: string;
  rowId: string;
  stored: RowCells | undefined;
  /** Winners after the batch; a batch change is named by -(its index + 1) until it has a sequence. */
  cells: Record<string, [string, number]>;
  changed: boolean;
}

/** Folds the batch into the stored row indexes by the merge rule, in batch order. */
function foldRows(changes: readonly Change[], stored: ReadonlyMap<string, RowCells>) {
  const rows = new Map<string, RowFold>();
  changes.forEach((change, i) => {
    const key = rowKey(change.table, change.rowId);
    let row = rows.get(key);
    if (!row) {
      const held = stored.get(key);
      const cells: Record<string, [string, number]> = {};
      for (const [column, [hlc, seq]] of Object.entries(held ?? {})) cells[column] = [hlc, seq];
      rows.set(
        key,
        (row = { table: change.table, rowId: change.rowId, stored: held, cells, changed: false }),
      );
    }
    for (const column of change.columns) {
      const current = row.cells[column];
      if (current && !shouldApply(current[0], change.hlc)) continue;
      row.cells[column] = [change.hlc, -(i + 1)];
      row.changed = true;
    }
  });
  return rows;
}

export function planPush(
  owner: BatchOwner,
  changes: readonly Change[],
  audit: readonly AuditLog[],
  state: StoredState,
): PushPlan {
  checkAuditEntries(owner, audit);
  const freshAudit = newAuditEntries(audit, state);
  const rows = foldRows(changes, state.rows);
  // The batch changes that still win a column after the whole batch, in batch order.
  const live = new Set<number>();
  for (const row of rows.values())
    for (const [, ref] of Object.values(row.cells)) if (ref < 0) live.add(-ref - 1);
  let seq = state.lastSeq;
  const seqOf = new Map<number, number>();
  const sequenced: SequencedChange[] = [];
  changes.forEach((change, i) => {
    if (!live.has(i)) return;
    seqOf.set(i, ++seq);
    sequenced.push({ seq, change });
  });
  const replaced: number[] = [];
  const indexWrites: RowIndexWrite[] = [];
  for (const row of rows.values()) {
    if (!row.changed) continue;
    const cells: Record<string, readonly [string, number]> = {};
    const still = new Set<number>();
    for (const [column, [hlc, ref]] of Object.entries(row.cells)) {
      const at = ref < 0 ? (seqOf.get(-ref - 1) as number) : ref;
      cells[column] = [hlc, at];
      still.add(at);
    }
    const dropped = new Set<number>();
    for (const [, old] of Object.values(row.stored ?? {})) if (!still.has(old)) dropped.add(old);
    replaced.push(...dropped);
    indexWrites.push({ table: row.table, rowId: row.rowId, cells });
  }
  const sequencedAudit = freshAudit.map((entry) => ({ seq: ++seq, entry }));
  const accepted = sequenced.length + sequencedAudit.length;
  return {
    changes: sequenced,
    replaced,
    rows: indexWrites,
    audit: sequencedAudit,
    accepted,
    duplicates: changes.length + audit.length - accepted,
    lastSeq: seq,
  };
}
