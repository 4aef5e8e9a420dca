// `ehrbs demo`, `export`, `backup` and `restore` on a small demo clinic, run
// as a user would run them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { PassphraseKeyWrapper } from '../../../electron/core/keys/passphrase-wrapper';
import { entityTables } from '../../../shared/domain/entities';
import { tempDir } from '../helpers';
import { auditRows, replicaContent } from '../sync/replicas';
import { PASSPHRASE, cliEnv, expectOneErrorLine, fingerprint, runCli } from './cli-harness';

// Generous: each test spawns real processes, and CI machines may be busy (no timing is asserted).
const SLOW = 180_000;

interface Dump {
  [table: string]: Record<string, unknown>[];
}

// Every synced table (a new one is covered as soon as it is in shared/domain/entities.ts) and the audit log.
const TABLES = [...entityTables, 'audit_logs'];

const tmp = tempDir('ehrbs-cli-demo-');
const store = join(tmp.dir, 'demo');
let logins: { role: string; email: string; password: string }[] = [];
let dump: Dump = {};

const exportAs = async (dir: string, email: string, password: string) =>
  runCli(['export', '--data', dir, '--user', email], cliEnv({ EHRBS_PASSWORD: password }));
const adminLogin = () => {
  const admin = logins.find((l) => l.role === 'admin');
  if (!admin) throw new Error('the demo printed no admin login');
  return admin;
};

beforeAll(async () => {
  const r = await runCli(['demo', '--data', store, '--patients', '30']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  logins = [...r.stdout.matchAll(/^ {2}(\w+)\s+(\S+@\S+)\s+(\S+)$/gm)].map((m) => ({
    role: m[1] ?? '',
    email: m[2] ?? '',
    password: m[3] ?? '',
  }));
  const admin = adminLogin();
  const exported = await exportAs(store, admin.email, admin.password);
  expect(exported.code).toBe(0);
  dump = JSON.parse(exported.stdout) as Dump;
}, SLOW);
afterAll(() => tmp.cleanup());

describe('ehrbs demo and export', { timeout: SLOW }, () => {
  it('prints the logins of an admin, front-desk staff and at least six doctors', () => {
    const roles = logins.map((l) => l.role);
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
    expect(roles.filter((r) => r === 'front_desk').length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === 'doctor').length).toBeGreaterThanOrEqual(6);
    expect(new Set(logins.map((l) => l.password)).size).toBe(1);
  });

  it('exports one array per entity, with decrypted records and messages and no password hashes', () => {
    for (const t of TABLES) {
      expect(Array.isArray(dump[t]), t).toBe(true);
      expect(dump[t]?.length, t).toBeGreaterThan(0);
    }
    expect(dump['patients']).toHaveLength(30);
    const records = dump['medical_records'] ?? [];
    expect(records.every((r) => typeof r['data'] === 'object' && r['data'] !== null)).toBe(true);
    expect(records.some((r) => typeof (r['data'] as { text?: unknown }).text === 'string')).toBe(
      true,
    );
    expect(
      (dump['messages'] ?? []).every((m) => typeof m['body'] === 'string' && m['body'] !== ''),
    ).toBe(true);
    expect((dump['users'] ?? []).some((u) => 'passwordHash' in u)).toBe(false);
    expect(JSON.stringify(dump)).not.toContain('scrypt$');
  });

  it('records the export in the audit log', async () => {
    const admin = adminLogin();
    const again = JSON.parse((await exportAs(store, admin.email, admin.password)).stdout) as Dump;
    expect(
      (again['audit_logs'] ?? []).filter((a) => a['action'] === 'export').length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('refuses a front-desk user, leaving every file unchanged', async () => {
    const desk = logins.find((l) => l.role === 'front_desk');
    if (!desk) throw new Error('no front-desk login');
    const before = fingerprint(store);
    const r = await exportAs(store, desk.email, desk.password);
    expect(expectOneErrorLine(r)).toMatch(/only an admin with the export permission/i);
    expect(r.stdout).toBe('');
    expect(fingerprint(store)).toEqual(before);
  });
});

describe('ehrbs backup and restore', { timeout: SLOW }, () => {
  const backup = join(tmp.dir, 'clinic.ehrbs-backup');
  const restored = join(tmp.dir, 'restored');
  // Each test asks for what it needs; the first to ask makes it, so any one runs alone.
  let made: Promise<void> | null = null;
  const backedUpAndRestored = () =>
    (made ??= (async () => {
      const b = await runCli(['backup', '--data', store, '--out', backup]);
      expect(b.stderr).toBe('');
      expect(b.code).toBe(0);
      const r = await runCli(['restore', '--in', backup, '--data', restored]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    })());

  it('round-trips: the restored clinic holds every row of every table, and the whole audit log', async () => {
    await backedUpAndRestored();
    expect((await runCli(['verify', '--data', restored])).code).toBe(0);
    const admin = adminLogin();
    const after = JSON.parse(
      (await exportAs(restored, admin.email, admin.password)).stdout,
    ) as Dump;
    for (const t of TABLES.filter((t) => t !== 'audit_logs')) expect(after[t], t).toEqual(dump[t]);
    // The audit log has grown by what happened since (the exports and their
    // logins, the restore; the backup's own entry goes to the source store,
    // after its snapshot), and holds every earlier entry exactly as it was.
    const byId = new Map((after['audit_logs'] ?? []).map((a) => [a['id'], a]));
    for (const entry of dump['audit_logs'] ?? []) expect(byId.get(entry['id'])).toEqual(entry);
    const added = (after['audit_logs'] ?? []).filter(
      (a) => !(dump['audit_logs'] ?? []).some((d) => d['id'] === a['id']),
    );
    expect(new Set(added.map((a) => a['action']))).toEqual(new Set(['login', 'export', 'restore']));

    // The stores themselves, beyond what an export shows: every entity row with its
    // per-cell clocks (what the next sync merge decides by), and every audit row in
    // full (hash, chain link, sequence), the backup's entries a prefix of the restored log.
    const wrapper = () => new PassphraseKeyWrapper(PASSPHRASE, { N: 2 ** 10, r: 8, p: 1 });
    const [source, copy] = [
      await ClinicStore.open(store, wrapper()),
      await ClinicStore.open(restored, wrapper()),
    ];
    try {
      expect(replicaContent(copy)).toEqual(replicaContent(source));
      const copied = new Map((auditRows(copy) as { id: string }[]).map((a) => [a.id, a]));
      const original = auditRows(source) as { id: string; action: string }[];
      // The source's own later entries (the backup itself, exports after it) are not in the copy.
      const before = original.filter((a) => copied.has(a.id));
      expect(before.length).toBeGreaterThanOrEqual((dump['audit_logs'] ?? []).length);
      for (const a of before) expect(copied.get(a.id)).toEqual(a);
      expect(original.filter((a) => !copied.has(a.id)).map((a) => a.action)).toContain('backup');
    } finally {
      source.closeUntouched();
      copy.closeUntouched();
    }
  });

  it('holds no readable patient name, note text or message text', async () => {
    await backedUpAndRestored();
    const bytes = readFileSync(backup);
    // Names of five or more letters: a shorter string could turn up in random ciphertext by chance.
    const names = (dump['patients'] ?? [])
      .flatMap((p) => [String(p['givenName']), String(p['familyName'])])
      .filter((n) => n.length >= 5);
    const note = dump['medical_records']?.find((m) => m['recordType'] === 'note');
    const message = dump['messages']?.[0];
    expect(names.length).toBeGreaterThan(10);
    const secrets = [
      ...names.slice(0, 10),
      String(dump['patients']?.find((p) => p['phone'] !== '')?.['phone']),
      String((note?.['data'] as { text: string }).text).slice(0, 40),
      String(message?.['body']).slice(0, 40),
    ];
    for (const s of secrets) {
      expect(s.length).toBeGreaterThanOrEqual(5);
      expect(bytes.includes(Buffer.from(s, 'utf8')), s).toBe(false);
    }
  });

  it('refuses to restore over an existing store, leaving it unchanged', async () => {
    await backedUpAndRestored();
    const before = fingerprint(restored);
    const r = await runCli(['restore', '--in', backup, '--data', restored]);
    expect(expectOneErrorLine(r)).toMatch(/already holds an EHRBS store/);
    expect(fingerprint(restored)).toEqual(before);
  });

  it('refuses to overwrite an existing backup file', async () => {
    await backedUpAndRestored();
    const before = readFileSync(backup);
    const r = await runCli(['backup', '--data', store, '--out', backup]);
    expect(expectOneErrorLine(r)).toMatch(/already exists/);
    expect(readFileSync(backup).equals(before)).toBe(true);
  });

  it('refuses a wrong passphrase or a damaged backup and leaves nothing behind', async () => {
    await backedUpAndRestored();
    const target = join(tmp.dir, 'not-restored');
    const wrong = await runCli(
      ['restore', '--in', backup, '--data', target],
      cliEnv({ EHRBS_PASSPHRASE: 'not the passphrase' }),
    );
    expect(expectOneErrorLine(wrong)).toMatch(/wrong passphrase/i);
    const damaged = join(tmp.dir, 'damaged.ehrbs-backup');
    const bytes = readFileSync(backup);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    const bad = await runCli(['restore', '--in', damaged, '--data', target]);
    expect(expectOneErrorLine(bad)).toMatch(/damaged/);
    expect(existsSync(target)).toBe(false);
  });
});
