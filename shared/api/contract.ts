// The one typed contract between the renderer and the app core. Each channel
// has a name, a request schema and a response schema, declared once here; the
// Electron preload exposes one function per channel and the browser host serves
// the same channels over HTTP, so the renderer never knows which transport it has.
import type { z } from 'zod';
import type { Capability } from '../auth/capabilities';
import type { ErrorPayload } from '../errors';

/**
 * Who may call a channel, checked by the core's dispatch before the handler
 * runs (services check again, since the CLI calls them directly):
 * - 'public': no session needed (first run, login, lock and unlock, sync status);
 * - 'session': any logged-in, unlocked user (the service applies finer rules);
 * - a capability: a logged-in, unlocked user who holds it.
 * Declared here, the rule also drives the renderer and the channel × role tests.
 */
export type Access = 'public' | 'session' | Capability;

export interface Channel<
  Name extends string,
  Req extends z.ZodType,
  Res extends z.ZodType,
  A extends Access = Access,
> {
  readonly name: Name;
  readonly request: Req;
  readonly response: Res;
  readonly access: A;
}

export const channel = <
  Name extends string,
  Req extends z.ZodType,
  Res extends z.ZodType,
  A extends Access,
>(
  name: Name,
  request: Req,
  response: Res,
  access: A,
): Channel<Name, Req, Res, A> => ({ name, request, response, access });

/** Any channel: the fields are readonly, so every concrete channel is assignable to it. */
export type AnyChannel = Channel<string, z.ZodType, z.ZodType>;

export type RequestOf<C extends AnyChannel> = z.input<C['request']>;
/** The request as the core receives it: parsed, defaults applied. */
export type ParsedRequestOf<C extends AnyChannel> = z.output<C['request']>;
export type ResponseOf<C extends AnyChannel> = z.output<C['response']>;

/** What every transport returns: a result or a typed error, never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
