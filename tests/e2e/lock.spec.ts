// Locking: on demand, after idle time (the clinic's default of 5 minutes),
// unlocking with the locked user's password, and switching user.
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  openApp,
  test,
} from './support/fixtures';

test('Lock hides the clinic until the same user unlocks with their password', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`locked by ${clinic.adminName}`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByLabel('Password').fill('not-my-password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText(/password/i);
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();

  await page.getByLabel('Password').fill(clinic.adminPassword);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectSignedIn(page, clinic.adminName);
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
});

test('the app locks itself after 5 idle minutes; activity postpones it', async ({ page, host }) => {
  await createClinicViaApi(host);
  // A controllable clock, so the test does not wait five real minutes.
  await page.clock.install();
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);

  await page.clock.fastForward('04:00');
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 340);
  await page.clock.fastForward('04:00');
  // Eight minutes since login, but only four since the last activity.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`locked by ${clinic.adminName}`);

  await page.getByLabel('Password').fill(clinic.adminPassword);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectSignedIn(page, clinic.adminName);
});

test('Switch user on the lock screen leads to the login screen', async ({ page, host }) => {
  await createClinicViaApi(host);
  await openApp(page, host);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Switch user' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(clinic.adminEmail);
});
