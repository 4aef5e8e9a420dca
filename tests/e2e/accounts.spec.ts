// Accounts as their owners meet them: a temporary password that must be
// replaced before anything else opens, and a login screen that says how long
// to wait after too many wrong passwords.
import { expectAccessible } from './support/axe';
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

async function clinicWithDesk(host: Parameters<typeof createClinicViaApi>[0]) {
  await createClinicViaApi(host);
  const desk = await host.api('users.create', {
    displayName: DESK.name,
    email: DESK.email,
    password: DESK.password,
    role: 'front_desk',
  });
  return desk.id;
}

test('a temporary password must be replaced at the next login, then the app opens', async ({
  page,
  host,
}) => {
  const deskId = await clinicWithDesk(host);
  await host.api('users.resetPassword', { userId: deskId, temporaryPassword: 'temporary-pass-9' });
  await host.api('session.logout', {});

  await openApp(page, host);
  await logIn(page, DESK.email, 'temporary-pass-9');
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expectAccessible(page, 'Choose a new password');

  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Temporary password').fill('temporary-pass-9');
  await form.getByLabel('New password').fill('short');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form).toContainText('at least 10 characters');

  await form.getByLabel('Temporary password').fill('temporary-pass-9');
  await form.getByLabel('New password').fill('my-own-password-1');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expectSignedIn(page, DESK.name);

  // The new password is the one that works from now on.
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, DESK.email, 'my-own-password-1');
  await expectSignedIn(page, DESK.name);
});

test('after five wrong passwords the login screen says how long to wait', async ({
  page,
  host,
}) => {
  await clinicWithDesk(host);
  await host.api('session.logout', {});
  await openApp(page, host);
  for (let i = 0; i < 4; i++) {
    await logIn(page, DESK.email, 'not-my-password');
    await expect(page.getByRole('alert')).toContainText('Wrong email or password.');
  }
  await logIn(page, DESK.email, 'not-my-password');
  await expect(page.getByRole('alert')).toContainText(/Try again in \d+ seconds?\./);
  // Someone else on the same workstation is not held up.
  await logIn(page, clinic.adminEmail, clinic.adminPassword);
  await expectSignedIn(page, clinic.adminName);
});

test('an administrator deactivates, reactivates and resets an account from the Staff table', async ({
  page,
  host,
}) => {
  await clinicWithDesk(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  const table = page.getByRole('table', { name: 'Staff accounts' });
  const deskRow = table.getByRole('row', { name: new RegExp(DESK.name) });
  // No account actions on one's own row: an admin cannot lock themselves out here.
  const adminRow = table.getByRole('row', { name: new RegExp(clinic.adminName) });
  // The founding admin holds every permission: said in two words, not a list across the row.
  await expect(adminRow).toContainText('All permissions');
  await expect(adminRow.getByRole('button', { name: /Deactivate/ })).toHaveCount(0);

  await deskRow.getByRole('button', { name: `Deactivate: ${DESK.name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'can no longer log in' })).toBeVisible();
  await expect(deskRow).toContainText('Inactive');
  await expectAccessible(page, 'Admin staff with an inactive account');

  // The deactivated user cannot log in.
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, DESK.email, DESK.password);
  await expect(page.getByRole('alert')).toContainText('Wrong email or password.');

  // Reactivated, with a temporary password that must be replaced.
  await logIn(page, clinic.adminEmail, clinic.adminPassword);
  await expectSignedIn(page, clinic.adminName);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  await deskRow.getByRole('button', { name: `Reactivate: ${DESK.name}` }).click();
  await expect(deskRow).toContainText('Active');
  await deskRow.getByRole('button', { name: `Reset password: ${DESK.name}` }).click();
  const reset = page.getByRole('form', { name: `Temporary password for ${DESK.name}` });
  await reset.getByLabel('Temporary password').fill('short');
  await reset.getByRole('button', { name: 'Set temporary password' }).click();
  await expect(reset).toContainText('at least 10 characters');
  await reset.getByLabel('Temporary password').fill('temporary-pass-7');
  await reset.getByRole('button', { name: 'Set temporary password' }).click();
  await expect(deskRow).toContainText('Must choose a new password');

  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, DESK.email, DESK.password);
  await expect(page.getByRole('alert')).toContainText('Wrong email or password.');
  await logIn(page, DESK.email, 'temporary-pass-7');
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});

test('anyone changes their own password from the top bar, with the current one', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);
  await page.getByRole('button', { name: 'Change password' }).click();
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not-the-password');
  await form.getByLabel('New password').fill('a-brand-new-pass-1');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByLabel('Current password')).toHaveValue('');

  await form.getByLabel('Current password').fill(clinic.adminPassword);
  await form.getByLabel('New password').fill('a-brand-new-pass-1');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password is changed.')).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, clinic.adminEmail, clinic.adminPassword);
  await expect(page.getByRole('alert')).toContainText('Wrong email or password.');
  await logIn(page, clinic.adminEmail, 'a-brand-new-pass-1');
  await expectSignedIn(page, clinic.adminName);
});
