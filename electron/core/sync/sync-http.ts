// The HTTPS client for the sync server (axios over an https.Agent that trusts
// only the pinned clinic CA, with the workstation's client certificate for
// mutual TLS). Server errors become AppErrors with the server's code and
// message; network failures become UNAVAILABLE, so callers can tell "offline"
// from "refused".
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { AppError, errorCodes, type ErrorCode } from '../../../shared/errors';
import { ErrorResponse, PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../shared/sync/protocol';

export const versions = {
  protocolVersion: PROTOCOL_VERSION,
  schemaVersion: SCHEMA_VERSION,
} as const;

export const UNREADABLE_ANSWER =
  'The sync server sent an answer this workstation could not read, so nothing from it was used. Sync will try again.';

export interface SyncHttp {
  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    response: S,
    headers?: Record<string, string>,
  ): Promise<z.output<S>>;
  get<S extends z.ZodType>(path: string, response: S): Promise<z.output<S>>;
}

export function syncHttp(
  serverUrl: string,
  tls: { ca?: string; cert?: string; key?: string; insecureFirstContact?: boolean },
  timeoutMs = 30_000,
): SyncHttp {
  const agent = new https.Agent({
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    // Only for fetching the CA before it is pinned; its fingerprint is checked by the caller.
    rejectUnauthorized: !tls.insecureFirstContact,
    keepAlive: true,
  });
  const http: AxiosInstance = axios.create({
    baseURL: serverUrl.replace(/\/$/, ''),
    httpsAgent: agent,
    timeout: timeoutMs,
    maxBodyLength: Infinity,
    maxContentLength: 64 * 1024 * 1024,
    validateStatus: () => true,
  });
  const handle = async <S extends z.ZodType>(
    run: () => Promise<{ status: number; data: unknown }>,
    schema: S,
  ) => {
    let res: { status: number; data: unknown };
    try {
      res = await run();
    } catch (e) {
      const reason = e instanceof AxiosError ? (e.code ?? 'network error') : 'network error';
      throw new AppError('UNAVAILABLE', `The sync server could not be reached (${reason}).`);
    }
    if (res.status >= 200 && res.status < 300) {
      // A truncated body arrives as a string, a wrong one as the wrong shape: both are refused
      // before anything reads them, so nothing of an unreadable answer is ever applied.
      const parsed = schema.safeParse(res.data);
      if (!parsed.success) throw new AppError('INTEGRITY_FAILED', UNREADABLE_ANSWER);
      return parsed.data as z.output<S>;
    }
    const err = ErrorResponse.safeParse(res.data);
    const code: ErrorCode =
      err.success && errorCodes.includes(err.data.code) ? err.data.code : 'UNAVAILABLE';
    throw new AppError(
      code,
      err.success ? err.data.message : `The sync server answered ${res.status}.`,
    );
  };
  return {
    post: (path, body, schema, headers) =>
      handle(() => http.post(path, body, { headers: headers ?? {} }), schema),
    get: (path, schema) => handle(() => http.get(path), schema),
  };
}
