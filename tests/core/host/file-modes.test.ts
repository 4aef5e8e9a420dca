// Every file and folder the workstation writes into its data folder is for
// its user only (files 0600, folders 0700), whatever the umask: the store and
// its WAL, the key file, settings, backups and exports.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCoreApp } from '../../../electron/core/app/core-app';
import { openConfSettings } from '../../../electron/core/settings/conf-settings';
import { patientInput } from '../fixtures';
import { HARBOUR_CLINIC, tempDir, testWrapper } from '../helpers';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function modes(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    out.push(`${(st.mode & 0o777).toString(8)} ${st.isDirectory() ? 'dir' : 'file'} ${name}`);
    if (st.isDirectory()) modes(path, out);
  }
  return out;
}

it('writes 0600 files in 0700 folders under a umask of 000', async () => {
  const old = process.umask(0);
  cleanups.push(() => process.umask(old));
  const t = tempDir();
  cleanups.push(t.cleanup);
  const dataDir = join(t.dir, 'clinic');
  const app = await openCoreApp({
    dataDir,
    keyWrapper: testWrapper(),
    settings: openConfSettings(dataDir),
  });
  cleanups.push(() => app.close());
  const setup = await app.dispatch('setup.createClinic', HARBOUR_CLINIC);
  expect(setup.ok).toBe(true);
  await app.dispatch('patients.create', patientInput());
  const backup = await app.dispatch('backups.run', { passphrase: 'backup passphrase 2026' });
  expect(backup.ok).toBe(true);

  const seen = modes(t.dir);
  expect(seen.filter((m) => m.endsWith('settings.json'))).toEqual(['600 file settings.json']);
  expect(seen.some((m) => m.includes('clinic.db'))).toBe(true);
  expect(seen.some((m) => m.includes('backups'))).toBe(true);
  expect(seen.filter((m) => !m.startsWith('600 file') && !m.startsWith('700 dir'))).toEqual([]);
});
