// The operator's commands, run as real processes: serve prints what a clinic
// needs at first start, and devices list/revoke act on a running server's
// store at once (the server keeps no state of its own).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newWorkstationKey, versions, Workstation } from '../helpers/client';
import { SERVER_BIN, spawnServer, type ServerProcess } from '../helpers/process';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, [SERVER_BIN, ...args], { timeout: 20_000 });

let dataDir = '';
let server: ServerProcess;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ehrbs-cli-'));
  server = spawnServer(['--data', dataDir]);
});

afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves, prints the CA fingerprint and admin token, and lets the operator revoke a workstation', async () => {
  const url = (await server.waitFor(/listening on (https:\/\/\S+)/))[1] ?? '';
  const printed = (await server.waitFor(/CA fingerprint \(SHA-256\)[^:]*: ([0-9A-F:]{95})/))[1];
  const token = (await server.waitFor(/admin token[^:]*: (\S+)/))[1] ?? '';

  // The CA a workstation pins, as an administrator would hand it over: the
  // printed fingerprint is that certificate's.
  const caPem = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  expect(printed).toBe(new X509Certificate(caPem).fingerprint256);
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
