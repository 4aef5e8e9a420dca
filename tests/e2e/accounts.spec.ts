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
