// Cross-checks the local audit chains against the chain tips the sync server
// holds (each device's latest acknowledged entry). A hash chain proves order,
// not completeness: deleting a device's newest entries leaves a valid, shorter
// chain. The server's tip cannot be rolled back from this workstation, so an
// entry it acknowledged that is missing here, or differs, is reported.
import type { AuditTip } from '../../../shared/sync/protocol';
import type { ReadableDB } from '../store/db-handles';

export interface TipProblem {
  deviceId: string;
  /** The server's tip: the entry that should be here. */
  deviceSeq: number;
  /** The newest entry this workstation holds for that device (0 for none). */
  localSeq: number;
  reason: 'missing' | 'differs';
}

export function checkAuditTips(db: ReadableDB, tips: readonly AuditTip[]): TipProblem[] {
  const at = db.prepare('SELECT hash FROM audit_logs WHERE deviceId = ? AND deviceSeq = ?');
  const newest = db.prepare('SELECT max(deviceSeq) AS n FROM audit_logs WHERE deviceId = ?');
  const problems: TipProblem[] = [];
  for (const tip of tips) {
    const row = at.get(tip.deviceId, tip.deviceSeq) as { hash: string } | undefined;
    if (row && row.hash === tip.hash) continue;
    const localSeq = (newest.get(tip.deviceId) as { n: number | null }).n ?? 0;
    problems.push({
      deviceId: tip.deviceId,
      deviceSeq: tip.deviceSeq,
      localSeq,
      reason: row ? 'differs' : 'missing',
    });
  }
  return problems;
}

/** The problems in plain words (no patient data: device ids and sequence numbers only). */
export function describeTipProblems(
  problems: readonly TipProblem[],
  ownDeviceId: string,
): string | null {
  const [first] = problems;
  if (!first) return null;
  const whose =
    first.deviceId === ownDeviceId
      ? 'this workstation'
      : `workstation ${first.deviceId.slice(0, 8)}`;
  const what =
    first.reason === 'missing'
      ? `entries ${first.localSeq + 1} to ${first.deviceSeq} are missing here (the newest entries were deleted)`
      : `entry ${first.deviceSeq} differs from the one the server acknowledged (the log was rewritten)`;
  const more = problems.length > 1 ? ` ${problems.length} workstations are affected.` : '';
  return `The audit log of ${whose} does not match what the sync server acknowledged: ${what}.${more}`;
}
