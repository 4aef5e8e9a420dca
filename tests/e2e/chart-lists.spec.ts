// The chart's medication and problem lists, and the files a doctor takes
// from a chart, in Chromium against the real browser host: stop a medication
// (a reason is required), resolve a problem (the header follows), print a
// prescription and the visit summary (PDFs read back), export the chart as
// FHIR (a Bundle). axe on both tabs.
import { readFile } from 'node:fs/promises';
import { localDateOf, zonedToUtc } from '../../shared/scheduling';
import { pdfText } from '../core/documents/pdf-text';
import { expectAccessible } from './support/axe';
import { DOCTOR, addDoctor, addPatient } from './support/chart-clinic';
import { createClinicViaApi, expect, logIn, openApp, test } from './support/fixtures';
import type { RunningHost } from './support/host-process';

const ZONE = 'Europe/Amsterdam'; // createClinicViaApi's clinic

/** A clinic with a doctor and a patient in a visit now, on two medications and one problem; nobody logged in. */
async function patientOnMedication(host: RunningHost) {
  await createClinicViaApi(host);
  await host.api('admin.updateClinicSettings', {
    address: '4 River Lane, Leiden',
    contactEmail: 'desk@riverside.example',
  });
  const doctor = await addDoctor(host);
  const patient = await addPatient(host);
  const appt = await host.api('appointments.book', {
    doctorId: doctor.doctor?.id ?? '',
    patientId: patient.id,
    scheduledAt: new Date(zonedToUtc(localDateOf(Date.now(), ZONE), '12:00', ZONE)).toISOString(),
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });
  await host.api('appointments.setStatus', { id: appt.id, status: 'checked_in' });
  await host.api('session.logout', {});
  await host.api('session.login', DOCTOR);
  await host.api('appointments.setStatus', { id: appt.id, status: 'in_progress' });
  for (const [drug, strength] of [
    ['Amlodipine', '5 mg'],
    ['Metformin', '500 mg'],
  ] as const)
    await host.api('records.create', {
      patientId: patient.id,
      recordType: 'prescription',
      content: { drug, strength, dose: '1 tablet', frequency: 'once daily' },
      sign: true,
      acknowledgeAllergy: false,
    });
  await host.api('records.create', {
    patientId: patient.id,
    recordType: 'diagnosis',
    content: { code: 'J45.9', description: 'Asthma', status: 'active' },
    sign: true,
  });
  await host.api('session.logout', {});
  return { patientId: patient.id };
}

test('a doctor stops a medication, resolves a problem, prints and exports from the chart', async ({
  page,
  host,
}) => {
  const { patientId } = await patientOnMedication(host);
  await openApp(page, host);
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();

  // The visit summary from the day.
  const summaryDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Visit summary (PDF): Amara Lindqvist' }).click();
  const summary = await summaryDownload;
  expect(summary.suggestedFilename()).toMatch(/^visit-summary-\d{4}-\d{2}-\d{2}\.pdf$/);
  const summaryText = pdfText(await readFile(await summary.path()));
  expect(summaryText).toContain('Visit summary');
  expect(summaryText).toContain('Doctor: Dr Lena Vos (licence BIG-1234)');
  expect(summaryText).toContain('J45.9 Asthma');

  // Medications: stop one, with a reason.
  await page.goto(`${host.origin}/#/chart/${patientId}/prescription`);
  const meds = page.getByRole('region', { name: 'Current medications' });
  await expect(meds.getByRole('listitem', { name: 'Amlodipine' })).toBeVisible();
  await expectAccessible(page, 'chart medications');
  await meds.getByRole('button', { name: 'Stop Amlodipine' }).click();
  const stopForm = meds.getByRole('form', { name: 'Stop Amlodipine' });
  await stopForm.getByRole('button', { name: 'Stop medication' }).click();
  await expect(stopForm.getByText('give the reason for stopping')).toBeVisible();
  await stopForm.getByLabel('Reason for stopping').fill('Ankle swelling');
  await stopForm.getByRole('button', { name: 'Stop medication' }).click();
  await expect(meds.getByRole('listitem', { name: 'Amlodipine' })).toHaveCount(0);
  await meds.getByText('Stopped medications (1)').click();
  await expect(meds.getByText(/Amlodipine.*stopped.*Ankle swelling/)).toBeVisible();

  // A prescription for the other one, read back.
  const rxDownload = page.waitForEvent('download');
  await meds
    .getByRole('listitem', { name: 'Metformin' })
    .getByRole('button', { name: 'Print prescription' })
    .click();
  const rxText = pdfText(await readFile(await (await rxDownload).path()));
  for (const s of [
    'Riverside Family Clinic',
    '4 River Lane, Leiden',
    'Patient: Amara Lindqvist',
    'Metformin 500 mg',
    'Licence number: BIG-1234',
  ])
    expect(rxText).toContain(s);

  // Problems: resolving one takes it out of the header.
  await expect(page.getByTestId('chart-problems')).toHaveText('Asthma (J45.9)');
  await page
    .getByRole('group', { name: 'Chart sections' })
    .getByRole('button', { name: 'Problems' })
    .click();
  const problems = page.getByRole('region', { name: 'Problem list' });
  await problems.getByRole('button', { name: 'Resolve Asthma' }).click();
  await problems.getByRole('button', { name: 'Resolve problem' }).click();
  await expect(page.getByTestId('chart-problems')).toHaveText('None recorded');
  await expect(problems.getByText('No active problems.')).toBeVisible();
  await expectAccessible(page, 'chart problems');

  // The whole chart as FHIR.
  const fhirDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export chart (FHIR)' }).click();
  const bundle = JSON.parse(await readFile(await (await fhirDownload).path(), 'utf8')) as {
    resourceType: string;
    type: string;
    entry: { resource: { resourceType: string; status?: string } }[];
  };
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  expect(
    bundle.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'MedicationRequest')
      .map((r) => r.status)
      .sort(),
  ).toEqual(['active', 'stopped']);
});
