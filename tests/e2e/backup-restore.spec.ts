// Backups end to end: an admin backs up from Admin, downloads the file from
// the browser host, turns on automatic backups; a fresh workstation restores
// the backup from its first-run screen with the backup's passphrase (a wrong
// one is refused and leaves it on first run), and the clinic's admin logs in.
import { statSync } from 'node:fs';
import { expectAccessible } from './support/axe';
import { startHost, type RunningHost } from './support/host-process';
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  logIn,
  openApp,
  test,
} from './support/fixtures';

const PASS = 'a long backup passphrase';

test('back up from the UI, download it, and restore it on a fresh first-run screen', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  let fresh: RunningHost | null = null;
  try {
    await createClinicViaApi(host);
    await host.api('patients.create', {
      givenName: 'Odile',
      familyName: 'Marchetti',
      dateOfBirth: '1970-03-04',
      sex: 'female',
      bloodType: 'unknown',
      phone: '',
      email: '',
      address: '',
      emergencyContact: null,
      insuranceProvider: '',
      insurancePolicyNumber: '',
    });
    await openApp(page, host);
    await expectSignedIn(page, clinic.adminName);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .click();
    await page.getByRole('button', { name: 'Backups', exact: true }).click();
    await expect(page.getByText('No backup has been made on this workstation yet.')).toBeVisible();

    const form = page.getByRole('form', { name: 'Back up now' });
    await form.getByLabel('Backup passphrase').fill(PASS);
    await form.getByLabel('Passphrase again').fill(PASS);
    await form.getByRole('button', { name: 'Back up now' }).click();
    const written = page.getByRole('status').filter({ hasText: 'Backup written to' });
    await expect(written).toBeVisible();
    const path = /Backup written to (\S+\.ehrbs-backup)/.exec(
      (await written.textContent()) ?? '',
    )?.[1];
    if (!path) throw new Error('the written backup names no file');
    await expect(page.getByText(/^Last backup .*\d+ (KB|MB)\.$/)).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download this backup' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^clinic-.*\.ehrbs-backup$/);
    const saved = await download.path();
    expect(statSync(saved).size).toBe(statSync(path).size);

    const auto = page.getByRole('form', { name: 'Automatic backups' });
    await auto.getByLabel('Time of day').fill('03:15');
    await auto.getByLabel('Backups to keep').fill('7');
    await auto.getByLabel('Backup passphrase').fill(PASS);
    await auto.getByLabel('Passphrase again').fill(PASS);
    await auto.getByRole('button', { name: 'Turn on automatic backups' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /On: daily at 03:15, keeping 7/ }),
    ).toBeVisible();
    await expectAccessible(page, 'Admin backups with automatic backups');

    // A fresh workstation: restore from its first-run screen.
    fresh = await startHost();
    await page.goto(fresh.launchUrl);
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    const restore = page.getByRole('form', { name: 'Restore from a backup' });
    await expectAccessible(page, 'first-run restore');
    await restore.getByLabel('Backup file').fill(path);
    await restore.getByLabel('Backup passphrase').fill('not the passphrase at all');
    await restore.getByRole('button', { name: 'Restore backup' }).click();
    await expect(restore.getByRole('alert')).toContainText('does not open this backup');
    await restore.getByLabel('Backup passphrase').fill(PASS);
    await restore.getByRole('button', { name: 'Restore backup' }).click();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible({ timeout: 30_000 });
    await logIn(page, clinic.adminEmail, clinic.adminPassword);
    await expectSignedIn(page, clinic.adminName);
    await page.getByLabel('Search patients').fill('Marchetti');
    await expect(page.getByRole('listbox', { name: 'Patients' })).toContainText('Marchetti');
    // The restored workstation refuses a second restore over its clinic.
    const again = await fresh.api('setup.restoreBackup', { path, passphrase: PASS }).then(
      () => 'restored',
      (e: unknown) => String(e),
    );
    expect(again).toMatch(/already holds a clinic/);
  } finally {
    await fresh?.stop();
  }
});
