// First run on an empty workstation, then logging out and in again.
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  logIn,
  openApp,
  test,
} from './support/fixtures';

test('first run creates a clinic and signs its administrator in', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.getByRole('heading', { name: 'Welcome to EHRBS' })).toBeVisible();
  // The launch secret is taken out of the visible address straight away.
  expect(page.url()).not.toContain(host.secret);

  await page.getByLabel('Clinic name').fill(clinic.clinicName);
  // The time zone defaults to this computer's.
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Amsterdam');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Full name').fill(clinic.adminName);
  await page.getByLabel('Email').fill(clinic.adminEmail);
  await page.getByLabel('Password', { exact: true }).fill(clinic.adminPassword);
  await page.getByLabel('Confirm password').fill('not-the-same-password');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await expect(page.getByText('The two passwords do not match')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('correct the highlighted fields');

  await page.getByLabel('Confirm password').fill(clinic.adminPassword);
  await page.getByRole('button', { name: 'Create clinic' }).click();

  await expectSignedIn(page, clinic.adminName);
  const banner = page.getByRole('banner');
  await expect(banner).toContainText(clinic.clinicName);
  await expect(banner).toContainText('Administrator');
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();

  // Reloading keeps the session: the core, not the page, owns it.
  await page.reload();
  await expectSignedIn(page, clinic.adminName);
});

test('a short password is refused inline before anything is created', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByLabel('Clinic name').fill(clinic.clinicName);
  await page.getByLabel('Full name').fill(clinic.adminName);
  await page.getByLabel('Email').fill(clinic.adminEmail);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await expect(page.getByText('at least 10 characters', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('heading', { name: 'Welcome to EHRBS' })).toBeVisible();
});

test('log out, then log in again; a wrong password shows a clear error', async ({ page, host }) => {
  await createClinicViaApi(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  // The last user's email is filled in for them.
  await expect(page.getByLabel('Email')).toHaveValue(clinic.adminEmail);

  await logIn(page, clinic.adminEmail, 'wrong-password-entirely');
  const error = page.getByRole('alert');
  await expect(error).toBeVisible();
  await expect(error).toContainText(/password/i);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await logIn(page, clinic.adminEmail, clinic.adminPassword);
  await expectSignedIn(page, clinic.adminName);
});
