// Per-user view state does not carry over: after one user moves the Schedule
// to another day and one doctor, and logs out, the next user finds a fresh
// Schedule (today, every doctor) and an empty patient search.
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  logIn,
  openApp,
  test,
} from './support/fixtures';

const DESK = { email: 'fran@riverside.example', name: 'Fran Desk', password: 'desk-password-1' };

test('the next user finds a fresh schedule and patient search, not the last user’s', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  await host.api('doctors.create', {
    displayName: 'Dr Lena Vos',
    email: 'lena@riverside.example',
    password: 'doctor-pass-123',
    specialty: 'General Practice',
    licenseNumber: 'L-1',
    consultationFee: 9000,
    experienceYears: 3,
  });
  await host.api('users.create', {
    email: DESK.email,
    password: DESK.password,
    displayName: DESK.name,
    role: 'front_desk',
  });
  await host.api('session.logout', {});
  await openApp(page, host);
  await logIn(page, DESK.email, DESK.password);
  await expectSignedIn(page, DESK.name);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Schedule' }).click();
  const shown = page.getByTestId('shown-dates');
  const today = await shown.textContent();
  await page.getByRole('button', { name: 'Next day' }).click();
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(shown).not.toHaveText(today ?? '');
  await page.getByLabel('Doctor', { exact: true }).selectOption({ label: 'Dr Lena Vos' });
  await nav.getByRole('link', { name: 'Patients' }).click();
  await page.getByLabel('Search patients').fill('someone');

  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, clinic.adminEmail, clinic.adminPassword);
  await expectSignedIn(page, clinic.adminName);
  await nav.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByLabel('Search patients')).toHaveValue('');
  await nav.getByRole('link', { name: 'Schedule' }).click();
  await expect(shown).toHaveText(today ?? '');
  await expect(page.getByLabel('Doctor', { exact: true }).locator('option:checked')).not.toHaveText(
    'Dr Lena Vos',
  );
});

test('the changes-waiting count goes up right after a local change, not at the next poll', async ({
  page,
  host,
}) => {
  await page.clock.install();
  await createClinicViaApi(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);
  const bar = page.getByRole('contentinfo', { name: 'Sync status' });
  const waiting = bar.getByText(/waiting to sync/);
  await expect(waiting).toBeVisible();
  const before = Number(((await waiting.textContent()) ?? '').replace(/\D/g, ''));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Clinic settings' }).click();
  await page.getByLabel('Lock the screen after this many idle minutes').fill('7');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  // Well short of the 10 s poll: only the re-read after the change can update it.
  await page.clock.runFor(1_000);
  await expect(waiting).toHaveText(new RegExp(`^${before + 1} changes? waiting to sync$`));
});
