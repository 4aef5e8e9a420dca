// The Patients screen: register with inline validation, MRN after save,
// instant search, keyboard use of the list, edit, and a long list.
import { createClinicViaApi, expect, openApp, test } from './support/fixtures';

test('register a patient with inline validation, then see the MRN', async ({ page, host }) => {
  await createClinicViaApi(host);
  await openApp(page, host);
  await page.getByRole('button', { name: 'New patient' }).click();
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeFocused();

  // Nothing filled in: every required field says so, and the cursor goes to the first.
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('alert')).toContainText('Please correct 3 fields');
  const given = page.getByLabel('Given name');
  await expect(given).toBeFocused();
  await expect(given).toHaveAttribute('aria-invalid', 'true');
  await expect(given).toHaveAccessibleDescription('Required');

  await given.fill('Amara');
  await page.getByLabel('Family name').fill('Lindqvist');
  await page.getByLabel('Date of birth').fill('1984-03-09');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Blood type').selectOption('O+');
  await page.getByLabel('Phone', { exact: true }).fill('+31 20 555 0142');
  await page.getByLabel('Email').fill('amara.at.example');
  await page.getByLabel('Address').fill('Keizersgracht 12, Amsterdam');
  // Half an emergency contact is not enough.
  await page.getByLabel('Contact name').fill('Jonas Lindqvist');
  await page.getByLabel('Insurance provider').fill('Zilveren Kruis');
  await page.getByLabel('Policy number').fill('ZK-448812');
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
    'Enter an email address like name@example.com',
  );
  await expect(page.getByLabel('Contact phone')).toHaveAccessibleDescription('Required');
  await expect(page.getByLabel('Email')).toBeFocused();

  await page.getByLabel('Email').fill('amara@example.org');
  await page.getByLabel('Contact phone').fill('+31 6 1234 5678');
  await page.getByLabel('Relationship').fill('Husband');
  await page.getByRole('button', { name: 'Register patient' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Patient registered' })).toContainText(
    /Medical record number: \S+/,
  );
  const details = page.getByRole('article');
  await expect(details.getByRole('heading', { name: 'Amara Lindqvist' })).toBeVisible();
  await expect(details).toContainText(/Medical record number \S+/);
  await expect(details).toContainText('Zilveren Kruis');
  await expect(details).toContainText('Jonas Lindqvist · Husband · +31 6 1234 5678');
});

test('search finds a patient by name and by MRN; the list works from the keyboard', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  const base = {
    dateOfBirth: '1990-01-01',
    sex: 'unknown',
    bloodType: 'unknown',
    phone: '',
    email: '',
    address: '',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
  } as const;
  const target = await host.api('patients.create', {
    ...base,
    givenName: 'Amara',
    familyName: 'Lindqvist',
  });
  await host.api('patients.create', { ...base, givenName: 'Bruno', familyName: 'Castellanos' });
  await openApp(page, host);

  const search = page.getByLabel('Search patients');
  await expect(search).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'patients' })).toHaveText('2 patients');

  await search.fill('lindq');
  const list = page.getByRole('listbox', { name: 'Patients' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toContainText('Lindqvist, Amara');
  await expect(page.getByText('1 patient matching “lindq”')).toBeVisible();

  await search.fill(target.medicalRecordNumber);
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toContainText('Lindqvist, Amara');

  await search.fill('nobody-by-this-name');
  await expect(page.getByText('No patients match this search.')).toBeVisible();

  // Keyboard: from the search box into the list, move, open with Enter.
  await search.fill('');
  await expect(list.getByRole('option')).toHaveCount(2);
  await search.press('ArrowDown');
  await expect(list).toBeFocused();
  await list.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toContainText('Lindqvist, Amara');
  await list.press('Enter');
  await expect(page.getByRole('heading', { name: 'Amara Lindqvist' })).toBeFocused();

  // Edit from the details; the change shows after saving.
  await page.getByRole('button', { name: 'Edit patient' }).click();
  await page.getByLabel('Phone', { exact: true }).fill('+31 20 555 0199');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('+31 20 555 0199');
});

test('a long list shows its total and loads rows on demand to the very end', async ({
  page,
  host,
}) => {
  test.slow(); // generating 2,000 demo patients
  const { logins } = await host.api('setup.createDemo', { patients: 2_000 });
  const admin = logins.find((l) => l.role === 'admin');
  if (!admin) throw new Error('the demo clinic has no admin login');
  await host.api('session.login', { email: admin.email, password: admin.password });
  await openApp(page, host);

  await expect(page.getByRole('status').filter({ hasText: 'patients' })).toHaveText(
    '2,000 patients',
  );
  const list = page.getByRole('listbox', { name: 'Patients' });
  // Only what is on screen is in the page, not 2,000 rows: the first rows that fit the list's
  // height (56 px each), plus the virtualizer's overscan of 8.
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-posinset', '1');
  const onScreen = Math.ceil((await list.evaluate((el) => el.clientHeight)) / 56);
  expect(onScreen).toBeGreaterThan(3);
  await expect(list.getByRole('option')).toHaveCount(onScreen + 8);
  await expect(list.getByRole('option').last()).toHaveAttribute(
    'aria-posinset',
    String(onScreen + 8),
  );

  await list.focus();
  await list.press('End');
  const last = list.getByRole('option', { selected: true });
  await expect(last).toHaveAttribute('aria-posinset', '2000');
  await expect(last).not.toContainText('Loading');
  await list.press('Enter');
  await expect(page.getByRole('article')).toContainText('Medical record number');
});
