// Sensitive patients ("break the glass") in Chromium against the real browser
// host: a doctor marks a patient as a VIP; the front desk opening that patient
// is asked for a reason in a modal dialog, for her statement in Billing (Cancel
// leaves it closed) and her details (Escape goes back to the list, a
// too-short reason is refused), gives one and sees the details with the
// Sensitive badge; the administrator sees the access, with its reason, in
// Admin → Sensitive access. axe on the dialog and on the admin list.
import { expectAccessible } from './support/axe';
import { clinic, createClinicViaApi, expect, logIn, openApp, test } from './support/fixtures';

const DOCTOR = { email: 'lena.vos@riverside.example', password: 'doctor-password-1' };
const DESK = { email: 'fran@riverside.example', password: 'desk-password-1' };
const REASON = 'Patient at the desk asking to rebook';

test('a doctor marks a patient sensitive; the front desk opens them with a reason; the admin sees it', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  await host.api('doctors.create', {
    displayName: 'Dr Lena Vos',
    specialty: 'General Practice',
    licenseNumber: 'BIG-1234',
    consultationFee: 6000,
    experienceYears: 12,
    ...DOCTOR,
  });
  await host.api('users.create', { displayName: 'Fran Desk', role: 'front_desk', ...DESK });
  await host.api('patients.create', {
    givenName: 'Amara',
    familyName: 'Lindqvist',
    dateOfBirth: '1984-03-09',
    sex: 'female',
    bloodType: 'O+',
    phone: '+31 20 555 0142',
    email: '',
    address: 'Keizersgracht 12, Amsterdam',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
  });
  await host.api('session.logout', {});
  await openApp(page, host);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const amara = page
    .getByRole('listbox', { name: 'Patients' })
    .getByRole('option', { name: /Lindqvist/ });
  const details = page.getByRole('article');

  // The doctor opens her chart (a doctor's patient list opens charts) and marks her as a VIP.
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await nav.getByRole('link', { name: 'Patients' }).click();
  await amara.click();
  const header = page.getByRole('region', { name: 'Patient summary' });
  await expect(header.getByRole('heading', { name: /Amara Lindqvist/ })).toBeVisible();
  await expect(header).not.toContainText('Sensitive');
  await page.getByLabel('Sensitivity').selectOption({ label: 'VIP' });
  await page.getByRole('button', { name: 'Save sensitivity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sensitivity saved.' })).toBeVisible();
  await expect(header.getByRole('heading', { name: /Amara Lindqvist/ })).toContainText(
    'Sensitive (VIP)',
  );
  await page.getByRole('button', { name: 'Log out' }).click();

  // The front desk is asked why before anything of hers shows: her statement in Billing first.
  await logIn(page, DESK.email, DESK.password);
  const dialog = page.getByRole('dialog', { name: 'This patient is sensitive' });
  const statement = page.getByRole('region', { name: 'Statement' });
  const showStatement = async () => {
    await nav.getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('searchbox', { name: 'Patient' }).fill('Lindqvist');
    await page.getByRole('button', { name: /Show invoices of Amara Lindqvist/ }).click();
  };
  await showStatement();
  await expect(dialog).toBeVisible();
  await expect(statement.getByTestId('statement-balance')).toHaveCount(0);
  // Cancel keeps the invoice list and leaves the statement closed.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(statement).toContainText('their statement shows once you give a reason');
  await expect(statement.getByTestId('statement-balance')).toHaveCount(0);

  await nav.getByRole('link', { name: 'Patients' }).click();
  await amara.click();
  await expect(dialog).toBeVisible();
  await expect(page.getByText('Keizersgracht 12')).toHaveCount(0);
  const reason = dialog.getByLabel('Reason for opening this record');
  await expect(reason).toBeFocused();
  // Focus stays in the dialog: the page behind it is inert.
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(
      true,
    );
  }
  await expectAccessible(page, 'break-the-glass dialog');

  // Escape cancels: back to the list, nothing opened.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Choose a patient from the list')).toBeVisible();
  await expect(page.getByText('Keizersgracht 12')).toHaveCount(0);

  await amara.click();
  await expect(dialog).toBeVisible();
  await reason.fill('abc');
  await dialog.getByRole('button', { name: 'Open the record' }).click();
  await expect(dialog.getByRole('alert')).toContainText('at least 5 characters');
  await expectAccessible(page, 'break-the-glass dialog with its error');
  await reason.fill(REASON);
  await dialog.getByRole('button', { name: 'Open the record' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(details.getByRole('heading', { name: /Amara Lindqvist/ })).toContainText(
    'Sensitive (VIP)',
  );
  await expect(details).toContainText('Keizersgracht 12, Amsterdam');
  // The front desk may not change the flag: no control for it.
  await expect(details.getByLabel('Sensitivity')).toHaveCount(0);
  // Her statement now opens without asking again: the reason holds for the session.
  await showStatement();
  await expect(statement.getByTestId('statement-balance')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Log out' }).click();

  // The administrator sees who opened her, why, when and where.
  await logIn(page, clinic.adminEmail, clinic.adminPassword);
  await nav.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Sensitive access' }).click();
  const table = page.getByRole('table', { name: 'Accesses to sensitive patients, newest first' });
  await expect(table.getByRole('row')).toHaveCount(2); // header + the front desk's access
  const row = table.getByRole('row').nth(1);
  await expect(row.getByRole('rowheader')).toHaveText('Fran Desk');
  await expect(row).toContainText('Amara Lindqvist');
  await expect(row).toContainText(REASON);
  await expectAccessible(page, 'Admin → Sensitive access');
});
