// Admin → Backups: a mistyped or weak passphrase is refused in place; a backup
// made from the UI appears in the list with its time and size.
import { expectAccessible } from './support/axe';
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  openApp,
  test,
} from './support/fixtures';

test('an administrator backs up from Admin and sees the backup listed', async ({ page, host }) => {
  await createClinicViaApi(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await expect(page.getByText('No backups in this workstation')).toBeVisible();
  await expectAccessible(page, 'Admin backups');

  const form = page.getByRole('form', { name: 'Back up now' });
  await form.getByLabel('Backup passphrase').fill('too short');
  await form.getByLabel('Passphrase again').fill('too short');
  await form.getByRole('button', { name: 'Back up now' }).click();
  await expect(form).toContainText('at least 12 characters');

  await form.getByLabel('Backup passphrase').fill('a long backup passphrase');
  await form.getByLabel('Passphrase again').fill('a long backup passphrase!');
  await form.getByRole('button', { name: 'Back up now' }).click();
  await expect(form).toContainText('the two passphrases differ');

  await form.getByLabel('Backup passphrase').fill('a long backup passphrase');
  await form.getByLabel('Passphrase again').fill('a long backup passphrase');
  await form.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup written to' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Backups on this workstation' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(/\.ehrbs-backup/);
  await expect(table).toContainText(/\d+ (KB|MB)/);
});
