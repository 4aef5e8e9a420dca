// The Schedule screen against the real browser host and a real demo store:
// book from a free slot (quick-creating the patient), reschedule by form and
// by drag, check in, start, complete; the front desk's today list and a
// doctor's queue; an overlapping booking refused with the core's message; and
// an overbook with a reason, found in the audit log.
//
// The audit log has no screen yet, so the overbook is checked with
// `ehrbs export` (docs/cli.md) on the same data dir while the host runs: the
// store is SQLite in WAL mode and each audit append reads the chain tip from
// the database, so a second process can log in and export safely. That is why
// these tests start the host on a dir they own (support/host-on-dir.ts).
import { test as base, expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { addDaysToDate, localDateOf, zonedToUtc } from '../../shared/scheduling';
import { startHostOn, type RunningHost } from './support/host-process';

const PASSPHRASE = 'schedule e2e passphrase, not a secret';
const ADMIN = 'admin@demo.ehrbs.example';
const PASSWORD = 'demo-password';
const ZONE = 'Europe/London'; // the demo clinic's zone; the browser runs in Amsterdam time
const DOCTOR = 'Dr Ngozi Okafor'; // Mon-Fri 09:00-17:30, 15-minute slots
/** Weeks ahead: past the demo's three booked weeks, so the day is empty. */
const WEEKS_AHEAD = 5;

const test = base.extend<{ clinic: { host: RunningHost; dataDir: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  clinic: async ({}, use) => {
    test.slow(); // generating the demo clinic through the real write path
    const dataDir = await mkdtemp(join(tmpdir(), 'ehrbs-schedule-'));
    const host = await startHostOn(dataDir, PASSPHRASE);
    try {
      await host.api('setup.createDemo', { patients: 50 });
      await host.api('session.login', { email: ADMIN, password: PASSWORD });
      await use({ host, dataDir });
    } finally {
      await host.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

/** The Monday WEEKS_AHEAD weeks from the clinic's today. */
function targetMonday(): string {
  const today = localDateOf(Date.now(), ZONE);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  return addDaysToDate(today, 1 - weekday + 7 * WEEKS_AHEAD);
}

async function openWeekOf(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.launchUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: DOCTOR });
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  for (let i = 0; i < WEEKS_AHEAD; i++)
    await page.getByRole('button', { name: 'Next week' }).click();
}

const slot = (page: Page, time: string) =>
  page.getByRole('button', { name: new RegExp(`^Book ${time} with ${DOCTOR}, Mon`) });

async function newPatient(host: RunningHost, givenName: string, familyName: string) {
  return host.api('patients.create', {
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
}

test('book from a free slot, reschedule by form and by drag; a visit weeks ahead offers no check-in', async ({
  page,
  clinic,
}) => {
  await openWeekOf(page, clinic.host);
  await slot(page, '09:00').click();

  const booking = page.getByRole('region', { name: 'Book an appointment' });
  await expect(booking.getByRole('textbox', { name: 'Time' })).toHaveValue('09:00');
  await expect(booking.getByRole('spinbutton', { name: 'Minutes' })).toHaveValue('15');
  await booking.getByRole('button', { name: 'New patient…' }).click();
  await booking.getByLabel('Given name').fill('Amara');
  await booking.getByLabel('Family name').fill('Lindqvist');
  await booking.getByLabel('Date of birth').fill('1984-03-09');
  await booking.getByLabel('Sex').selectOption('female');
  await booking.getByLabel('Phone').fill('+44 20 7946 0142');
  await booking.getByRole('button', { name: 'Create patient' }).click();
  await expect(booking.getByRole('radio', { name: /Lindqvist, Amara/ })).toBeChecked();
  await booking.getByRole('button', { name: 'Book', exact: true }).click();

  const details = page.getByRole('region', { name: 'Amara Lindqvist' });
  await expect(details).toContainText('09:00–09:15');
  await expect(details.getByTestId('appointment-status')).toHaveText('Scheduled');
  const block = page.locator('.tgrid').getByRole('button', { name: /Amara Lindqvist/ });
  await expect(block).toContainText('09:00–09:15');

  // Keyboard way: edit the time.
  await details.getByRole('button', { name: 'Reschedule…' }).click();
  await details.getByRole('textbox', { name: 'Time' }).fill('10:30');
  await details.getByRole('button', { name: 'Move appointment' }).click();
  await expect(details).toContainText('10:30–10:45');
  await expect(block).toContainText('10:30–10:45');

  // Mouse shortcut: drag the block onto the 11:00 slot.
  await block.dragTo(slot(page, '11:00'));
  await expect(block).toContainText('11:00–11:15');
  await expect(details).toContainText('11:00–11:15');

  // Weeks ahead, so it cannot be checked in yet: the button is not offered.
  await expect(details.getByRole('button', { name: 'Check in', exact: true })).toHaveCount(0);
  await expect(details).toContainText('Check-in opens on the day of the appointment.');
});

test("today's appointment checks in, starts and completes from its details; then it cannot be moved", async ({
  page,
  clinic,
}) => {
  const { host } = clinic;
  const patient = await newPatient(host, 'Amara', 'Lindqvist');
  const doctor = (await host.api('doctors.list', {})).find((d) => d.displayName === DOCTOR);
  if (!doctor) throw new Error('the demo has no ' + DOCTOR);
  const today = localDateOf(Date.now(), ZONE);
  // Before opening hours today, so it never clashes with the demo's bookings.
  await host.api('appointments.book', {
    doctorId: doctor.id,
    patientId: patient.id,
    scheduledAt: new Date(zonedToUtc(today, '07:00', ZONE)).toISOString(),
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });
  await page.goto(host.launchUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: DOCTOR });
  await page
    .locator('.tgrid')
    .getByRole('button', { name: /Amara Lindqvist/ })
    .click();
  const details = page.getByRole('region', { name: 'Amara Lindqvist' });
  for (const [action, status] of [
    ['Check in', 'Checked in'],
    ['Start', 'In progress'],
    ['Complete', 'Completed'],
  ] as const) {
    await details.getByRole('button', { name: action, exact: true }).click();
    await expect(details.getByTestId('appointment-status')).toHaveText(status);
  }
  // A finished visit can no longer be moved or cancelled.
  await expect(details.getByRole('button', { name: 'Reschedule…' })).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Cancel appointment…' })).toHaveCount(0);
});

test("front desk's today list checks in; the doctor's queue starts and completes", async ({
  page,
  clinic,
}) => {
  const { host } = clinic;
  const patient = await newPatient(host, 'Dmitri', 'Ivanov');
  const doctor = (await host.api('doctors.list', {})).find((d) => d.displayName === DOCTOR);
  if (!doctor) throw new Error('the demo has no ' + DOCTOR);
  // Before opening hours today, so it never clashes with the demo's bookings.
  const today = localDateOf(Date.now(), ZONE);
  await host.api('appointments.book', {
    doctorId: doctor.id,
    patientId: patient.id,
    scheduledAt: new Date(zonedToUtc(today, '07:00', ZONE)).toISOString(),
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });

  await page.goto(host.launchUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  await page.getByRole('button', { name: 'Today’s list' }).click();
  const row = page.getByRole('row', { name: /Dmitri Ivanov/ });
  await expect(row).toContainText('07:00');
  await row.getByRole('button', { name: 'Check in Dmitri Ivanov' }).click();
  await expect(row).toContainText('Checked in');

  await page.getByRole('button', { name: 'Doctor’s queue' }).click();
  await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: DOCTOR });
  const queue = page.getByRole('listitem').filter({ hasText: 'Dmitri Ivanov' });
  await queue.getByRole('button', { name: 'Start Dmitri Ivanov' }).click();
  await expect(queue).toContainText('In progress');
  await queue.getByRole('button', { name: 'Complete Dmitri Ivanov' }).click();
  await expect(queue).toHaveCount(0);
});

test('an overlapping booking is refused with a clear message; an overbook with a reason is audited', async ({
  page,
  clinic,
}) => {
  const { host, dataDir } = clinic;
  const first = await newPatient(host, 'Bruno', 'Castellanos');
  await newPatient(host, 'Chiara', 'Rossi');
  const doctor = (await host.api('doctors.list', {})).find((d) => d.displayName === DOCTOR);
  if (!doctor) throw new Error('the demo has no ' + DOCTOR);
  const monday = targetMonday();
  await host.api('appointments.book', {
    doctorId: doctor.id,
    patientId: first.id,
    scheduledAt: new Date(zonedToUtc(monday, '09:00', ZONE)).toISOString(),
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });

  await openWeekOf(page, host);
  await expect(slot(page, '09:00')).toHaveCount(0); // taken: no free slot offered
  await slot(page, '09:15').click();
  const booking = page.getByRole('region', { name: 'Book an appointment' });
  await booking.getByRole('textbox', { name: 'Time' }).fill('09:00');
  await booking.getByRole('searchbox', { name: 'Find patient' }).fill('Rossi');
  await booking.getByRole('radio', { name: /Rossi, Chiara/ }).check();
  await booking.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(booking.getByRole('alert')).toHaveText(
    'The doctor already has an appointment that overlaps this time. Choose another slot, or overbook with a reason.',
  );

  await booking.getByRole('button', { name: 'Overbook with a reason' }).click();
  await booking.getByLabel('Reason for overbooking').fill('Urgent review requested by the GP');
  await booking.getByRole('button', { name: 'Overbook', exact: true }).click();
  const details = page.getByRole('region', { name: 'Chiara Rossi' });
  await expect(details).toContainText('Overbooked because');
  await expect(details).toContainText('Urgent review requested by the GP');
  // Both appointments now sit side by side in Monday's column.
  await expect(page.locator('.tgrid').getByRole('button', { name: /09:00–09:15/ })).toHaveCount(2);

  const { appointments } = await host.api('schedule.range', { fromDate: monday, toDate: monday });
  const overbooked = appointments.find((a) => a.patientName === 'Chiara Rossi');
  expect(overbooked?.overbookReason).toBe('Urgent review requested by the GP');

  const { stdout } = await promisify(execFile)(
    process.execPath,
    [resolve('bin/ehrbs.js'), 'export', '--data', dataDir, '--user', ADMIN],
    {
      env: { ...process.env, EHRBS_PASSPHRASE: PASSPHRASE, EHRBS_PASSWORD: PASSWORD },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const dump = JSON.parse(stdout) as {
    audit_logs: { action: string; tableAffected: string | null; recordId: string | null }[];
  };
  const entries = dump.audit_logs.filter((e) => e.action === 'overbook');
  expect(entries).toEqual([
    expect.objectContaining({ tableAffected: 'appointments', recordId: overbooked?.id }),
  ]);
});
