// The operator's commands, run as real processes: serve prints what a clinic
// needs at first start, and devices list/revoke act on a running server's
// store at once (the server keeps no state of its own).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newWorkstationKey, versions, Workstation } from './helpers/client';

const BIN = join(process.cwd(), 'bin', 'ehrbs-sync-server.js');
const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { timeout: 20_000 });

let dataDir = '';
let server: ChildProcess | null = null;
let output = '';

async function waitFor(pattern: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 200; i++) {
    const m = pattern.exec(output);
    if (m) return m;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server never printed ${pattern}: ${output}`);
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ehrbs-cli-'));
  const env = { ...process.env, EHRBS_SERVER_TOKEN: '' };
  server = spawn(
    process.execPath,
    [BIN, 'serve', '--data', dataDir, '--port', '0', '--log-level', 'error'],
    { env },
  );
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves, prints the CA fingerprint and admin token, and lets the operator revoke a workstation', async () => {
  const url = (await waitFor(/listening on (https:\/\/\S+)/))[1] ?? '';
  expect((await waitFor(/CA fingerprint \(SHA-256\)[^:]*: ([0-9A-F:]{95})/))[1]).toBeDefined();
  const token = (await waitFor(/admin token[^:]*: (\S+)/))[1] ?? '';

  // The CA a workstation pins, as an administrator would hand it over.
  const caPem = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  const key = newWorkstationKey();
  const deviceId = randomUUID();
  const registered = await new Workstation(url, caPem).post(
    '/v1/clinics',
    {
      ...versions,
      tenantId: randomUUID(),
      clinicName: 'Hill Clinic',
      deviceId,
      deviceName: 'Reception',
      csr: key.csrPem,
    },
    { authorization: `Bearer ${token}` },
  );
  expect(registered.status).toBe(201);
  const ws = new Workstation(url, caPem, {
    certPem: String(registered.data.certificate),
    keyPem: key.keyPem,
  });
  const pull = () => ws.post('/v1/pull', { ...versions, sentAt: Date.now(), after: 0 });
  expect((await pull()).status).toBe(200);

  const listed = await cli('devices', 'list', '--data', dataDir);
  expect(listed.stdout).toMatch(new RegExp(`${deviceId}.*Reception.*active`));
  const revoked = await cli('devices', 'revoke', deviceId, '--data', dataDir);
  expect(revoked.stdout).toMatch(/revoked/);
  expect(await pull()).toMatchObject({ status: 403, data: { code: 'REVOKED' } });
});

it('ends usage mistakes with one clear line and exit code 2', async () => {
  const failed = await cli('serve', '--data', dataDir).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(failed?.code).toBe(2);
  expect(failed?.stderr.split('\n')[0]).toBe('ehrbs-sync-server: --port N is required');
});
