// A tiny HTTP client for the host tests. node:http rather than fetch, because
// these tests must send the headers a browser would forbid a page to set
// (Host, Origin), exactly as an attacker's non-browser client could.
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Call {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  host?: string;
}

export function call({
  port,
  path,
  method = 'GET',
  headers = {},
  body,
  host,
}: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: host ?? '127.0.0.1', port, path, method, headers, setHost: !('Host' in headers) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
