// An axe-core scan of the Admin screen's sections (with a form open and its
// errors showing), the Conflicts view, and the Join form on first run: no
// serious or critical violations. The sync spec scans Conflicts with a
// conflict listed and Admin with an enrollment code showing.
import { expectAccessible } from './support/axe';
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  openApp,
  test,
} from './support/fixtures';

test('Join an existing clinic is accessible, with errors too', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Join an existing clinic' }).click();
  await expect(page.getByRole('heading', { name: 'Join an existing clinic' })).toBeVisible();
  await expectAccessible(page, 'join');
  await page.getByLabel('Server address').fill('http://not-https.example');
  await page.getByRole('button', { name: 'Join clinic' }).click();
  await expect(page.getByRole('alert')).toContainText('Please correct the highlighted fields');
  await expectAccessible(page, 'join with errors');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to EHRBS' })).toBeVisible();
});

test('Admin sections and Conflicts are accessible', async ({ page, host }) => {
  await createClinicViaApi(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('table', { name: 'Staff accounts' })).toBeVisible();
  await expectAccessible(page, 'admin staff');

  await page.getByRole('button', { name: 'Add doctor' }).click();
  await page.getByRole('button', { name: 'Create doctor' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'admin new doctor with errors');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Add administrator' }).click();
  await expect(page.getByRole('group', { name: 'Permissions' })).toBeVisible();
  await expectAccessible(page, 'admin new administrator');

  await page.getByRole('button', { name: 'Clinic settings' }).click();
  await expect(page.getByLabel('Lock the screen after this many idle minutes')).toHaveValue('5');
  await expectAccessible(page, 'admin clinic settings');

  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'admin sync connect with errors');

  await page.goto(`${host.origin}/#/conflicts`);
  await expect(page.getByText('No conflicts to resolve.')).toBeVisible();
  await expectAccessible(page, 'conflicts (none)');
});
