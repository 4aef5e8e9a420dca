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
