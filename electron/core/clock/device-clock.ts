// The device's HLC, restored at open from what it last persisted and from its
// unpushed changes, so timestamps stay monotonic across restarts even if the
// wall clock went backwards while the app was closed.
import { HybridLogicalClock, compareHlc, parseHlc } from '../../../shared/sync/hlc';
import type { Db } from '../store/open-database';
import { getMeta, setMeta } from '../store/local-meta';

export function restoreClock(db: Db, deviceId: string, now: () => number): HybridLogicalClock {
  const persisted = getMeta(db, 'hlc');
  // Own changes enter the outbox in clock order, so its newest row holds the
  // highest HLC; max(hlc) would scan the whole outbox (seconds with 400k rows).
  const outboxMax =
    (
      db.prepare('SELECT hlc AS h FROM sync_outbox ORDER BY seq DESC LIMIT 1').get() as
        { h: string } | undefined
    )?.h ?? null;
  const candidates = [persisted, outboxMax].filter((h): h is string => h !== null);
  const last = candidates.sort((a, b) => compareHlc(parseHlc(a), parseHlc(b))).at(-1) ?? null;
  return new HybridLogicalClock(deviceId, now, last);
}

export function persistClock(db: Db, clock: HybridLogicalClock): void {
  setMeta(db, 'hlc', clock.lastIssued);
}
