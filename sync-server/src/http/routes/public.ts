// Routes without a client certificate: health (for load balancers), the CA
// certificate (a workstation checks it against the fingerprint it was given
// before trusting it), and metrics (admin token; counts only, no clinical data).
import type { FastifyInstance } from 'fastify';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type HealthResponse,
  type MetricsResponse,
} from '../../../../shared/sync/protocol';
import type { ServerContext } from '../context';

export function publicRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/health', async (): Promise<HealthResponse> => ({
    status: 'ok',
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    serverTime: ctx.now().getTime(),
  }));

  app.get('/v1/ca', async () => ({ caCertificate: ctx.identity.ca.certPem }));

  app.get('/v1/metrics', async (req): Promise<MetricsResponse> => {
    ctx.admin.assert(req);
    const counts = await ctx.store.counts(ctx.now().toISOString());
    return { ...counts, uptimeSeconds: Math.floor((Date.now() - ctx.startedAt) / 1000) };
  });
}
