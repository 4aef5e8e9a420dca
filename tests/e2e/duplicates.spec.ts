// Duplicate patients, as the front desk and the admin meet them: the New
// patient form warns of a likely duplicate before saving (open the existing
// patient, or register anyway); two workstations that register the same person
// offline find the pair in Admin → Duplicates after sync, the admin merges it
// there, and the other workstation lists it no more after its next sync. axe
// on the warning, the list and the merge form.
import type { Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../server/helpers/server';
import { expectAccessible } from './support/axe';
import { contextOptions } from './support/chromium';
import { clinic, createClinicViaApi, expect, openApp, test } from './support/fixtures';
import { startHost, type RunningHost } from './support/host-process';

const person = {
  givenName: 'Margaret',
  familyName: 'Hollis',
  dateOfBirth: '1951-07-23',
  sex: 'female',
  bloodType: 'unknown',
  phone: '',
  email: '',
  address: '',
  emergencyContact: null,
  insuranceProvider: '',
  insurancePolicyNumber: '',
} as const;

async function openDuplicates(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Duplicates', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Duplicate patients' })).toBeVisible();
}

test('registering a likely duplicate: warned before saving, open the existing one or register anyway', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  const existing = await host.api('patients.create', { ...person, phone: '+44 20 7946 0001' });
  await openApp(page, host);
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Given name').fill('Maggie');
  await page.getByLabel('Family name').fill('Hollis');
  await page.getByLabel('Date of birth').fill(person.dateOfBirth);
  await page.getByLabel('Sex').selectOption('female');

  const warning = page.getByRole('region', { name: 'This patient may already be registered' });
  await expect(warning).toContainText('Margaret Hollis');
  await expect(warning).toContainText(existing.medicalRecordNumber);
  await expectAccessible(page, 'new patient with a likely duplicate');

  // Saving waits for a decision: the warning takes the focus, nothing is registered.
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(warning.getByRole('heading')).toBeFocused();
  expect((await host.api('patients.search', { query: 'Hollis', limit: 10 })).items).toHaveLength(1);

  // "Open the existing patient" goes to her record.
  await warning.getByRole('button', { name: 'Open the existing patient Margaret Hollis' }).click();
  await expect(page).toHaveURL(new RegExp(`#/patients/${existing.id}$`));
  await expect(page.getByRole('heading', { name: 'Margaret Hollis' })).toBeVisible();

  // Someone else after all: "Register anyway" saves the new patient.
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Given name').fill('Maggie');
  await page.getByLabel('Family name').fill('Hollis');
  await page.getByLabel('Date of birth').fill(person.dateOfBirth);
  await page.getByLabel('Sex').selectOption('female');
  await warning.getByRole('button', { name: 'Register anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Patient registered' })).toBeVisible();
  expect((await host.api('patients.search', { query: 'Hollis', limit: 10 })).items).toHaveLength(2);

  // The admin sees the pair and marks it "not the same person": it leaves the list, and stays gone.
  await openDuplicates(page);
  const pairs = page.getByRole('region', { name: 'Duplicate patients' });
  await expect(pairs).toContainText('1 likely duplicate pair.');
  await pairs
    .getByRole('button', { name: 'Not the same person (Margaret Hollis and Maggie Hollis)' })
    .or(
      pairs.getByRole('button', {
        name: 'Not the same person (Maggie Hollis and Margaret Hollis)',
      }),
    )
    .click();
  await expect(pairs.getByRole('status')).toContainText('marked as two different people');
  await expect(pairs).toContainText('No likely duplicates.');
  await expectAccessible(page, 'duplicates after a dismissal');
  expect((await host.api('patients.duplicatePairs', {})).total).toBe(0);
});

test('the same person registered on two workstations offline: listed after sync, merged, gone on both', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(240_000);
  let server: TestServer | null = null;
  let hostB: RunningHost | null = null;
  try {
    server = await startTestServer();
    hostB = await startHost();
    const target = { serverUrl: server.server.url, fingerprint: server.server.caFingerprint };
    await createClinicViaApi(host);
    await host.api('sync.connect', {
      ...target,
      adminToken: server.adminToken,
      deviceName: 'Front desk A',
    });
    const { code } = await host.api('sync.enrollmentCode', {});
    await hostB.api('setup.joinClinic', { ...target, code, deviceName: 'Front desk B' });
    const b = hostB;
    await expect
      .poll(
        () =>
          b.api('session.login', { email: clinic.adminEmail, password: clinic.adminPassword }).then(
            () => true,
            () => false,
          ),
        { timeout: 90_000 },
      )
      .toBe(true);

    // Each desk registers her, neither knowing of the other, then both sync.
    const onA = await host.api('patients.create', { ...person, phone: '+44 20 7946 0001' });
    const onB = await hostB.api('patients.create', {
      ...person,
      email: 'm.hollis@example.org',
    });
    await host.api('sync.now', {});
    await hostB.api('sync.now', {});
    await host.api('sync.now', {});

    await openApp(page, host);
    await openDuplicates(page);
    const pair = page.getByRole('listitem').filter({ hasText: onA.medicalRecordNumber });
    await expect(pair).toContainText(onB.medicalRecordNumber);
    await expect(page.getByText('1 likely duplicate pair.')).toBeVisible();
    await expectAccessible(page, 'duplicates after sync');

    // Merge: A's record stays, with B's email taken over.
    await pair.getByRole('button', { name: /^Merge Margaret Hollis and Margaret Hollis/ }).click();
    const form = page.getByRole('form', { name: /^Merge Margaret Hollis .* and Margaret Hollis/ });
    await form
      .getByRole('group', { name: 'Record that stays' })
      .getByRole('radio', { name: new RegExp(onA.medicalRecordNumber) })
      .check();
    await form
      .getByRole('group', { name: 'Email' })
      .getByRole('radio', { name: /m\.hollis/ })
      .check();
    await expectAccessible(page, 'merge form');
    await form.getByRole('button', { name: 'Merge records' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Merged into' })).toContainText(
      onA.medicalRecordNumber,
    );
    await expect(page.getByText('No likely duplicates.')).toBeVisible();
    const kept = await host.api('patients.get', { id: onA.id });
    expect(kept.email).toBe('m.hollis@example.org');
    expect(kept.phone).toBe('+44 20 7946 0001');

    // Workstation B, after its next sync: no pair left, and B's record leads to the survivor.
    await host.api('sync.now', {});
    await hostB.api('sync.now', {});
    const contextB = await browser.newContext(contextOptions);
    const pageB = await contextB.newPage();
    await openApp(pageB, hostB);
    await openDuplicates(pageB);
    await expect(pageB.getByText('No likely duplicates.')).toBeVisible();
    await pageB.goto(`${hostB.origin}/#/patients/${onB.id}`);
    await expect(pageB.getByRole('article')).toContainText(onA.medicalRecordNumber);
    await contextB.close();
  } finally {
    await hostB?.stop();
    await server?.stop();
  }
});
