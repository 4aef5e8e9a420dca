// Navigation follows the user's role, and a screen's address does not get
// around it. Uses the demo clinic, which has one login per role.
import { expect, exploreDemo, openApp, test } from './support/fixtures';

test('the demo clinic offers its logins; navigation follows the role', async ({ page, host }) => {
  await openApp(page, host);
  await exploreDemo(page);
  const demo = page.getByRole('region', { name: 'Demo logins' });
  await expect(demo.getByRole('button', { name: /^Log in as Front desk/ })).toBeVisible();
  await expect(demo.getByRole('button', { name: /^Log in as Doctor/ })).toBeVisible();
  await expect(demo.getByRole('button', { name: /^Log in as Administrator/ })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });

  // A doctor sees neither Billing nor Admin.
  await demo
    .getByRole('button', { name: /^Log in as Doctor/ })
    .first()
    .click();
  await expect(page.getByRole('banner')).toContainText('Doctor');
  await expect(nav.getByRole('link')).toHaveText(['Schedule', 'Patients', 'Messages']);

  // The administrator sees everything, including the Admin screen.
  await page.getByRole('button', { name: 'Log out' }).click();
  await page
    .getByRole('button', { name: /^Log in as Administrator/ })
    .first()
    .click();
  await expect(nav.getByRole('link')).toHaveText([
    'Schedule',
    'Patients',
    'Messages',
    'Billing',
    'Admin',
  ]);
  await nav.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Staff accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
});

test('a front-desk user cannot reach Admin, by navigation or by address', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await exploreDemo(page);
  await page
    .getByRole('button', { name: /^Log in as Front desk/ })
    .first()
    .click();
  await expect(page.getByRole('banner')).toContainText('Front desk');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Schedule', 'Patients', 'Messages', 'Billing']);

  // Typing the Admin screen's address is refused, also after a reload.
  await page.goto(`${host.origin}/#/admin`);
  await expect(page.getByRole('alert')).toContainText('Your role does not have access to Admin');
  await expect(page.getByRole('table', { name: 'Staff accounts' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Your role does not have access to Admin');
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
});
