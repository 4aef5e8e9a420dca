// Cross-checks the local audit chains against the chain tips the sync server
// holds (each device's latest acknowledged entry). A hash chain proves order,
// not completeness: deleting a device's newest entries leaves a valid, shorter
// chain. Two copies of every synced chain exist (here and on the server), so
// a tail cut from either one is seen from the other:
// - missing / differs: the server acknowledged an entry this workstation no
//   longer holds, or holds with another hash (the log here was cut or rewritten);
// - rolled back: this workstation holds entries of a device that the server
//   acknowledged (its own pushed ones, or ones it pulled) beyond the server's
//   tip, so the server lost them (its database was cut or restored).
import { assertNever } from '../../../shared/errors';
import type { AuditTip } from '../../../shared/sync/protocol';
import type { ReadableDB } from '../store/db-handles';

export interface TipProblem {
  deviceId: string;
  /** The server's tip (0 when the server holds no entry of the device). */
  deviceSeq: number;
  /** The newest entry this workstation holds for that device (0 for none), or for a rollback its newest acknowledged one. */
  localSeq: number;
  reason: 'missing' | 'differs' | 'rolled_back';
}

export interface TipCheckOptions {
  /**
   * Also report entries held here beyond the server's tips. Only sound right
   * after a pull whose tips were bounded by its cursor (a sync round); stored
   * tips from an earlier round may predate this workstation's later pushes.
   * `own` names this workstation and its push watermark (the last deviceSeq the
   * server acknowledged): its own entries are not flagged one by one when
   * pushed, so the watermark says which of them the server stored.
   */
  rollbacks: false | { own: { deviceId: string; pushedSeq: number } };
}

export function checkAuditTips(
  db: ReadableDB,
  tips: readonly AuditTip[],
  o: TipCheckOptions,
): TipProblem[] {
  const at = db.prepare('SELECT hash FROM audit_logs WHERE deviceId = ? AND deviceSeq = ?');
  const newest = db.prepare('SELECT max(deviceSeq) AS n FROM audit_logs WHERE deviceId = ?');
  // Entries the server stored: every pulled one (stored with pushed = 1) and, for this
  // device, those up to its push watermark.
  const acknowledged = db.prepare(
    'SELECT max(deviceSeq) AS n FROM audit_logs WHERE deviceId = ? AND pushed = 1',
  );
  const problems: TipProblem[] = [];
  const byDevice = new Map(tips.map((t) => [t.deviceId, t]));
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
  if (o.rollbacks === false) return problems;
  const { own } = o.rollbacks;
  // Every workstation of the clinic (the devices table), and any chain the server named.
  const devices = new Set([
    ...(db.prepare('SELECT id FROM devices').all() as { id: string }[]).map((d) => d.id),
    ...byDevice.keys(),
  ]);
  for (const deviceId of [...devices].sort()) {
    const held =
      deviceId === own.deviceId
        ? Math.min(own.pushedSeq, (newest.get(deviceId) as { n: number | null }).n ?? 0)
        : ((acknowledged.get(deviceId) as { n: number | null }).n ?? 0);
    const tipSeq = byDevice.get(deviceId)?.deviceSeq ?? 0;
    if (held > tipSeq && !problems.some((p) => p.deviceId === deviceId)) {
      problems.push({ deviceId, deviceSeq: tipSeq, localSeq: held, reason: 'rolled_back' });
    }
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
  const what = ((): string => {
    switch (first.reason) {
      case 'missing':
        return `entries ${first.localSeq + 1} to ${first.deviceSeq} are missing here (the newest entries were deleted)`;
      case 'differs':
        return `entry ${first.deviceSeq} differs from the one the server acknowledged (the log was rewritten)`;
      case 'rolled_back':
        return `the server holds it only up to entry ${first.deviceSeq}, but entries up to ${first.localSeq} were stored there before (the server's copy was cut back or restored)`;
      default:
        return assertNever(first.reason);
    }
  })();
  const more = problems.length > 1 ? ` ${problems.length} workstations are affected.` : '';
  return `The audit log of ${whose} does not match what the sync server acknowledged: ${what}.${more}`;
}
