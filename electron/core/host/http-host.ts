// The browser host: the same renderer and the same API contract as the
// Electron app, served over HTTP on 127.0.0.1 only, for machines where
// Electron cannot run. Transport only: validation happens inside dispatch;
// this file moves bytes and decides who may call.
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import type { ApiResult } from '../../../shared/api/contract';
import { AppError, toErrorPayload } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';
import { checkApiCaller, checkHost, newLaunchSecret } from './request-guard';
import { defaultBodyLimitBytes, readJsonBody } from './read-body';
import { securityHeaders } from './security-headers';
import { lookupStaticFile } from './static-files';
import { UPLOAD_BODY_LIMIT_BYTES } from '../../../shared/api/attachments';

export interface BrowserHostOptions {
  dispatch: Dispatch;
  /** 0 picks any free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Every channel but the document upload, which admits a 10 MB file as base64 (and no more). */
  bodyLimitBytes?: number;
  /** Fixed secret for tests; a random one per launch otherwise. */
  secret?: string;
  /** One-time download links issued by the core (backups.download). */
  downloads?: { take(token: string): { path: string; fileName: string } | null };
}

export interface BrowserHost {
  /** Open this: the fragment carries the secret and never reaches any server. */
  readonly url: string;
  readonly port: number;
  readonly secret: string;
  close(): Promise<void>;
}

/** Only loopback: the store holds patient data and must never be reachable from the network. */
export const hostAddress = '127.0.0.1';

const statusOf: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
};

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = options.secret ?? newLaunchSecret();
  const limit = options.bodyLimitBytes ?? defaultBodyLimitBytes;
  let port = options.port;

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    handle(req, res).catch(() => {
      // Only reached if writing the response itself failed; nothing useful to send.
      res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length));
    const hostError = checkHost(req.headers, port);
    if (hostError) return sendResult(res, failure(hostError));
    if (path.startsWith('/download/')) return handleDownload(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendPlain(res, 405, 'Method not allowed');
    const found = await lookupStaticFile(options.rendererDir, path);
    if (found.kind === 'forbidden') return sendPlain(res, 403, 'Forbidden');
    if (found.kind === 'not-found') return sendPlain(res, 404, 'Not found');
    res.writeHead(200, {
      'Content-Type': found.contentType,
      // index.html names hashed assets; it must be fetched fresh after a rebuild.
      'Cache-Control': found.path.endsWith('.html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  // A navigation cannot send the API's secret header, so the link's one-time token
  // (issued by an authorized API call) stands in for it; Host is checked as for
  // every path, and a request another site started is refused.
  function handleDownload(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET') return sendPlain(res, 405, 'Method not allowed');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return sendPlain(res, 403, 'Forbidden');
    const file = options.downloads?.take(path.slice('/download/'.length)) ?? null;
    if (!file) return sendPlain(res, 404, 'This download link has expired. Ask for it again.');
    const stream = createReadStream(file.path);
    stream.once('open', () => {
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        // Our own file names ([A-Za-z0-9._-]), so quoting is enough.
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
      });
      stream.pipe(res);
    });
    stream.once('error', () => {
      if (!res.headersSent) sendPlain(res, 404, 'The file is no longer there.');
      else res.destroy();
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const callerError = checkApiCaller(req.headers, port, secret);
    if (callerError) return sendResult(res, failure(callerError));
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendResult(res, failure(new AppError('VALIDATION_FAILED', 'Use POST.')), 405);
    }
    let request: unknown;
    try {
      // Only the document upload carries a file; its body stays bounded too.
      const bodyLimit =
        name === 'attachments.upload' ? Math.max(limit, UPLOAD_BODY_LIMIT_BYTES) : limit;
      request = await readJsonBody(req, bodyLimit);
    } catch (e) {
      // Stop reading an oversized upload: close once the answer is sent.
      res.setHeader('Connection', 'close');
      return sendResult(res, failure(e));
    }
    // Errors of the call itself (unknown channel, validation, domain errors)
    // are part of the result and travel with 200, exactly as over IPC. The name
    // is passed as sent: dispatch refuses anything that is not a channel.
    const result = await options
      .dispatch(name, request)
      .catch((e: unknown): ApiResult<unknown> => failure(e));
    sendResult(res, result, 200);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, hostAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${hostAddress}:${port}/#k=${secret}`,
    port,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const failure = (e: unknown): ApiResult<never> => ({ ok: false, error: toErrorPayload(e) });

function sendResult(res: ServerResponse, result: ApiResult<unknown>, status?: number): void {
  const code = status ?? (result.ok ? 200 : (statusOf[result.error.code] ?? 500));
  const body = JSON.stringify(result);
  res.writeHead(code, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    // Answers carry patient data: never keep them in a cache.
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
