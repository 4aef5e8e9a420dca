// A visit note typed just before Lock or Log out (sooner than the autosave
// pause) is saved first: after unlocking, or logging in again, the text is
// back. Before the fix the save ran as the note unmounted, after the core had
// locked, and was refused. The idle lock calls the same lock path.
// Also: the author deletes an unsigned record from the timeline; a signed one
// offers no Delete.
import { localDateOf, zonedToUtc } from '../../shared/scheduling';
import { DOCTOR, addDoctor, addPatient } from './support/chart-clinic';
import { createClinicViaApi, expect, logIn, openApp, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import type { RunningHost } from './support/host-process';

const ZONE = 'Europe/Amsterdam'; // createClinicViaApi's clinic

/** A clinic with a doctor and one patient checked in today; nobody logged in. */
async function checkedInToday(host: RunningHost): Promise<string> {
  await createClinicViaApi(host);
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
  return patient.id;
}

/** Start visit the first time; Continue visit once the visit is under way. */
const startVisit = async (page: Page, action = 'Start visit') => {
  await page
    .getByRole('list', { name: 'Today’s appointments' })
    .getByRole('button', { name: `${action}: Amara Lindqvist` })
    .click();
  await expect(page.getByRole('heading', { name: 'Visit note' })).toBeVisible();
};

test('a note typed just before Lock is saved first and is back after unlocking', async ({
  page,
  host,
}) => {
  await checkedInToday(host);
  await openApp(page, host);
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await startVisit(page);
  await expect(page.getByRole('status').filter({ hasText: 'Not saved yet' })).toBeVisible();
  await page.getByLabel('Subjective').fill('Sore throat since Monday.');
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();

  await page.getByLabel('Password').fill(DOCTOR.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Visit note' })).toBeVisible();
  await expect(page.getByLabel('Subjective')).toHaveValue('Sore throat since Monday.');
});

test('a note typed just before Log out is saved first and is back after logging in', async ({
  page,
  host,
}) => {
  await checkedInToday(host);
  await openApp(page, host);
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await startVisit(page);
  await page.getByLabel('Plan').fill('Salt-water gargles; review in a week.');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();

  await logIn(page, DOCTOR.email, DOCTOR.password);
  await startVisit(page, 'Continue visit');
  await expect(page.getByLabel('Plan')).toHaveValue('Salt-water gargles; review in a week.');
});

test('the author deletes an unsigned record from the timeline; a signed one has no Delete', async ({
  page,
  host,
}) => {
  const patientId = await checkedInToday(host);
  await host.api('session.login', DOCTOR);
  const note = (text: string, sign: boolean) =>
    host.api('records.create', { patientId, recordType: 'note', content: { text }, sign });
  await note('Signed and kept.', true);
  await note('Entered on the wrong chart.', false);
  await host.api('session.logout', {});
  await openApp(page, host);
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();
  await page.goto(`${host.origin}/#/chart/${patientId}`);

  const notes = page.getByRole('listitem', { name: /^Note,/ });
  await expect(notes).toHaveCount(2);
  const unsigned = notes.filter({ hasText: 'Unsigned' });
  const signed = notes.filter({ hasText: /\bSigned\b/ });
  await expect(signed.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await unsigned.getByRole('button', { name: 'Delete' }).click();
  await unsigned.getByRole('button', { name: 'Delete record' }).click();
  await expect(notes).toHaveCount(1);
  await notes.getByRole('button', { name: 'Open' }).click();
  await expect(notes).toContainText('Signed and kept.');
});
