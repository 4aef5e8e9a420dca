// An axe-core scan of every screen, in the states people see them in
// (including with validation errors showing): no serious or critical violations.
import { expect, exploreDemo, openApp, test } from './support/fixtures';
import { expectAccessible } from './support/axe';

test('screens before login are accessible', async ({ page, host }) => {
  await page.goto(host.origin + '/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'no launch secret');

  await openApp(page, host);
  await expect(page.getByRole('heading', { name: 'Welcome to EHRBS' })).toBeVisible();
  await expectAccessible(page, 'first run');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'first run with errors');

  await exploreDemo(page);
  await expect(page.getByRole('region', { name: 'Demo logins' })).toBeVisible();
  await expectAccessible(page, 'login with demo logins');
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'login with an error');
});

test('working screens are accessible', async ({ page, host }) => {
  await openApp(page, host);
  await exploreDemo(page);
  await page
    .getByRole('button', { name: /^Log in as Administrator/ })
    .first()
    .click();
  const nav = page.getByRole('navigation', { name: 'Main' });

  const list = page.getByRole('listbox', { name: 'Patients' });
  await expect(list.getByRole('option').first()).not.toContainText('Loading');
  await expectAccessible(page, 'patients list');

  await list.getByRole('option').first().click();
  await expect(page.getByRole('article')).toContainText('Medical record number');
  await expectAccessible(page, 'patient details');

  await page.getByRole('button', { name: 'Edit patient' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expectAccessible(page, 'edit patient');

  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'new patient with errors');

  for (const screen of ['Schedule', 'Messages', 'Billing', 'Admin']) {
    await nav.getByRole('link', { name: screen }).click();
    await expect(page.getByRole('heading', { name: screen, level: 1 })).toBeVisible();
    await expectAccessible(page, screen);
  }

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expectAccessible(page, 'lock');

  await page.getByRole('button', { name: 'Switch user' }).click();
  await page
    .getByRole('button', { name: /^Log in as Front desk/ })
    .first()
    .click();
  await page.goto(`${host.origin}/#/admin`);
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'not allowed');
});
