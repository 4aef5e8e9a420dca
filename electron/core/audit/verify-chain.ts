// Verifies every device's audit chain: contiguous sequence numbers, each
// entry's hash recomputed from its content, each prevHash linking to the
// previous entry's hash. Reports the first broken entry of each device.
import { GENESIS_HASH, type AuditLog } from '../../../shared/domain/audit-log';
import type { ReadableDB } from '../store/db-handles';
import { hashAudit } from './audit-writer';

export interface ChainBreak {
  deviceId: string;
  deviceSeq: number;
  entryId: string | null;
  reason: 'hash_mismatch' | 'broken_link' | 'sequence_gap';
}

export interface ChainReport {
  devices: number;
  entries: number;
  breaks: ChainBreak[];
}

export function verifyAuditChains(db: ReadableDB): ChainReport {
  const devices = (
    db.prepare('SELECT DISTINCT deviceId FROM audit_logs ORDER BY deviceId').all() as {
      deviceId: string;
    }[]
  ).map((r) => r.deviceId);
  const stmt = db.prepare('SELECT * FROM audit_logs WHERE deviceId = ? ORDER BY deviceSeq');
  const breaks: ChainBreak[] = [];
  let entries = 0;
  for (const deviceId of devices) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (const row of stmt.iterate(deviceId) as IterableIterator<AuditLog & { pushed: number }>) {
      entries++;
      const { hash, pushed: _pushed, ...content } = row;
      const at = { deviceId, deviceSeq: row.deviceSeq, entryId: row.id };
      if (row.deviceSeq !== expectedSeq) {
        breaks.push({ ...at, deviceSeq: expectedSeq, entryId: null, reason: 'sequence_gap' });
        break;
      }
      if (row.prevHash !== prevHash) {
        breaks.push({ ...at, reason: 'broken_link' });
        break;
      }
      if (hashAudit(content) !== hash) {
        breaks.push({ ...at, reason: 'hash_mismatch' });
        break;
      }
      expectedSeq++;
      prevHash = hash;
    }
  }
  return { devices: devices.length, entries, breaks };
}
