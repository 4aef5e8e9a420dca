// Decides what a push writes, given what the store already holds. Both stores
// load the same inputs inside their transaction (under the tenant's lock) and
// write the plan, so the merge rule and the chain rules live in one place.
//
// The change log is compacted as it is written (protocol 2): it holds exactly
// one change per cell, the cell's winner by the merge rule. A change that wins
// replaces the cell's stored change (deleted, the new one appended at a new
// sequence); a change that loses or repeats the stored HLC is not stored. This
// is safe for every workstation whatever its cursor: the merge rule is a
// maximum, so a workstation needs only the winner of each cell changed after
// its cursor, and a replaced change is always replaced by one with a higher
// sequence. Tombstones are ordinary `deletedAt` cells and stay.
import type { AuditLog } from '../../../shared/domain/audit-log';
import { GENESIS_HASH } from '../../../shared/domain/audit-log';
import { AppError } from '../../../shared/errors';
import { cellKey, latestPerCell, shouldApply } from '../../../shared/sync/merge';
import type { Change } from '../../../shared/sync/protocol';
import { checkAuditEntries, type BatchOwner } from './check-batch';

export interface StoredState {
  lastSeq: number;
  /** The device's last stored audit entry. */
  lastAudit: { deviceSeq: number; hash: string } | null;
  /** Stored hashes of this device's entries at the deviceSeqs the batch repeats. */
  storedAuditHashes: ReadonlyMap<number, string>;
  /** The stored change (the winner) of each cell the batch touches, by `cellKey`. */
  cells: ReadonlyMap<string, StoredCell>;
}

export interface StoredCell {
  hlc: string;
  seq: number;
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

export interface PushPlan {
  /** One per cell: the new winner, to append to the log. */
  changes: SequencedChange[];
  /** Sequences of the stored changes these winners replace, to delete. */
  replaced: number[];
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

export function planPush(
  owner: BatchOwner,
  changes: readonly Change[],
  audit: readonly AuditLog[],
  state: StoredState,
): PushPlan {
  checkAuditEntries(owner, audit);
  const freshAudit = newAuditEntries(audit, state);
  let seq = state.lastSeq;
  const sequenced: SequencedChange[] = [];
  const replaced: number[] = [];
  // The batch's own winner per cell, kept at the position of its first change.
  const batchWinners = latestPerCell(changes);
  const done = new Set<string>();
  for (const change of changes) {
    const key = cellKey(change);
    const winner = batchWinners.get(key);
    if (!winner || done.has(key)) continue;
    done.add(key);
    const stored = state.cells.get(key);
    if (stored && !shouldApply(stored.hlc, winner.hlc)) continue;
    if (stored) replaced.push(stored.seq);
    sequenced.push({ seq: ++seq, change: winner });
  }
  const sequencedAudit = freshAudit.map((entry) => ({ seq: ++seq, entry }));
  const accepted = sequenced.length + sequencedAudit.length;
  return {
    changes: sequenced,
    replaced,
    audit: sequencedAudit,
    accepted,
    duplicates: changes.length + audit.length - accepted,
    lastSeq: seq,
  };
}
