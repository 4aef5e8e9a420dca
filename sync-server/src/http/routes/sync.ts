// Push, pull and snapshot: every one bound to the tenant and device of the
// client certificate (docs/sync-protocol.md).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../../shared/errors';
import {
  HeadRequest,
  PullRequest,
  PushRequest,
  SnapshotRequest,
  SYNC_LIMITS,
  type HeadResponse,
  type PullResponse,
  type PushResponse,
  type SnapshotResponse,
} from '../../../../shared/sync/protocol';
import { AuditPageRequest, type AuditPageResponse } from '../../../../shared/sync/audit-page';
import { checkChanges } from '../../sync/check-batch';
import { assertSameTenant, authenticateDevice } from '../client-device';
import type { ServerContext } from '../context';
import { parseRequest } from '../parse';

const DEFAULT_PULL_LIMIT = 1000;
const DEFAULT_SNAPSHOT_LIMIT = 5000;

/** Refuse oversized batches with a clear 413 before validating thousands of items. */
function assertBatchSize(body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const { changes, audit } = body as { changes?: unknown; audit?: unknown };
  if (Array.isArray(changes) && changes.length > SYNC_LIMITS.maxChangesPerBatch) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `A batch carries at most ${SYNC_LIMITS.maxChangesPerBatch} changes. Split it into smaller batches.`,
    );
  }
  if (Array.isArray(audit) && audit.length > SYNC_LIMITS.maxAuditPerBatch) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `A batch carries at most ${SYNC_LIMITS.maxAuditPerBatch} audit entries. Split it into smaller batches.`,
    );
  }
}

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.post('/v1/push', async (req): Promise<PushResponse> => {
    const device = await authenticateDevice(req, store);
    assertBatchSize(req.body);
    const body = parseRequest(PushRequest, req.body);
    assertSameTenant(device, body.tenantId);
    const now = ctx.now();
    checkChanges(device, body.changes, now.getTime());
    const outcome = await store.push({
      ...device,
      batchId: body.batchId,
      changes: body.changes,
      audit: body.audit,
      now: now.toISOString(),
    });
    req.log.info(
      { deviceId: device.deviceId, accepted: outcome.accepted, duplicates: outcome.duplicates },
      'push',
    );
    return {
      ...outcome,
      tenantId: device.tenantId,
      serverTime: now.getTime(),
      clockOffsetMs: now.getTime() - body.sentAt,
    };
  });

  app.post('/v1/pull', async (req): Promise<PullResponse> => {
    const device = await authenticateDevice(req, store);
    const body = parseRequest(PullRequest, req.body);
    assertSameTenant(device, body.tenantId);
    // No echo: the workstation's own changes and audit entries are never sent back to it.
    const page = await store.pull(
      device.tenantId,
      body.after,
      body.limit ?? DEFAULT_PULL_LIMIT,
      device.deviceId,
    );
    const now = ctx.now();
    // Admin's "last sync" of each workstation: a round ends with a pull.
    await store.touchDevice(device.deviceId, now.toISOString());
    // The chain tips come with the last page, bounded by its cursor so they match what was sent.
    const tips = page.hasMore
      ? {}
      : { auditTips: await store.auditTips(device.tenantId, page.nextCursor) };
    return {
      ...page,
      ...tips,
      tenantId: device.tenantId,
      serverTime: now.getTime(),
      clockOffsetMs: now.getTime() - body.sentAt,
    };
  });

  // The idle workstation's probe (every ~2 s): one primary-key read, no write, no page.
  // It pulls only when this moved past its cursor (docs/sync-protocol.md, "Head").
  app.post('/v1/head', async (req): Promise<HeadResponse> => {
    const device = await authenticateDevice(req, store);
    const body = parseRequest(HeadRequest, req.body);
    assertSameTenant(device, body.tenantId);
    return { tenantId: device.tenantId, lastSeq: await store.lastSeq(device.tenantId) };
  });

  // A workstation that bootstrapped from a snapshot fetches the audit history up to its cursor here.
  app.post('/v1/audit', async (req): Promise<AuditPageResponse> => {
    const device = await authenticateDevice(req, store);
    const body = parseRequest(AuditPageRequest, req.body);
    assertSameTenant(device, body.tenantId);
    const page = await store.auditPage(
      device.tenantId,
      body.after,
      body.upTo,
      body.limit ?? DEFAULT_PULL_LIMIT,
    );
    return { ...page, tenantId: device.tenantId };
  });

  app.post('/v1/snapshot', async (req): Promise<SnapshotResponse> => {
    const device = await authenticateDevice(req, store);
    const body = parseRequest(SnapshotRequest, req.body);
    assertSameTenant(device, body.tenantId);
    if (body.after !== undefined && body.cursor === undefined) {
      throw new AppError(
        'VALIDATION_FAILED',
        'A later snapshot page needs the cursor of the first page.',
      );
    }
    const page = await store.snapshot(
      device.tenantId,
      body.cursor ?? null,
      body.after ?? null,
      body.limit ?? DEFAULT_SNAPSHOT_LIMIT,
    );
    return { ...page, tenantId: device.tenantId };
  });
}
