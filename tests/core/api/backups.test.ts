// Admin → Backups through dispatch: a backup lands in DATA/backups/ as one
// private encrypted file, is listed, is audited, and restores with `ehrbs
// restore` using the passphrase chosen in Admin (and only that one). A weak
// passphrase or a role without backup.run writes nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { patientInput } from '../fixtures';
import { coreApps, HARBOUR_CLINIC, tempDir } from '../helpers';
import { cliEnv, runCli } from '../cli/cli-harness';

const BACKUP_PASSPHRASE = 'backup passphrase 2026';

describe('backups from Admin', () => {
  const apps = coreApps();
  const dirs: { cleanup(): void }[] = [];
  afterEach(() => {
    apps.closeAll();
    for (const d of dirs.splice(0)) d.cleanup();
  });

  it('writes one private encrypted file into backups/, lists it, and it restores with its passphrase', async () => {
    const app = await apps.start();
    await app.dispatch('setup.createClinic', HARBOUR_CLINIC);
    await app.dispatch(
      'patients.create',
      patientInput({ givenName: 'Odile', familyName: 'Marchetti' }),
    );

    const weak = await app.dispatch('backups.run', { passphrase: 'short' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const dataDir = app.workstation.dataDir;
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);

    const res = await app.dispatch('backups.run', { passphrase: BACKUP_PASSPHRASE });
    if (!res.ok) throw new Error(res.error.message);
    const backup = res.value as { fileName: string; path: string; bytes: number };
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([backup.fileName]);
    expect(statSync(backup.path).mode & 0o777).toBe(0o600);
    expect(statSync(backup.path).size).toBe(backup.bytes);
    const bytes = readFileSync(backup.path);
    expect(bytes.includes(Buffer.from('Marchetti'))).toBe(false);
    expect(bytes.includes(Buffer.from(BACKUP_PASSPHRASE))).toBe(false);

    const listed = await app.dispatch('backups.list', {});
    expect(listed).toMatchObject({ ok: true, value: [{ fileName: backup.fileName }] });
    // The desktop's save dialog: a copy of a listed backup is audited as an export; others are not found.
    expect(await app.dispatch('backups.copied', { fileName: backup.fileName })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await app.dispatch('backups.copied', { fileName: 'other.ehrbs-backup' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const copies = await app.dispatch('audit.search', { filter: { action: 'export' } });
    expect(copies).toMatchObject({
      ok: true,
      value: { items: [{ detail: 'backup saved as a copy' }] },
    });
    const audit = await app.dispatch('audit.search', { filter: { action: 'backup' } });
    expect(audit).toMatchObject({
      ok: true,
      value: { items: [{ detail: 'encrypted backup from Admin' }] },
    });

    const target = tempDir('ehrbs-restored-');
    dirs.push(target);
    const restoredDir = join(target.dir, 'clinic');
    const wrong = await runCli(
      ['restore', '--in', backup.path, '--data', restoredDir],
      cliEnv({ EHRBS_PASSPHRASE: 'not the backup passphrase' }),
    );
    expect(wrong.code).not.toBe(0);
    expect(existsSync(restoredDir)).toBe(false);
    const restored = await runCli(
      ['restore', '--in', backup.path, '--data', restoredDir],
      cliEnv({ EHRBS_PASSPHRASE: BACKUP_PASSPHRASE }),
    );
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const exported = await runCli(
      ['export', '--data', restoredDir, '--user', HARBOUR_CLINIC.adminEmail],
      cliEnv({ EHRBS_PASSPHRASE: BACKUP_PASSPHRASE, EHRBS_PASSWORD: HARBOUR_CLINIC.adminPassword }),
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('Marchetti');
  }, 60_000);

  it('is refused to front-desk staff, and writes nothing', async () => {
    const app = await apps.start();
    await app.dispatch('setup.createClinic', HARBOUR_CLINIC);
    await app.dispatch('users.create', {
      displayName: 'Fran Desk',
      email: 'desk@example.test',
      password: 'desk-password-1',
      role: 'front_desk',
    });
    await app.dispatch('session.logout', {});
    await app.dispatch('session.login', {
      email: 'desk@example.test',
      password: 'desk-password-1',
    });
    expect(await app.dispatch('backups.run', { passphrase: BACKUP_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(existsSync(join(app.workstation.dataDir, 'backups'))).toBe(false);
  });
});
