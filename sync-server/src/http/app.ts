// The Fastify application over HTTPS with optional client certificates (see
// client-device.ts). Logs are structured JSON with method, URL and status;
// bodies are never logged, and the server only ever holds ciphertext anyway.
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/errors';
import { SYNC_LIMITS } from '../../../shared/sync/protocol';
import type { ServerContext } from './context';
import { handleError } from './errors';
import { limitLargeBodies, LARGE_BODY_LIMITS, type LargeBodyLimits } from './large-bodies';
import { deviceRoutes } from './routes/devices';
import { enrollmentRoutes } from './routes/enrollment';
import { publicRoutes } from './routes/public';
import { syncRoutes } from './routes/sync';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

export function buildApp(
  ctx: ServerContext,
  logLevel: LogLevel,
  largeBodies: LargeBodyLimits = LARGE_BODY_LIMITS,
): FastifyInstance {
  const app = Fastify({
    https: {
      key: ctx.identity.tls.keyPem,
      cert: ctx.identity.tls.certPem,
      ca: [ctx.identity.ca.certPem],
      requestCert: true,
      // Checked per route: registration, enrollment and health have no client certificate yet.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    },
    bodyLimit: SYNC_LIMITS.maxBodyBytes,
    logger: logLevel === 'silent' ? false : { level: logLevel },
  });
  app.setErrorHandler(handleError);
  limitLargeBodies(app, largeBodies);
  app.setNotFoundHandler((_req, reply) => {
    handleError(new AppError('NOT_FOUND', 'No such route on this sync server.'), _req, reply);
  });
  publicRoutes(app, ctx);
  enrollmentRoutes(app, ctx);
  syncRoutes(app, ctx);
  deviceRoutes(app, ctx);
  return app;
}
