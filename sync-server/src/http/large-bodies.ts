// Bounds how many large request bodies one instance buffers at once (issue 14,
// defect 11): Fastify reads a JSON body whole before the route runs, so twenty
// parallel 7 MiB pushes held twenty copies (and their parsed objects) at once.
// A request whose body is large (or of unknown length) takes one of a few
// slots before its body is read; when none is free it is answered at once with
// 503 UNAVAILABLE and Retry-After, its body never buffered, and the
// workstation tries again at its next round. Small requests are never held back.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/errors';
import { handleError } from './errors';

export interface LargeBodyLimits {
  /** A body of more than this many bytes (by Content-Length) is large. */
  largeBytes: number;
  /** How many large bodies may be in flight at once. */
  maxInFlight: number;
  /** Seconds the client is told to wait (Retry-After). */
  retryAfterSeconds: number;
}

export const LARGE_BODY_LIMITS: LargeBodyLimits = {
  largeBytes: 1024 * 1024,
  maxInFlight: 4,
  retryAfterSeconds: 2,
};

const isLarge = (headers: Record<string, string | string[] | undefined>, largeBytes: number) => {
  const length = headers['content-length'];
  if (typeof length === 'string') return Number(length) > largeBytes;
  // A chunked body has no length up front: count it as large (bodyLimit still caps it).
  return headers['transfer-encoding'] !== undefined;
};

export function limitLargeBodies(app: FastifyInstance, limits = LARGE_BODY_LIMITS): void {
  let inFlight = 0;
  app.addHook('onRequest', (req, reply, done) => {
    if (!isLarge(req.headers, limits.largeBytes)) return done();
    if (inFlight >= limits.maxInFlight) {
      void reply.header('retry-after', String(limits.retryAfterSeconds));
      handleError(
        new AppError(
          'UNAVAILABLE',
          'The sync server is busy receiving other large uploads. Try again shortly.',
        ),
        req,
        reply,
      );
      return;
    }
    inFlight += 1;
    let released = false;
    // 'close' comes once the response is sent or the connection is gone, whichever way it ends.
    reply.raw.once('close', () => {
      if (!released) {
        released = true;
        inFlight -= 1;
      }
    });
    done();
  });
}
