// The sync commands of `ehrbs` as an admin would run them, against a real
// HTTPS sync server: connect, enroll-code, join, sync; and a client killed
// with SIGKILL in the middle of a push, then resumed: nothing lost, nothing
// duplicated.
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor } from '../../../electron/core/services/services';
import { PassphraseKeyWrapper } from '../../../electron/core/keys/passphrase-wrapper';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { ADMIN_EMAIL, ADMIN_PASSWORD, PASSPHRASE, cliEnv, runCli } from './cli-harness';
import { patientInput } from '../fixtures';
import { tempDir } from '../helpers';
import { replicaContent } from '../sync/replicas';
import { writableDb } from '../../../electron/core/clinic/writable-db';

const BIN = resolve(import.meta.dirname, '../../../bin/ehrbs.js');
const wrapper = () => new PassphraseKeyWrapper(PASSPHRASE, { N: 2 ** 10, r: 8, p: 1 });

/** A clinic of 1,500 patients (enough outbox for many push batches), made once and copied into each test. */
async function clinicTemplate(dir: string): Promise<void> {
  const init = await runCli(
    [
      'init',
      '--data',
      dir,
      '--clinic',
      'Hill Clinic',
      '--admin-email',
      ADMIN_EMAIL,
      '--admin-name',
      'Ada Admin',
    ],
    cliEnv({ EHRBS_PASSWORD: ADMIN_PASSWORD }),
  );
  expect(init.code).toBe(0);
  const store = await ClinicStore.open(dir, wrapper());
  const services = servicesFor(store);
  const admin = await services.auth.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  store.transaction(() => {
    for (let i = 0; i < 1500; i++)
      services.patients.create(admin, patientInput({ givenName: `Given${i}` }));
  });
  store.close();
}

// Each test has its own server and its own copy of the clinic, so any one runs alone (-t).
describe('ehrbs connect, enroll-code, join, sync', () => {
  const tmp = tempDir('ehrbs-cli-sync-');
  const template = join(tmp.dir, 'template');
  const servers: TestServer[] = [];
  let copies = 0;
  const setUp = async () => {
    const server = await startTestServer();
    servers.push(server);
    const a = join(tmp.dir, `a${++copies}`);
    cpSync(template, a, { recursive: true });
    return {
      server,
      a,
      target: ['--server', server.server.url, '--fingerprint', server.server.caFingerprint],
    };
  };

  beforeAll(() => clinicTemplate(template), 120_000);
  afterAll(async () => {
    for (const s of servers) await s.stop();
    tmp.cleanup();
  });

  it('refuses a server whose CA does not match the pinned fingerprint, sending nothing', async () => {
    const { server, a } = await setUp();
    const r = await runCli(
      ['connect', '--data', a, '--server', server.server.url, '--fingerprint', 'AB'.repeat(32)],
      cliEnv({ EHRBS_SERVER_TOKEN: server.adminToken }),
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^ehrbs: The sync server presented a different certificate authority/);
    expect((await server.server.store.counts(new Date().toISOString())).tenants).toBe(0);
  });

  it('survives a client killed with SIGKILL mid-push: the resumed sync stores everything exactly once', async () => {
    const { server, a, target } = await setUp();
    const child = spawn(process.execPath, [BIN, 'connect', '--data', a, ...target], {
      env: cliEnv({ EHRBS_SERVER_TOKEN: server.adminToken }),
      stdio: 'ignore',
    });
    // Wait until the server holds part of the outbox, then kill the client without warning.
    const deadline = Date.now() + 60_000;
    let stored = 0;
    while (Date.now() < deadline) {
      stored = (await server.server.store.counts(new Date().toISOString())).changes;
      if (stored > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    expect(stored).toBeGreaterThan(0);
    const atKill = (await server.server.store.counts(new Date().toISOString())).changes;

    const resumed = await runCli(['sync', '--data', a]);
    expect(resumed.stderr).toBe('');
    expect(resumed.stdout).toMatch(
      /^pushed \d+, pulled \d+, conflicts 0, clock offset [+-]\d+ ms$/m,
    );
    const store = await ClinicStore.open(a, wrapper());
    try {
      expect(writableDb(store).prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({
        n: 0,
      });
      const cells = (
        writableDb(store).prepare('SELECT count(*) AS n FROM patients').get() as { n: number }
      ).n;
      const counts = await server.server.store.counts(new Date().toISOString());
      // The kill landed mid-push: part of the outbox had reached the server, not all of it.
      expect(atKill).toBeLessThan(counts.changes);
      // Every patient reached the server once: one sealed change per patient, no duplicates.
      const held: string[] = [];
      for (let after = 0; ;) {
        const page = await server.server.store.pull(store.tenantId ?? '', after, 10_000);
        held.push(...page.changes.filter((c) => c.table === 'patients').map((c) => c.rowId));
        after = page.nextCursor;
        if (!page.hasMore) break;
      }
      expect(held).toHaveLength(1500);
      expect(new Set(held).size).toBe(1500);
      expect(cells).toBe(1500);
    } finally {
      store.close();
    }
  }, 120_000);

  it('enrolls a second workstation with a one-time code, which then holds an identical clinic', async () => {
    const { server, a, target } = await setUp();
    const b = join(tmp.dir, `b${copies}`);
    const connected = await runCli(
      ['connect', '--data', a, ...target],
      cliEnv({ EHRBS_SERVER_TOKEN: server.adminToken }),
    );
    expect(connected.code).toBe(0);
    const code = await runCli(
      ['enroll-code', '--data', a, '--user', ADMIN_EMAIL],
      cliEnv({ EHRBS_PASSWORD: ADMIN_PASSWORD }),
    );
    expect(code.code).toBe(0);
    const oneTime = code.stdout.trim();
    const joined = await runCli(
      ['join', '--data', b, ...target, '--code', oneTime, '--name', 'Room 2'],
      cliEnv({ EHRBS_PASSPHRASE: 'a different local pass' }),
    );
    expect(joined.stderr).toMatch(/Downloading the clinic: 100%/);
    expect(joined.code).toBe(0);
    const again = await runCli(
      ['join', '--data', join(tmp.dir, 'c'), ...target, '--code', oneTime],
      cliEnv(),
    );
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/^ehrbs: .*(used|already)/i);

    await runCli(['sync', '--data', a]);
    const storeA = await ClinicStore.open(a, wrapper());
    const storeB = await ClinicStore.open(
      b,
      new PassphraseKeyWrapper('a different local pass', { N: 2 ** 10, r: 8, p: 1 }),
    );
    try {
      expect(replicaContent(storeB)).toEqual(replicaContent(storeA));
    } finally {
      storeA.close();
      storeB.close();
    }
  }, 120_000);
});
