// The device's HLC, restored at open from what it last persisted and from its
// unpushed changes, so timestamps stay monotonic across restarts even if the
// wall clock went backwards while the app was closed.
import { HybridLogicalClock, compareHlc, parseHlc } from '../../../shared/sync/hlc';
import type { ReadableDB } from '../store/db-handles';
import type { LocalMeta } from '../store/local-meta';

export function restoreClock(
  read: ReadableDB,
  meta: Pick<LocalMeta, 'get'>,
  deviceId: string,
  now: () => number,
): HybridLogicalClock {
  const persisted = meta.get('hlc');
  // Own changes enter the outbox in clock order, so its newest row holds the
  // highest HLC; max(hlc) would scan the whole outbox (seconds with 400k rows).
  const outboxMax =
    (
      read.prepare('SELECT hlc AS h FROM sync_outbox ORDER BY seq DESC LIMIT 1').get() as
        { h: string } | undefined
    )?.h ?? null;
  const candidates = [persisted, outboxMax].filter((h): h is string => h !== null);
  const last = candidates.sort((a, b) => compareHlc(parseHlc(a), parseHlc(b))).at(-1) ?? null;
  return new HybridLogicalClock(deviceId, now, last);
}

export function persistClock(meta: LocalMeta, clock: HybridLogicalClock): void {
  meta.set('hlc', clock.lastIssued);
}
