// A man in the middle for sync fault tests: a real HTTPS server between one
// workstation and the real sync server. It presents the sync server's own TLS
// certificate (so the workstation's pinned CA accepts it), forwards each
// request over mutual TLS with a workstation certificate, and lets a test
// change what comes back: truncate it, replace it, answer with another
// clinic's credentials, or drop the connection after the server has answered.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SyncIdentity } from '../../../electron/core/store/sync-state';

export interface Exchange {
  path: string;
  requestBody: Buffer;
  status: number;
  responseBody: Buffer;
}

/** What to do with one exchange; the default forwards it unchanged. */
export type Fault =
  | { kind: 'forward' }
  | { kind: 'replace'; body: string; status?: number }
  /** Forward, then drop the connection instead of answering (the server did the work). */
  | { kind: 'dropAfterServer' }
  /** Ask as another clinic's workstation instead (a valid answer, for someone else). */
  | { kind: 'forwardAs'; identity: SyncIdentity; tenantId: string };

export interface FaultProxy {
  url: string;
  /** Called for every request before it is forwarded; `after` runs once the server answered. */
  onRequest: (path: string, index: number) => Fault;
  /** Runs after the server answered and before the proxy replies (e.g. restart the server). */
  afterServer: (e: Exchange) => Promise<void>;
  exchanges: Exchange[];
  close(): Promise<void>;
}

const readAll = (s: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('end', () => resolve(Buffer.concat(chunks)));
    s.on('error', reject);
  });

function forward(
  target: URL,
  path: string,
  method: string,
  headers: IncomingMessage['headers'],
  body: Buffer,
  as: SyncIdentity,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method,
        headers: { ...headers, host: target.host, 'content-length': String(body.length) },
        ca: as.caPem,
        cert: as.certPem,
        key: as.keyPem,
        agent: false,
      },
      (res) => {
        readAll(res).then((b) => resolve({ status: res.statusCode ?? 502, body: b }), reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function startFaultProxy(o: {
  serverUrl: string;
  tls: { keyPem: string; certPem: string };
  /** The workstation whose requests pass through (its certificate is used upstream). */
  identity: SyncIdentity;
}): Promise<FaultProxy> {
  const target = new URL(o.serverUrl);
  let index = 0;
  const proxy: FaultProxy = {
    url: '',
    onRequest: () => ({ kind: 'forward' }),
    afterServer: async () => {},
    exchanges: [],
    close: async () => {},
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const requestBody = await readAll(req);
    const fault = proxy.onRequest(path, index++);
    if (fault.kind === 'replace') {
      res.writeHead(fault.status ?? 200, { 'content-type': 'application/json' });
      res.end(fault.body);
      return;
    }
    let upstream: { status: number; body: Buffer };
    const sent =
      fault.kind === 'forwardAs'
        ? Buffer.from(
            JSON.stringify({
              ...(JSON.parse(requestBody.toString('utf8')) as object),
              tenantId: fault.tenantId,
            }),
          )
        : requestBody;
    try {
      upstream = await forward(
        target,
        path,
        req.method ?? 'GET',
        req.headers,
        sent,
        fault.kind === 'forwardAs' ? fault.identity : o.identity,
      );
    } catch {
      // The server is down: the workstation sees the connection fail, as it would directly.
      req.socket.destroy();
      return;
    }
    const exchange = { path, requestBody, status: upstream.status, responseBody: upstream.body };
    proxy.exchanges.push(exchange);
    await proxy.afterServer(exchange);
    if (fault.kind === 'dropAfterServer') {
      req.socket.destroy();
      return;
    }
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(upstream.body);
  };
  const server = https.createServer({ key: o.tls.keyPem, cert: o.tls.certPem }, (req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return proxy;
}
