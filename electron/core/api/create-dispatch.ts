// Builds the one `dispatch` both transports call: unknown channel → NOT_FOUND;
// the channel's declared access enforced first (logged in, not locked,
// capability held), so a caller who may not use a channel learns nothing
// else about it; then the request checked against the channel's schema
// before any handler runs (a malformed request changes nothing); the response
// parsed by its schema on the way out, which also strips anything the
// contract does not declare.
import { apiChannels, isChannelName } from '../../../shared/api/channels';
import type { Access } from '../../../shared/api/contract';
import { AppError, toErrorPayload } from '../../../shared/errors';
import { requireCap } from '../services/session';
import { storageFailure } from '../store/store-errors';
import { zodIssues } from '../write/zod-issues';
import type { Dispatch } from './dispatch';
import type { HandlerHost, HandlerMap, PublicContext, SessionContext } from './handler-types';

export interface DispatchLog {
  (event: { channel: string; ok: boolean; code?: string; ms: number }): void;
}

function contextFor(host: HandlerHost, access: Access): PublicContext | SessionContext {
  if (access === 'public') return { workstation: host.workstation };
  const { session, services } = host.requireSession();
  if (access !== 'session') requireCap(session, access);
  return { workstation: host.workstation, session, services };
}

export function createDispatch(
  host: HandlerHost,
  handlers: HandlerMap,
  log: DispatchLog = () => {},
): Dispatch {
  return async (channel, request) => {
    const started = performance.now();
    const finish = <T>(result: T, code?: string): T => {
      // Channel name and error code only: never request data, which may be about a patient.
      log({
        channel,
        ok: code === undefined,
        ...(code ? { code } : {}),
        ms: performance.now() - started,
      });
      return result;
    };
    if (!isChannelName(channel)) {
      const error = toErrorPayload(new AppError('NOT_FOUND', 'Unknown request.'));
      return finish({ ok: false, error }, error.code);
    }
    const spec = apiChannels[channel];
    let ctx: PublicContext | SessionContext;
    try {
      ctx = contextFor(host, spec.access);
    } catch (e) {
      const error = toErrorPayload(e);
      return finish({ ok: false, error }, error.code);
    }
    const parsed = spec.request.safeParse(request ?? {});
    if (!parsed.success) {
      const error = toErrorPayload(
        new AppError(
          'VALIDATION_FAILED',
          'Some fields are missing or invalid.',
          zodIssues(parsed.error),
        ),
      );
      return finish({ ok: false, error }, error.code);
    }
    try {
      const handler = handlers[channel] as (req: unknown, ctx: unknown) => unknown;
      const value: unknown = spec.response.parse(await handler(parsed.data, ctx));
      return finish({ ok: true, value });
    } catch (e) {
      // A full disk or a damaged store gets its own clear message; anything else unknown is INTERNAL.
      const error = toErrorPayload(storageFailure(e) ?? e);
      return finish({ ok: false, error }, error.code);
    }
  };
}
