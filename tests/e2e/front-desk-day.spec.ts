// The front desk's day on the demo clinic: today's list filtered by where each
// patient is and by doctor, with counts and a visible Actions header; an
// appointment's details link to the patient and, once the visit is completed,
// offer the next step (the front desk creates the invoice, the doctor opens the
// chart); axe on each changed view.
import type { Page } from '@playwright/test';
import { localDateOf, zonedToUtc } from '../../shared/scheduling';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import type { RunningHost } from './support/host-process';

const ZONE = 'Europe/London'; // the demo clinic's zone
const PASSWORD = 'demo-password';
const DESK = 'reception1@demo.ehrbs.example';
const DOCTOR = 'Dr Ngozi Okafor';
const DOCTOR_EMAIL = 'dr.okafor@demo.ehrbs.example';

async function demo(host: RunningHost) {
  test.slow(); // generating the demo clinic through the real write path
  await host.api('setup.createDemo', { patients: 20 });
  await host.api('session.login', { email: DESK, password: PASSWORD });
  const doctor = (await host.api('doctors.list', {})).find((d) => d.displayName === DOCTOR);
  if (!doctor) throw new Error('the demo has no ' + DOCTOR);
  return doctor;
}

/** A new patient booked today with the doctor at `time` (before opening hours: no clash). */
async function bookToday(
  host: RunningHost,
  doctorId: string,
  givenName: string,
  familyName: string,
  time: string,
) {
  const patient = await host.api('patients.create', {
    givenName,
    familyName,
    dateOfBirth: '1980-05-17',
    sex: 'unknown',
    bloodType: 'unknown',
    phone: '',
    email: '',
    address: '',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
  });
  const today = localDateOf(Date.now(), ZONE);
  const appt = await host.api('appointments.book', {
    doctorId,
    patientId: patient.id,
    scheduledAt: new Date(zonedToUtc(today, time, ZONE)).toISOString(),
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });
  return { patient, appt };
}

const openSchedule = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();

test("today's list filters by stage and doctor, each with its count", async ({ page, host }) => {
  const doctor = await demo(host);
  const waiting = await bookToday(host, doctor.id, 'Wanda', 'Waites', '06:00');
  const inRoom = await bookToday(host, doctor.id, 'Ingrid', 'Inman', '06:15');
  const done = await bookToday(host, doctor.id, 'Dora', 'Dunn', '06:30');
  const absent = await bookToday(host, doctor.id, 'Nils', 'Noshaw', '06:45');
  await bookToday(host, doctor.id, 'Arlo', 'Arrive', '07:00');
  const set = (id: string, status: 'checked_in' | 'in_progress' | 'completed' | 'no_show') =>
    host.api('appointments.setStatus', { id, status });
  for (const a of [waiting, inRoom, done]) await set(a.appt.id, 'checked_in');
  for (const a of [inRoom, done]) await set(a.appt.id, 'in_progress');
  await set(done.appt.id, 'completed');
  await set(absent.appt.id, 'no_show');

  // What the list should count: today's appointments as the core has them.
  const today = localDateOf(Date.now(), ZONE);
  const all = (await host.api('schedule.range', { fromDate: today, toDate: today })).appointments;
  const live = all.filter((a) => a.status !== 'cancelled');
  const count = (status: string, doctorId?: string) =>
    live.filter((a) => a.status === status && (!doctorId || a.doctorId === doctorId)).length;

  await page.goto(host.launchUrl);
  await openSchedule(page);
  await page.getByRole('button', { name: 'Today’s list' }).click();
  const table = page.getByRole('table', { name: 'Today’s appointments' });
  await expect(table.getByRole('columnheader', { name: 'Actions' })).toBeVisible();

  const filters = page.getByRole('group', { name: 'Show appointments' });
  const filter = (label: string) => filters.getByRole('button', { name: new RegExp(`^${label} `) });
  await expect(filter('All')).toHaveText(`All ${live.length}`);
  await expect(filter('To arrive')).toHaveText(`To arrive ${count('scheduled')}`);
  await expect(filter('Waiting')).toHaveText(`Waiting ${count('checked_in')}`);
  await expect(filter('In with the doctor')).toHaveText(
    `In with the doctor ${count('in_progress')}`,
  );
  await expect(filter('Done')).toHaveText(`Done ${count('completed')}`);
  await expect(filter('No-show')).toHaveText(`No-show ${count('no_show')}`);
  await expectAccessible(page, "today's list with filters");

  await filter('Waiting').click();
  await expect(filter('Waiting')).toHaveAttribute('aria-pressed', 'true');
  await expect(table.getByRole('row', { name: /Wanda Waites/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Ingrid Inman/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /Arlo Arrive/ })).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(count('checked_in') + 1); // + the header row

  await filter('No-show').click();
  await expect(table.getByRole('row', { name: /Nils Noshaw/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Wanda Waites/ })).toHaveCount(0);

  // One doctor: the counts become theirs, and the option says how many are at the stage shown.
  await filter('All').click();
  const doctorPick = page.getByRole('combobox', { name: 'Doctor' });
  await expect(doctorPick.getByRole('option', { name: `${DOCTOR} (` })).toHaveText(
    `${DOCTOR} (${live.filter((a) => a.doctorId === doctor.id).length})`,
  );
  await doctorPick.selectOption({
    label: `${DOCTOR} (${live.filter((a) => a.doctorId === doctor.id).length})`,
  });
  await expect(filter('Done')).toHaveText(`Done ${count('completed', doctor.id)}`);
  await expect(filter('To arrive')).toHaveText(`To arrive ${count('scheduled', doctor.id)}`);
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(live.filter((a) => a.doctorId === doctor.id).length + 1);
  await expect(table.locator('tbody')).not.toContainText(
    live.find((a) => a.doctorId !== doctor.id)?.doctorName ?? 'no other doctor today',
  );

  // The To arrive row still checks in from the list, and moves to Waiting.
  await filter('To arrive').click();
  await table
    .getByRole('row', { name: /Arlo Arrive/ })
    .getByRole('button', { name: 'Check in Arlo Arrive' })
    .click();
  await expect(table.getByRole('row', { name: /Arlo Arrive/ })).toHaveCount(0);
  await expect(filter('Waiting')).toHaveText(`Waiting ${count('checked_in', doctor.id) + 1}`);
});

test('a completed visit offers the next step: an invoice at the desk, the chart for the doctor', async ({
  page,
  host,
}) => {
  const doctor = await demo(host);
  const visit = await bookToday(host, doctor.id, 'Amara', 'Lindqvist', '06:30');

  await page.goto(host.launchUrl);
  await openSchedule(page);
  await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: DOCTOR });
  await page
    .locator('.tgrid')
    .getByRole('button', { name: /Amara Lindqvist/ })
    .click();
  const details = page.getByRole('region', { name: 'Amara Lindqvist' });
  await expect(details.getByRole('group', { name: 'Next step' })).toHaveCount(0);
  for (const action of ['Check in', 'Start', 'Complete']) {
    await details.getByRole('button', { name: action, exact: true }).click();
  }
  await expect(details.getByTestId('appointment-status')).toHaveText('Completed');
  const next = details.getByRole('group', { name: 'Next step' });
  await expect(next.getByRole('button', { name: 'Create invoice' })).toBeVisible();
  await expect(next.getByRole('link', { name: 'Open the chart' })).toHaveCount(0);
  await expectAccessible(page, 'completed appointment, front desk');

  // The patient's name leads to their record.
  await details.getByRole('link', { name: 'Amara Lindqvist' }).click();
  await expect(page).toHaveURL(new RegExp(`#/patients/${visit.patient.id}$`));
  await expect(page.getByRole('heading', { name: 'Amara Lindqvist' })).toBeVisible();
  await page.goBack();

  await page
    .locator('.tgrid')
    .getByRole('button', { name: /Amara Lindqvist/ })
    .click();
  await details.getByRole('button', { name: 'Create invoice' }).click();
  await expect(page).toHaveURL(/#\/billing\/invoice\//);
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Amara Lindqvist');
  await expect(page.getByRole('main')).toContainText(`Consultation with ${DOCTOR}`);
  const invoiceUrl = page.url();
  const invoiceId = invoiceUrl.split('/').at(-1) ?? '';

  // Back on the visit, the desk opens that invoice instead of being offered a second one.
  await page.goBack();
  await page
    .locator('.tgrid')
    .getByRole('button', { name: /Amara Lindqvist/ })
    .click();
  await expect(next.getByRole('button', { name: 'Create invoice' })).toHaveCount(0);
  await next.getByRole('button', { name: 'Open the draft invoice' }).click();
  await expect(page).toHaveURL(invoiceUrl);
  // Once issued, the visit names it by its number.
  const issued = await host.api('billing.issue', { id: invoiceId });
  await page.goBack();
  await page
    .locator('.tgrid')
    .getByRole('button', { name: /Amara Lindqvist/ })
    .click();
  await next.getByRole('button', { name: `Open invoice ${issued.invoice.invoiceNumber}` }).click();
  await expect(page).toHaveURL(invoiceUrl);

  // The doctor, on the same appointment, is offered the chart instead.
  await host.api('session.logout', {});
  await host.api('session.login', { email: DOCTOR_EMAIL, password: PASSWORD });
  await page.goto(host.launchUrl);
  await openSchedule(page);
  await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: DOCTOR });
  await page
    .locator('.tgrid')
    .getByRole('button', { name: /Amara Lindqvist/ })
    .click();
  const forDoctor = page.getByRole('region', { name: 'Amara Lindqvist' }).getByRole('group', {
    name: 'Next step',
  });
  await expect(forDoctor.getByRole('button', { name: 'Create invoice' })).toHaveCount(0);
  await forDoctor.getByRole('link', { name: 'Open the chart' }).click();
  await expect(page).toHaveURL(new RegExp(`#/chart/${visit.patient.id}$`));
  await expect(page.getByRole('main')).toContainText('Amara Lindqvist');
});
