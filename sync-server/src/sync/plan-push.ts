// Decides what a push writes, given what the store already holds. Both stores
// load the same inputs inside their transaction (under the tenant's lock) and
// write the plan, so the merge rule and the chain rules live in one place.
import type { AuditLog } from '../../../shared/domain/audit-log';
import { GENESIS_HASH } from '../../../shared/domain/audit-log';
import { AppError } from '../../../shared/errors';
import {
  cellKey,
  latestPerCell,
  shouldApply,
  type CellAddress,
  type CellValue,
} from '../../../shared/sync/merge';
import type { Change } from '../../../shared/sync/protocol';
import { checkAuditEntries, type BatchOwner } from './check-batch';

export interface StoredState {
  lastSeq: number;
  /** The device's last stored audit entry. */
  lastAudit: { deviceSeq: number; hash: string } | null;
  /** Stored hashes of this device's entries at the deviceSeqs the batch repeats. */
  storedAuditHashes: ReadonlyMap<number, string>;
  /** `changeKey` of each batch change the log already has. */
  existingChanges: ReadonlySet<string>;
  /** Current winners of the cells the batch touches, by `cellKey`. */
  cells: ReadonlyMap<string, CellValue>;
}

export interface SequencedChange {
  seq: number;
  change: Change;
}

export interface PushPlan {
  changes: SequencedChange[];
  /** One per cell: the new winner, to upsert. */
  cellWrites: SequencedChange[];
  audit: { seq: number; entry: AuditLog }[];
  accepted: number;
  duplicates: number;
  lastSeq: number;
}

export const changeKey = (c: CellAddress & { hlc: string }): string =>
  `${cellKey(c)}\u0000${c.hlc}`;

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
  const seen = new Set<string>();
  const sequenced: SequencedChange[] = [];
  for (const change of changes) {
    const key = changeKey(change);
    if (state.existingChanges.has(key) || seen.has(key)) continue;
    seen.add(key);
    sequenced.push({ seq: ++seq, change });
  }
  const cellWrites: SequencedChange[] = [];
  const batchWinners = latestPerCell(sequenced.map((s) => ({ ...s.change, item: s })));
  for (const [key, winner] of batchWinners) {
    if (shouldApply(state.cells.get(key)?.hlc ?? null, winner.hlc)) cellWrites.push(winner.item);
  }
  const sequencedAudit = freshAudit.map((entry) => ({ seq: ++seq, entry }));
  const accepted = sequenced.length + sequencedAudit.length;
  return {
    changes: sequenced,
    cellWrites,
    audit: sequencedAudit,
    accepted,
    duplicates: changes.length + audit.length - accepted,
    lastSeq: seq,
  };
}
