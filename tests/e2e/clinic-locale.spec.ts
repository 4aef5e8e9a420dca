// The clinic profile's locale against the real browser host: a clinic shown
// in US dates and 12-hour time; its admin tries an unknown time zone, an
// unknown currency and a bad email in Admin → Clinic settings (each field says
// what is wrong), then switches the clinic to UK dates and 24-hour time, and
// sees them on the schedule, a patient's details and billing, in a browser
// whose own locale is US English. axe on the settings, with errors and saved.
// In a 12-hour clinic, the booking form's Time and the hours editor's From/To
// show and read "2:30 PM" (also "2:30pm" and "14:30"), and refuse other text.
import type { Page } from '@playwright/test';
import { addDaysToDate, localDateOf, zonedToUtc } from '../../shared/scheduling';
import { expectAccessible } from './support/axe';
import { clinic, expect, expectSignedIn, openApp, test } from './support/fixtures';
import type { RunningHost } from './support/host-process';

const ZONE = 'Europe/London';
const DOCTOR = 'Dr Aled Morgan';
const every = [1, 2, 3, 4, 5, 6, 7]; // ISO weekdays: every day, so "today" is a working day

/** A clinic in London in US formats, a doctor working every day, a patient seen today at 14:30 and invoiced. */
async function usClinic(host: RunningHost) {
  await host.api('setup.createClinic', {
    clinicName: clinic.clinicName,
    timeZone: ZONE,
    currency: 'GBP',
    adminName: clinic.adminName,
    adminEmail: clinic.adminEmail,
    adminPassword: clinic.adminPassword,
  });
  await host.api('admin.updateClinicSettings', { dateFormat: 'MM/DD/YYYY', timeFormat: '12h' });
  const doctor = await host.api('doctors.create', {
    displayName: DOCTOR,
    email: 'aled@riverside.example',
    password: 'doctor-password-1',
    specialty: 'General Practice',
    licenseNumber: 'GMC-7001',
    consultationFee: 8000,
    experienceYears: 7,
    availability: {
      slotMinutes: 15,
      weekly: every.map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
      breaks: [],
      exceptions: [],
    },
  });
  const patient = await host.api('patients.create', {
    givenName: 'Ffion',
    familyName: 'Pritchard',
    dateOfBirth: '1975-12-03',
    sex: 'female',
    bloodType: 'unknown',
    phone: '',
    email: '',
    address: '',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
  });
  const today = localDateOf(Date.now(), ZONE);
  await host.api('appointments.book', {
    doctorId: doctor.doctor?.id ?? '',
    patientId: patient.id,
    scheduledAt: new Date(zonedToUtc(today, '14:30', ZONE)).toISOString(),
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });
  const invoice = await host.api('billing.create', {
    patientId: patient.id,
    lines: [{ description: 'Minor surgery', quantity: 1, unitPrice: 123450 }],
    issue: true,
  });
  await host.api('billing.pay', { billingId: invoice.invoice.id, amount: 23450, method: 'card' });
  const [y, m, d] = today.split('-');
  return {
    today,
    patientId: patient.id,
    invoiceNumber: invoice.invoice.invoiceNumber ?? '',
    us: `${m}/${d}/${y}`,
    uk: `${d}/${m}/${y}`,
  };
}

async function openDay(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: DOCTOR });
  await page.getByRole('button', { name: 'Day', exact: true }).click();
}

test('an admin switches the clinic to UK dates and 24-hour time, and every screen follows', async ({
  page,
  host,
}) => {
  const c = await usClinic(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);

  // As set up: US dates and 12-hour times.
  await openDay(page);
  const visit = page.locator('.tgrid').getByRole('button', { name: /Ffion Pritchard/ });
  await expect(visit).toContainText('2:30 PM–2:45 PM');
  await expect(page.getByTestId('shown-dates')).toContainText(c.us);
  await expect(page.locator('.tgrid__hour', { hasText: /^2:00 PM$/ })).toBeVisible();

  // Admin → Clinic settings: wrong values are refused field by field, with the core's words.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Clinic settings' }).click();
  const settings = page.getByRole('form', { name: 'Clinic settings' });
  await expect(settings.getByLabel('Date format')).toHaveValue('MM/DD/YYYY');
  await settings.getByLabel('Time zone').fill('Europe/Atlantis');
  await settings.getByLabel('Currency').fill('XYZ');
  await settings.getByLabel('Billing contact email').fill('accounts.riverside.example');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByLabel('Time zone')).toHaveAccessibleDescription(
    /Unknown time zone: enter an IANA name such as Europe\/London\./,
  );
  await expect(settings.getByLabel('Currency')).toHaveAccessibleDescription(
    /Unknown currency code/,
  );
  await expect(settings.getByLabel('Billing contact email')).toHaveAccessibleDescription(
    /Enter an email address/,
  );
  await expectAccessible(page, 'admin clinic settings with errors');
  // Nothing was changed.
  expect(await host.api('admin.clinicSettings', {})).toMatchObject({
    timeZone: ZONE,
    currency: 'GBP',
    contactEmail: null,
  });

  await settings.getByLabel('Time zone').fill(ZONE);
  await settings.getByLabel('Currency').fill('GBP');
  await settings.getByLabel('Billing contact email').fill('accounts@riverside.example');
  await settings.getByLabel('Date format').selectOption('DD/MM/YYYY');
  await settings.getByLabel('Time format').selectOption('24h');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
  await expectAccessible(page, 'admin clinic settings saved');

  // The schedule: 24-hour times, UK dates.
  await openDay(page);
  await expect(visit).toContainText('14:30–14:45');
  await expect(page.getByTestId('shown-dates')).toContainText(c.uk);
  await expect(page.locator('.tgrid__hour', { hasText: /^14:00$/ })).toBeVisible();
  await visit.click();
  await expect(page.getByRole('region', { name: 'Ffion Pritchard' })).toContainText(
    `${c.uk}, 14:30–14:45`,
  );

  // A patient's details: the date of birth, and the balance in pounds.
  await page.goto(`${host.origin}/#/patients/${c.patientId}`);
  await expect(page.getByText('03/12/1975', { exact: true })).toBeVisible();
  await expect(page.getByText('Born 03/12/1975')).toBeVisible();
  await expect(page.getByText(/£1,000\.00/).first()).toBeVisible();

  // Date fields are in the clinic's format too (not the browser's): the patient's
  // edit form shows 03/12/1975, and a date typed as 14/02/1988 is saved as that day.
  await page.getByRole('button', { name: 'Edit patient' }).click();
  const dob = page.getByLabel('Date of birth');
  await expect(dob).toHaveValue('03/12/1975');
  await dob.fill('14/02/1988');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Born 14/02/1988')).toBeVisible();
  expect((await host.api('patients.get', { id: c.patientId })).dateOfBirth).toBe('1988-02-14');

  // Billing: the list's date, and the payment's date and time.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Billing' })
    .click();
  const row = page
    .getByRole('table', { name: 'Invoices' })
    .getByRole('row', { name: new RegExp(c.invoiceNumber) });
  await expect(row).toContainText(c.uk);
  await expect(row).toContainText('£1,234.50');
  await page.getByRole('button', { name: `Open ${c.invoiceNumber}` }).click();
  const payments = page.getByRole('table', { name: 'Payments' });
  await expect(payments).toContainText(
    new RegExp(`${c.uk.replaceAll('/', '\\/')} [0-2]\\d:[0-5]\\d`),
  );
  await expect(payments).not.toContainText(/AM|PM/);
});

test('in a 12-hour clinic the booking form and the hours editor read and show "2:30 PM"', async ({
  page,
  host,
}) => {
  const c = await usClinic(host);
  const gwen = await host.api('patients.create', {
    givenName: 'Gwen',
    familyName: 'Hughes',
    dateOfBirth: '1990-04-21',
    sex: 'female',
    bloodType: 'unknown',
    phone: '',
    email: '',
    address: '',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
  });
  // Tomorrow: every slot of the day is still ahead (today's past slots are not offered).
  const tomorrow = addDaysToDate(c.today, 1);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);
  await openDay(page);
  await page.getByRole('button', { name: 'Next day' }).click();

  // A free slot opens the form on its time, in the clinic's format.
  await page.getByRole('button', { name: new RegExp(`^Book 8:00 AM with ${DOCTOR}`) }).click();
  const booking = page.getByRole('region', { name: 'Book an appointment' });
  const time = booking.getByRole('textbox', { name: 'Time' });
  await expect(time).toHaveValue('8:00 AM');
  await booking.getByRole('searchbox', { name: 'Find patient' }).fill('Hughes');
  await booking.getByRole('radio', { name: /Hughes, Gwen/ }).check();

  // Text that is not a time is refused on the field, with the clinic's example; nothing is booked.
  await time.fill('half two');
  await booking.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(time).toHaveAccessibleDescription(/Enter a time such as 2:30 PM/);
  await expectAccessible(page, 'booking form with a time that is not a time');
  // Typed the short way, shown the clinic's way once left.
  await time.fill('2:30pm');
  await time.blur();
  await expect(time).toHaveValue('2:30 PM');
  await time.fill('2:30 PM');
  await booking.getByRole('button', { name: 'Book', exact: true }).click();

  const details = page.getByRole('region', { name: 'Gwen Hughes' });
  await expect(details).toContainText('2:30 PM–2:45 PM');
  const block = page.locator('.tgrid').getByRole('button', { name: /Gwen Hughes/ });
  await expect(block).toContainText('2:30 PM–2:45 PM');
  const booked = await host.api('schedule.range', { fromDate: tomorrow, toDate: tomorrow });
  expect(booked.appointments.find((a) => a.patientId === gwen.id)?.scheduledAt).toBe(
    new Date(zonedToUtc(tomorrow, '14:30', ZONE)).toISOString(),
  );

  // The doctor's hours are written the clinic's way too, and read typed either way.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page
    .getByRole('table', { name: 'Staff accounts' })
    .getByRole('row', { name: new RegExp(DOCTOR) })
    .getByRole('button', { name: `Edit hours of ${DOCTOR}` })
    .click();
  const editor = page.getByRole('region', { name: `Hours · ${DOCTOR}` });
  const monday = editor
    .getByRole('group', { name: 'Weekly sessions', exact: true })
    .getByRole('group')
    .first();
  const to = monday.getByLabel('To', { exact: true });
  await expect(monday.getByLabel('From', { exact: true })).toHaveValue('8:00 AM');
  await expect(to).toHaveValue('6:00 PM');
  await to.fill('late');
  await to.blur();
  await expect(to).toHaveAccessibleDescription(/Enter a time such as 2:30 PM/);
  await to.fill('17:30');
  await to.blur();
  await expect(to).toHaveValue('5:30 PM');
  await editor.getByRole('button', { name: 'Save hours' }).click();
  await expect
    .poll(async () => {
      const [doctor] = await host.api('doctors.list', {});
      return doctor?.availability.weekly[0]?.end;
    })
    .toBe('17:30');
});
