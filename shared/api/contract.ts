// The one typed contract between the renderer and the app core. Each channel
// has a name, a request schema and a response schema, declared once here; the
// Electron preload exposes one function per channel and the browser host serves
// the same channels over HTTP, so the renderer never knows which transport it has.
import type { z } from 'zod';
import type { ErrorPayload } from '../errors';

export interface Channel<Name extends string, Req extends z.ZodType, Res extends z.ZodType> {
  readonly name: Name;
  readonly request: Req;
  readonly response: Res;
}

export const channel = <Name extends string, Req extends z.ZodType, Res extends z.ZodType>(
  name: Name,
  request: Req,
  response: Res,
): Channel<Name, Req, Res> => ({ name, request, response });

/** Any channel: the fields are readonly, so every concrete channel is assignable to it. */
export type AnyChannel = Channel<string, z.ZodType, z.ZodType>;

export type RequestOf<C extends AnyChannel> = z.input<C['request']>;
export type ResponseOf<C extends AnyChannel> = z.output<C['response']>;

/** What every transport returns: a result or a typed error, never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
