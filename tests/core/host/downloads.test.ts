// The browser host's one-time download links over real HTTP: a token from
// DownloadTokens opens its file once, within a minute, addressed to us, and
// not from another site.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadTokens } from '../../../electron/core/files/download-tokens';
import { startBrowserHost, type BrowserHost } from '../../../electron/core/host/http-host';
import { call } from './http-client';

let dir: string;
let host: BrowserHost;
let now = Date.parse('2030-01-01T10:00:00Z');
const tokens = new DownloadTokens(() => now);
const file = () => ({
  path: join(dir, 'clinic-x.ehrbs-backup'),
  fileName: 'clinic-x.ehrbs-backup',
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehrbs-dl-'));
  await writeFile(file().path, 'BACKUP-BYTES');
  host = await startBrowserHost({
    dispatch: async () => ({ ok: true, value: null }),
    port: 0,
    rendererDir: dir,
    downloads: tokens,
  });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (token: string, headers: Record<string, string> = {}) =>
  call({ port: host.port, path: `/download/${token}`, headers });

describe('download links', () => {
  it('serves the file once, as an attachment, never cached', async () => {
    const token = tokens.issue(file());
    const first = await get(token, { 'Sec-Fetch-Site': 'same-origin' });
    expect(first.status).toBe(200);
    expect(first.body).toBe('BACKUP-BYTES');
    expect(first.headers['content-disposition']).toBe(
      'attachment; filename="clinic-x.ehrbs-backup"',
    );
    expect(first.headers['cache-control']).toBe('no-store');
    expect((await get(token)).status).toBe(404);
  });

  it('refuses an expired or unknown token', async () => {
    const token = tokens.issue(file());
    now += 61_000;
    expect((await get(token)).status).toBe(404);
    expect((await get('not-a-token')).status).toBe(404);
  });

  it('refuses another site, another host name, and other methods, without using the token', async () => {
    const token = tokens.issue(file());
    expect((await get(token, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await get(token, { Host: 'evil.example:80' })).status).toBe(403);
    expect(
      (await call({ port: host.port, path: `/download/${token}`, method: 'POST', body: '' }))
        .status,
    ).toBe(405);
    expect((await get(token)).body).toBe('BACKUP-BYTES');
  });
});
