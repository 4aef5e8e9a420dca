// The app:// protocol handler over real files, called with the same
// Request objects Electron's protocol.handle passes it.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSchemePrivileges, createAppProtocolHandler } from '../../electron/main/app-protocol';

let dir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehrbs-protocol-'));
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>EHRBS</title>');
  await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'export {}');
  await writeFile(join(dir, 'outside.txt'), 'not for the page');
  handler = createAppProtocolHandler(join(dir, 'renderer'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    expect(appSchemePrivileges).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
  });

  it('serves the renderer with the strict CSP', async () => {
    const res = await handler(new Request('app://ehrbs/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>EHRBS</title>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their type and routes through index.html', async () => {
    const asset = await handler(new Request('app://ehrbs/assets/app.js'));
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    const route = await handler(new Request('app://ehrbs/patients/42'));
    expect(await route.text()).toContain('<title>EHRBS</title>');
  });

  it('refuses other hosts and anything outside the renderer', async () => {
    expect((await handler(new Request('app://other/index.html'))).status).toBe(403);
    // The URL parser already folds dot segments; encoded slashes reach our check.
    for (const url of [
      'app://ehrbs/%2e%2e/outside.txt',
      'app://ehrbs/assets/..%2f..%2foutside.txt',
    ]) {
      const escape = await handler(new Request(url));
      expect([403, 404]).toContain(escape.status);
      expect(await escape.text()).not.toContain('not for the page');
    }
    const encoded = await handler(new Request('app://ehrbs/assets/..%2f..%2foutside.txt'));
    expect(encoded.status).toBe(403);
  });
});
