// One error shape for every response (shared/errors.ts ErrorPayload) and one
// HTTP status per error code. Fastify's own errors (body too large, bad JSON)
// are translated into the same shape, with messages that say what to do.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, assertNever, toErrorPayload, type ErrorCode } from '../../../shared/errors';
import { SYNC_LIMITS } from '../../../shared/sync/protocol';

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_TRANSITION':
      return 400;
    case 'UNAUTHENTICATED':
    case 'WRONG_PASSWORD':
    case 'WRONG_KEY':
      return 401;
    case 'FORBIDDEN':
    case 'REVOKED':
    case 'LOCKED':
      return 403;
    case 'NOT_FOUND':
    case 'STORE_MISSING':
      return 404;
    case 'CONFLICT':
    case 'SLOT_TAKEN':
    case 'STORE_EXISTS':
    case 'INTEGRITY_FAILED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'CLOCK_SKEW':
    case 'DECRYPT_FAILED':
      return 422;
    case 'UPDATE_REQUIRED':
      return 426;
    case 'UNAVAILABLE':
    case 'STORE_NEWER_THAN_APP':
      return 503;
    case 'DISK_FULL':
      return 507;
    case 'THROTTLED':
      return 429;
    case 'PASSWORD_CHANGE_REQUIRED':
    case 'REASON_REQUIRED':
      return 403;
    case 'INTERNAL':
      return 500;
    default:
      return assertNever(code);
  }
}

const isFastifyError = (e: unknown): e is FastifyError =>
  e instanceof Error && 'code' in e && typeof e.code === 'string';

function translate(error: unknown): unknown {
  if (!isFastifyError(error) || error instanceof AppError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request is larger than ${SYNC_LIMITS.maxBodyBytes} bytes. Split it into smaller batches.`,
    );
  }
  if (error.code.startsWith('FST_ERR_CTP_') || error.statusCode === 400) {
    return new AppError(
      'VALIDATION_FAILED',
      'The request body is not valid JSON of the expected type.',
    );
  }
  return error;
}

export function handleError(error: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const translated = translate(error);
  const payload = toErrorPayload(translated);
  const status = statusOf(payload.code);
  if (status >= 500) req.log.error({ err: translated }, 'request failed');
  else req.log.info({ code: payload.code }, 'request refused');
  void reply.status(status).send(payload);
}
