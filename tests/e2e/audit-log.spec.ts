// Admin → Audit log as an administrator uses it: from a patient's details,
// "who has seen this patient" lists exactly that patient's entries; the filters
// narrow the log; the CSV export downloads the filtered view (and is itself
// audited); the chain check says each workstation's chain is intact.
import { readFile } from 'node:fs/promises';
import { expectAccessible } from './support/axe';
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  openApp,
  test,
} from './support/fixtures';

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

test('an administrator sees who has seen a patient, filters the log and exports it', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  const amara = await host.api('patients.create', {
    ...base,
    givenName: 'Amara',
    familyName: 'Lindqvist',
  });
  await host.api('patients.create', { ...base, givenName: 'Bruno', familyName: 'Castellanos' });
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Patients' })
    .click();
  await page
    .getByRole('listbox', { name: 'Patients' })
    .getByRole('option', { name: /Lindqvist/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Amara Lindqvist' })).toBeVisible();
  await page.getByRole('link', { name: 'Who has seen this patient' }).click();

  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByText(`Amara Lindqvist (${amara.medicalRecordNumber})`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit entries' });
  // Registered once, opened at least once (the details just shown): only her rows.
  await expect(table.getByRole('row').filter({ hasText: 'Created' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'Opened' }).first()).toBeVisible();
  await expect(table).not.toContainText('Castellanos');
  await expect(table.getByRole('link', { name: 'Open patient' }).first()).toHaveAttribute(
    'href',
    `#/patients/${amara.id}`,
  );
  await expectAccessible(page, 'Audit log');

  // Only her registration, then the CSV of that view.
  const filters = page.getByRole('form', { name: 'Audit log filters' });
  await filters.getByLabel('Action').selectOption({ label: 'Created' });
  await filters.getByRole('button', { name: 'Show entries' }).click();
  await expect(table.getByRole('row')).toHaveCount(2); // header + one entry
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await file.path())).toString('utf8').trim().split('\r\n');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(`,create,patients,${amara.id},${amara.id},${clinic.adminName},`);
  expect(csv.join('\n')).not.toContain('Lindqvist');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 1 entries.' })).toBeVisible();

  // The whole clinic again: the export itself is in the log now.
  await page.getByRole('button', { name: 'Show every patient' }).click();
  await filters.getByLabel('Action').selectOption({ label: 'Exported' });
  await filters.getByRole('button', { name: 'Show entries' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'audit csv rows=1' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Check the audit chains' }).click();
  await expect(page.getByRole('table', { name: 'Audit chain of each workstation' })).toContainText(
    'Intact',
  );
});
