// The browser host over real HTTP on 127.0.0.1, with a recording fake in
// place of the app core's dispatch (the core is tested on its own).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { UPLOAD_BODY_LIMIT_BYTES } from '../../../shared/api/attachments';
import { base64Chars, DOCUMENT_MAX_BYTES } from '../../../shared/charting/documents';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../../electron/core/host/http-host';
import type { BrowserHost } from '../../../electron/core/host/http-host';
import type { Dispatch } from '../../../electron/core/api/dispatch';
import { call } from './http-client';

let dir: string;
let host: BrowserHost;
const calls: { channel: string; request: unknown }[] = [];
const dispatch: Dispatch = async (channel, request) => {
  calls.push({ channel, request });
  return { ok: true, value: { echoed: request } };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehrbs-host-'));
  const renderer = join(dir, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>EHRBS</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
  host = await startBrowserHost({ dispatch, port: 0, rendererDir: renderer });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  calls.length = 0;
});

const api = (path: string, headers: Record<string, string>, body = '{}') =>
  call({ port: host.port, path, method: 'POST', headers, body });
const own = () => ({
  'Content-Type': 'application/json',
  Origin: `http://127.0.0.1:${host.port}`,
  'X-EHRBS-Secret': host.secret,
});

describe('browser host API', () => {
  it('prints a loopback URL carrying the secret in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#k=${host.secret}`);
    expect(host.secret.length).toBeGreaterThanOrEqual(40);
  });

  it('passes the parsed body to dispatch and returns its result', async () => {
    const reply = await api('/api/patients.search', own(), '{"query":"smi"}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: { query: 'smi' } } });
    expect(calls).toEqual([{ channel: 'patients.search', request: { query: 'smi' } }]);
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('accepts the page when opened as localhost', async () => {
    const reply = await api('/api/setup.status', {
      ...own(),
      Host: `localhost:${host.port}`,
      Origin: `http://localhost:${host.port}`,
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a call without the secret, and dispatch never runs', async () => {
    const headers: Record<string, string> = own();
    delete headers['X-EHRBS-Secret'];
    const reply = await api('/api/setup.status', headers);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(calls).toEqual([]);
  });

  it('refuses a wrong secret', async () => {
    const reply = await api('/api/setup.status', { ...own(), 'X-EHRBS-Secret': 'guess' });
    expect(reply.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses another origin even with the right secret', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const reply = await api('/api/setup.status', { ...own(), Origin: origin });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses cross-site fetch metadata', async () => {
    const reply = await api('/api/setup.status', { ...own(), 'Sec-Fetch-Site': 'cross-site' });
    expect(reply.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const headers = {
      ...own(),
      Host: `evil.example:${host.port}`,
      Origin: `http://evil.example:${host.port}`,
    };
    expect((await api('/api/setup.status', headers)).status).toBe(403);
    const page = await call({ port: host.port, path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const reply = await api('/api/setup.status', own(), '{"query":');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(calls).toEqual([]);
  });

  it('answers an oversized body with 413 and does not dispatch it', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(1024 * 1024 + 10) });
    const reply = await api('/api/setup.status', own(), big);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(calls).toEqual([]);
    // Declared up front: refused before the body is read.
    const declared = await api(
      '/api/setup.status',
      { ...own(), 'Content-Length': String(big.length) },
      big,
    );
    expect(declared.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it('admits a 10 MB document upload, and nothing larger, on the upload channel only', async () => {
    const upload = JSON.stringify({ dataBase64: 'A'.repeat(base64Chars(DOCUMENT_MAX_BYTES)) });
    expect((await api('/api/attachments.upload', own(), upload)).status).toBe(200);
    expect(calls.map((c) => c.channel)).toEqual(['attachments.upload']);
    calls.length = 0;
    const tooBig = JSON.stringify({ dataBase64: 'A'.repeat(UPLOAD_BODY_LIMIT_BYTES) });
    expect((await api('/api/attachments.upload', own(), tooBig)).status).toBe(413);
    expect((await api('/api/patients.search', own(), upload)).status).toBe(413);
    expect(calls).toEqual([]);
  });

  it('passes errors of the call through as 200 with the ApiResult', async () => {
    const failing = await startBrowserHost({
      port: 0,
      rendererDir: dir,
      dispatch: async () => ({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'No such patient.', issues: [] },
      }),
    });
    try {
      const reply = await call({
        port: failing.port,
        path: '/api/patients.get',
        method: 'POST',
        headers: { 'X-EHRBS-Secret': failing.secret },
        body: '{}',
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await failing.close();
    }
  });

  it('only accepts POST for the API', async () => {
    const reply = await call({ port: host.port, path: '/api/setup.status', headers: own() });
    expect(reply.status).toBe(405);
  });
});

describe('browser host pages', () => {
  it('serves the renderer with the strict CSP and security headers', async () => {
    const reply = await call({ port: host.port, path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>EHRBS</title>');
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content type', async () => {
    const reply = await call({ port: host.port, path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/javascript');
  });

  it('falls back to index.html for app routes but 404s missing assets', async () => {
    const route = await call({ port: host.port, path: '/patients/123' });
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>EHRBS</title>');
    expect((await call({ port: host.port, path: '/assets/missing.js' })).status).toBe(404);
  });

  it('never serves files outside the renderer directory', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const reply = await call({ port: host.port, path });
      expect(reply.body).not.toContain('outside the renderer');
      expect([403, 404]).toContain(reply.status);
    }
  });

  it('sends security headers on refusals too', async () => {
    const reply = await api('/api/setup.status', {});
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('browser host network exposure', () => {
  it('listens on 127.0.0.1 only', async () => {
    // 127.0.0.2 is loopback too on Linux: a server bound to 0.0.0.0 (or to
    // every loopback address) would answer there; ours must not.
    await expect(call({ port: host.port, path: '/', host: '127.0.0.2' })).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
