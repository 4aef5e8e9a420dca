// `ehrbs init`, `verify`, help, and the failure contract: one line on stderr,
// a non-zero exit, and every file of the store byte-for-byte unchanged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { tempDir, testWrapper } from '../helpers';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  cliEnv,
  expectOneErrorLine,
  fingerprint,
  initArgs,
  runCli,
} from './cli-harness';

// Generous: each test spawns real processes, and CI machines may be busy (no timing is asserted).
const SLOW = 180_000;

const tmp = tempDir('ehrbs-cli-');
const store = join(tmp.dir, 'store');
const withPassword = cliEnv({ EHRBS_PASSWORD: ADMIN_PASSWORD });

beforeAll(async () => {
  const r = await runCli(initArgs(store), withPassword);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Riverside Clinic');
}, SLOW);
afterAll(() => tmp.cleanup());

describe('ehrbs init and verify', { timeout: SLOW }, () => {
  it('verifies a freshly initialised store as intact', async () => {
    const r = await runCli(['verify', '--data', store]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^Store intact: .* audit entries on 1 device chain/);
  });

  it('lets the new admin log in and export', async () => {
    const r = await runCli(['export', '--data', store, '--user', ADMIN_EMAIL], withPassword);
    expect(r.code).toBe(0);
    const dump = JSON.parse(r.stdout) as {
      tenants: { name: string; dateFormat: string; timeFormat: string; phone: string | null }[];
      users: { email: string }[];
    };
    expect(dump.tenants.map((t) => t.name)).toEqual(['Riverside Clinic']);
    // The clinic profile's locale (migration 009) is on the tenants row: ISO and 24-hour by default.
    expect(dump.tenants[0]).toMatchObject({
      dateFormat: 'YYYY-MM-DD',
      timeFormat: '24h',
      phone: null,
    });
    expect(dump.users.map((u) => u.email)).toEqual([ADMIN_EMAIL]);
  });

  it('refuses to init over an existing store and leaves it as it was', async () => {
    const before = fingerprint(store);
    const r = await runCli(initArgs(store), withPassword);
    expect(expectOneErrorLine(r)).toMatch(/already holds an EHRBS store/);
    expect(fingerprint(store)).toEqual(before);
  });

  it('refuses a too-short admin password before creating anything', async () => {
    const dir = join(tmp.dir, 'short-password');
    const r = await runCli(initArgs(dir), cliEnv({ EHRBS_PASSWORD: 'short' }));
    expect(expectOneErrorLine(r)).toMatch(/EHRBS_PASSWORD: at least 10 characters/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('ehrbs failures', { timeout: SLOW }, () => {
  it('a wrong passphrase: one line, non-zero exit, every file unchanged', async () => {
    const before = fingerprint(store);
    for (const args of [
      ['verify', '--data', store],
      ['export', '--data', store, '--user', ADMIN_EMAIL],
      ['backup', '--data', store, '--out', join(tmp.dir, 'never.ehrbs-backup')],
    ]) {
      const r = await runCli(
        args,
        cliEnv({ EHRBS_PASSPHRASE: 'not the passphrase', EHRBS_PASSWORD: ADMIN_PASSWORD }),
      );
      expect(expectOneErrorLine(r)).toMatch(/wrong passphrase/i);
      expect(r.stdout).toBe('');
    }
    expect(fingerprint(store)).toEqual(before);
    expect(existsSync(join(tmp.dir, 'never.ehrbs-backup'))).toBe(false);
  });

  it('a wrong password on export: one line, non-zero exit, every file unchanged', async () => {
    const before = fingerprint(store);
    const out = join(tmp.dir, 'never.json');
    const r = await runCli(
      ['export', '--data', store, '--user', ADMIN_EMAIL, '--out', out],
      cliEnv({ EHRBS_PASSWORD: 'not-the-password' }),
    );
    expect(expectOneErrorLine(r)).toBe('ehrbs: Wrong email or password.');
    expect(existsSync(out)).toBe(false);
    expect(fingerprint(store)).toEqual(before);
  });

  it('no password and no terminal: a clear error naming the variable', async () => {
    const r = await runCli(['export', '--data', store, '--user', ADMIN_EMAIL]);
    expect(expectOneErrorLine(r)).toMatch(/EHRBS_PASSWORD is not set/);
  });

  it('a missing data directory: a clear error and nothing created', async () => {
    const missing = join(tmp.dir, 'no-such-dir');
    const r = await runCli(['verify', '--data', missing]);
    expect(expectOneErrorLine(r)).toBe(`ehrbs: The data directory ${missing} does not exist.`);
    expect(existsSync(missing)).toBe(false);
  });

  it('a missing option and an unknown command are usage errors (exit 2)', async () => {
    const noUser = await runCli(['export', '--data', store]);
    expect(expectOneErrorLine(noUser)).toMatch(/--user is required/);
    expect(noUser.code).toBe(2);
    const unknown = await runCli(['frobnicate']);
    expect(expectOneErrorLine(unknown)).toMatch(/unknown command/);
    expect(unknown.code).toBe(2);
  });

  it('prints an overview and per-command usage', async () => {
    const overview = await runCli(['--help']);
    expect(overview.code).toBe(0);
    for (const c of ['init', 'demo', 'export', 'verify', 'backup', 'restore'])
      expect(overview.stdout).toContain(`  ${c} `);
    const usage = await runCli(['backup', '--help']);
    expect(usage.code).toBe(0);
    expect(usage.stdout).toMatch(/^usage: ehrbs backup --data DIR --out FILE/);
  });
});

describe('ehrbs verify on a tampered audit log', { timeout: SLOW }, () => {
  it('exits non-zero naming the device and the sequence number of the altered entry', async () => {
    const copy = join(tmp.dir, 'tampered');
    expect((await runCli(initArgs(copy), withPassword)).code).toBe(0);
    const s = await ClinicStore.open(copy, testWrapper());
    const deviceId = s.deviceId;
    writableDb(s)
      .prepare("UPDATE audit_logs SET detail = 'nothing to see here' WHERE deviceSeq = 2")
      .run();
    s.close();
    const r = await runCli(['verify', '--data', copy]);
    expect(r.code).toBe(3);
    expect(expectOneErrorLine(r)).toMatch(new RegExp(`device ${deviceId} at entry 2: .*altered`));
  });
});
