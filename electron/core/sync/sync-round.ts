// One sync round: bootstrap from a snapshot (a new workstation), push the
// outbox in batches under the protocol's limits, then pull every page after
// our cursor and merge it. Safe to interrupt anywhere: batch ids are derived
// from their content (a retried batch is a duplicate, not new data), outbox
// rows are deleted only after the server stored them, and the cursor moves
// only after a page is merged, in the same transaction-per-page.
import { checkAuditTips, describeTipProblems } from '../audit/tip-check';
import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { AppError } from '../../../shared/errors';
import { MAX_DRIFT_MS } from '../../../shared/sync/hlc';
import {
  PullResponse,
  type AuditTip,
  PushResponse,
  SnapshotResponse,
  SYNC_LIMITS,
} from '../../../shared/sync/protocol';
import { AuditPageResponse } from '../../../shared/sync/audit-page';
import { persistClock } from '../clock/device-clock';
import type { ClinicStore } from '../clinic/clinic-store';
import { applyRemoteAudit, applyRemoteChanges, applyRemotePage, bulkLoad } from './apply-remote';
import { appointmentConflicts, billingConflictCount } from './conflicts';
import { registerThisDevice } from './register-device';
import { adoptOwnHistory } from './restored-store';
import type { AuditLog } from '../../../shared/domain/audit-log';
import { acknowledgeBatch, nextPushBatch, type PushBatch } from './push-batch';
import { syncHttp, versions, type SyncHttp } from './sync-http';

export interface SyncRoundResult {
  pushed: number;
  pulled: number;
  conflicts: number;
  clockOffsetMs: number | null;
  clockWarning: string | null;
  bootstrapped: boolean;
  /** What the chain-tip cross-check found wrong (null when all is well or the server sends no tips). */
  auditWarning: string | null;
}

export interface SyncRoundOptions {
  /** Bootstrap progress, 0..1. */
  onProgress?: (fraction: number) => void;
  pullLimit?: number;
  snapshotLimit?: number;
}

/** Items per pull page: the protocol's largest, so a round makes few round trips. */
const DEFAULT_PULL_LIMIT = SYNC_LIMITS.maxPullLimit;

/**
 * Changes per snapshot page at a bootstrap. Each page is merged in one
 * transaction that holds the event loop (the app's other requests wait):
 * 10,000 held it about a second. With the plain indexes built after the load
 * (bulkLoad), smaller pages cost little: 2,500 hold it about a quarter of a
 * second, for about the same total time (docs/sync.md).
 */
const BOOTSTRAP_PAGE_CHANGES = 2500;

/** A UUID derived from the batch's content, so a retry after a crash reuses it. */
function batchIdOf(deviceId: string, b: PushBatch): string {
  const h = createHash('sha256')
    .update(
      `${deviceId}|${b.lastOutboxSeq ?? ''}|${b.changes.length}|${b.changes[0]?.hlc ?? ''}|${b.auditIds.join(',')}`,
    )
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const FOREIGN_ANSWER =
  "The sync server answered with another clinic's data, so nothing from it was used. The server or the network may be misconfigured: tell your administrator.";

/**
 * Every answer names its clinic; one for another clinic (a misrouted proxy, a
 * server mixing up certificates) is refused before any of it is read.
 */
function ownAnswer<T extends { tenantId: string }>(store: ClinicStore, answer: T): T {
  if (answer.tenantId !== store.tenantId) throw new AppError('INTEGRITY_FAILED', FOREIGN_ANSWER);
  return answer;
}

export function clockWarningFor(offsetMs: number): string | null {
  if (Math.abs(offsetMs) <= MAX_DRIFT_MS) return null;
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const direction = offsetMs > 0 ? 'behind' : 'ahead of';
  return `This computer's clock is about ${minutes} minutes ${direction} the sync server. Please correct its date and time. Your work is kept and will sync once the clock is right.`;
}

async function bootstrap(store: ClinicStore, http: SyncHttp, o: SyncRoundOptions): Promise<number> {
  let cursor: number | undefined;
  let after: number | undefined;
  let total = 0;
  let done = 0;
  // Snapshot pages are keyed by table, not by dependency order: foreign keys are checked once at the end.
  const limit = o.snapshotLimit ?? BOOTSTRAP_PAGE_CHANGES;
  const fetchPage = () =>
    http.post(
      '/v1/snapshot',
      {
        ...versions,
        tenantId: store.tenantId ?? undefined,
        ...(cursor === undefined ? {} : { cursor }),
        ...(after === undefined ? {} : { after }),
        limit,
      },
      SnapshotResponse,
    );
  await bulkLoad(store, async () => {
    // Pipelined like pulls: the next page is on its way while this one is inserted.
    let pending: Promise<SnapshotResponse> | null = fetchPage();
    while (pending) {
      const page: SnapshotResponse = ownAnswer(store, await pending);
      cursor = page.cursor;
      total = page.total ?? total;
      after = page.next ?? undefined;
      pending = page.hasMore && page.next !== null ? fetchPage() : null;
      pending?.catch(() => undefined);
      applyRemoteChanges(store, page.changes);
      done += page.changes.length;
      o.onProgress?.(total > 0 ? Math.min(1, done / total) : 1);
    }
  });
  // The snapshot carries changes only: fetch the audit history written before it.
  const own: AuditLog[] = [];
  for (let after = 0; ;) {
    const page = ownAnswer(
      store,
      await http.post(
        '/v1/audit',
        {
          ...versions,
          tenantId: store.tenantId ?? undefined,
          after,
          upTo: cursor ?? 0,
          limit: 5000,
        },
        AuditPageResponse,
      ),
    );
    applyRemoteAudit(store, page.audit);
    if (store.sync.restoredAuditTip !== null)
      own.push(...page.audit.filter((e) => e.deviceId === store.deviceId));
    after = page.nextCursor;
    if (!page.hasMore) break;
  }
  if (store.read.pragma('foreign_key_check').length > 0) {
    throw new AppError('INTEGRITY_FAILED', 'The clinic snapshot was incomplete; sync will retry.');
  }
  store.transaction(() => {
    adoptOwnHistory(store, own);
    store.sync.cursor = cursor ?? 0;
    store.sync.bootstrapped = true;
  });
  return done;
}

export async function syncRound(
  store: ClinicStore,
  o: SyncRoundOptions = {},
): Promise<SyncRoundResult> {
  const id = store.sync.identity();
  if (!id) throw new AppError('UNAVAILABLE', 'This workstation is not connected to a sync server.');
  const http = syncHttp(id.serverUrl, { ca: id.caPem, cert: id.certPem, key: id.keyPem });
  const result: SyncRoundResult = {
    pushed: 0,
    pulled: 0,
    conflicts: 0,
    clockOffsetMs: null,
    clockWarning: null,
    bootstrapped: false,
    auditWarning: null,
  };

  if (!store.sync.bootstrapped) {
    result.pulled += await bootstrap(store, http, o);
    result.bootstrapped = true;
    registerThisDevice(store);
  }

  let pushRefused: AppError | null = null;
  // Pipelined: while the server stores one batch, the next is read and sealed. Batches
  // are still sent one at a time, in order (each continues the audit chain of the one
  // before), and each is acknowledged only once the server has answered for it.
  for (let batch = nextPushBatch(store); batch;) {
    const sending = http.post(
      '/v1/push',
      {
        ...versions,
        tenantId: store.tenantId ?? undefined,
        batchId: batchIdOf(store.deviceId, batch),
        sentAt: store.now(),
        changes: batch.changes,
        audit: batch.audit,
      },
      PushResponse,
    );
    // Nothing is written until the answer: a failed push leaves the prepared batch unused.
    sending.catch(() => undefined);
    await setImmediate(); // the request is on the wire before the next batch is sealed
    const next = nextPushBatch(store, SYNC_LIMITS, batch);
    try {
      const res = await sending;
      ownAnswer(store, res);
      result.clockOffsetMs = res.clockOffsetMs;
      acknowledgeBatch(store, batch);
      result.pushed += batch.changes.length + batch.audit.length;
    } catch (e) {
      // A refused clock keeps the batch for later and must not stop us receiving others' work.
      if (e instanceof AppError && e.code === 'CLOCK_SKEW') {
        result.clockWarning = e.message;
        break;
      }
      // The server's chain of this device ends before what it acknowledged (its copy was cut
      // back): the pull below still runs, so its chain tips say so; the round then fails.
      if (e instanceof AppError && e.code === 'CONFLICT') {
        pushRefused = e;
        break;
      }
      throw e;
    }
    batch = next;
  }

  // Pipelined: the next page is requested before this one is merged, so the server
  // reads and the network overlap the local transaction. Pages are merged in order
  // and the cursor moves only after its page is merged (same transaction).
  const limit = o.pullLimit ?? DEFAULT_PULL_LIMIT;
  const fetchPage = (after: number) =>
    http.post(
      '/v1/pull',
      { ...versions, tenantId: store.tenantId ?? undefined, sentAt: store.now(), after, limit },
      PullResponse,
    );
  let pending: Promise<PullResponse> | null = fetchPage(store.sync.cursor);
  let tips: AuditTip[] | null = null;
  while (pending) {
    const page: PullResponse = ownAnswer(store, await pending);
    pending = page.hasMore ? fetchPage(page.nextCursor) : null;
    // A failed prefetch must not be reported as unhandled while this page is merged.
    pending?.catch(() => undefined);
    result.clockOffsetMs = page.clockOffsetMs;
    const applied = applyRemotePage(store, page.changes, page.audit, page.nextCursor);
    if (applied.clockWarning) result.clockWarning ??= applied.clockWarning;
    result.pulled += page.changes.length;
    if (page.auditTips) tips = page.auditTips;
  }
  // The server's chain tips, against what this workstation holds of every chain (its own too).
  if (tips) {
    // Tips bounded by this pull's cursor cover every entry here that the server acknowledged.
    const problems = checkAuditTips(store.read, tips, {
      rollbacks: { own: { deviceId: store.deviceId, pushedSeq: store.sync.auditPushedSeq } },
    });
    result.auditWarning = describeTipProblems(problems, store.deviceId);
    const reported = tips;
    store.transaction(() => {
      store.sync.auditTips = reported;
      store.sync.auditWarning = result.auditWarning;
    });
  }

  if (pushRefused) throw pushRefused;

  if (result.clockOffsetMs !== null) result.clockWarning ??= clockWarningFor(result.clockOffsetMs);
  result.conflicts = appointmentConflicts(store).length + billingConflictCount(store);
  store.transaction(() => {
    persistClock(store.meta, store.clock);
    store.sync.lastSyncAt = store.nowIso();
    store.sync.clockOffsetMs = result.clockOffsetMs ?? 0;
    store.sync.clockWarning = result.clockWarning;
  });
  return result;
}
