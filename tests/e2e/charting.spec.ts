// Charting against the real browser host in Chromium: a doctor logs in and
// lands on their day, starts a visit from it, writes a SOAP note whose draft
// survives a reload, completes the visit and signs, sees the note signed in
// the timeline and amends it; impossible vitals are refused on the field;
// an allergy appears in the header. axe on every chart view. The front desk
// cannot open a chart, even by its address.
import { localDateOf, zonedToUtc } from '../../shared/scheduling';
import { expectAccessible } from './support/axe';
import { createClinicViaApi, expect, logIn, openApp, test } from './support/fixtures';
import type { RunningHost } from './support/host-process';

const ZONE = 'Europe/Amsterdam'; // createClinicViaApi's clinic
const DOCTOR = { email: 'lena.vos@riverside.example', password: 'doctor-password-1' };
const DESK = { email: 'fran@riverside.example', password: 'desk-password-1' };

/** A clinic with a doctor, a front-desk user and one patient checked in today; nobody logged in. */
async function checkedInToday(host: RunningHost) {
  await createClinicViaApi(host);
  const doctor = await host.api('doctors.create', {
    displayName: 'Dr Lena Vos',
    specialty: 'General Practice',
    licenseNumber: 'BIG-1234',
    consultationFee: 6000,
    experienceYears: 12,
    ...DOCTOR,
  });
  await host.api('users.create', { displayName: 'Fran Desk', role: 'front_desk', ...DESK });
  const patient = await host.api('patients.create', {
    givenName: 'Amara',
    familyName: 'Lindqvist',
    dateOfBirth: '1984-03-09',
    sex: 'female',
    bloodType: 'O+',
    phone: '',
    email: '',
    address: '',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
  });
  const doctorId = doctor.doctor?.id ?? '';
  const appt = await host.api('appointments.book', {
    doctorId,
    patientId: patient.id,
    scheduledAt: new Date(zonedToUtc(localDateOf(Date.now(), ZONE), '12:00', ZONE)).toISOString(),
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });
  await host.api('appointments.setStatus', { id: appt.id, status: 'checked_in' });
  await host.api('session.logout', {});
  return { patientId: patient.id };
}

test('a doctor charts a visit from their day: draft, sign, amend, allergies in the header', async ({
  page,
  host,
}) => {
  const { patientId } = await checkedInToday(host);
  await openApp(page, host);
  await logIn(page, DOCTOR.email, DOCTOR.password);

  // The doctor lands on their day, the checked-in patient first.
  await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();
  const queue = page.getByRole('list', { name: 'Today’s appointments' });
  await expect(queue.getByRole('listitem').first()).toContainText('Amara Lindqvist');
  await expect(queue.getByRole('listitem').first()).toContainText('Checked in');
  await expectAccessible(page, 'doctor’s day');

  // Start visit: the visit note, with the chart header above it.
  await queue.getByRole('button', { name: 'Start visit: Amara Lindqvist' }).click();
  await expect(page.getByRole('heading', { name: 'Visit note' })).toBeVisible();
  const header = page.getByRole('region', { name: 'Patient summary' });
  await expect(header).toContainText('Amara Lindqvist');
  await expect(page.getByTestId('chart-allergies')).toHaveText('Allergies not recorded');
  await page.getByLabel('Subjective').fill('Dry cough for two weeks, no fever.');
  await page.getByLabel('Plan').fill('Review in two weeks if no better.');
  await expect(page.getByRole('status').filter({ hasText: /^Draft saved/ })).toBeVisible();
  await expectAccessible(page, 'visit note');

  // The draft is back after a reload.
  await page.reload();
  await expect(page.getByLabel('Subjective')).toHaveValue('Dry cough for two weeks, no fever.');
  await expect(page.getByLabel('Plan')).toHaveValue('Review in two weeks if no better.');

  // Complete the visit and sign: the note is in the timeline, signed.
  await page.getByRole('button', { name: 'Complete visit' }).click();
  await page.getByRole('button', { name: 'Sign and complete' }).click();
  const note = page.getByRole('listitem', { name: /^Note,/ });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Signed');
  await expect(note).toContainText('Dr Lena Vos');
  await note.getByRole('button', { name: 'Open' }).click();
  await expect(note).toContainText('Dry cough for two weeks, no fever.');
  await expect(note.getByRole('button', { name: 'Sign' })).toHaveCount(0);
  await expectAccessible(page, 'chart timeline');

  // Amend: a new record beneath; the original says "Amended" and keeps its text.
  await note.getByRole('button', { name: 'Amend' }).click();
  const amend = page.getByRole('form', { name: 'Amend note' });
  await amend.getByRole('button', { name: 'Save and sign' }).click();
  await expect(amend.getByLabel('Amendment')).toHaveAccessibleDescription(
    'write the note before saving it',
  );
  await amend.getByLabel('Amendment').fill('Addendum: chest clear on re-examination.');
  await amend.getByRole('button', { name: 'Save and sign' }).click();
  const notes = page.getByRole('listitem', { name: /^Note,/ });
  await expect(notes).toHaveCount(2);
  await expect(notes.filter({ hasText: 'Amendment' })).toContainText('Signed');
  await expect(notes.filter({ hasText: 'Amended' })).toHaveCount(1);

  // Vitals: an impossible value is refused on its field; an abnormal one is accepted and flagged.
  const sections = page.getByRole('group', { name: 'Chart sections' });
  await sections.getByRole('button', { name: 'Vitals' }).click();
  const vitals = page.getByRole('form', { name: 'Add vitals' });
  await vitals.getByLabel('Systolic pressure (mmHg)').fill('400');
  await vitals.getByLabel('Diastolic pressure (mmHg)').fill('20');
  await vitals.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(vitals.getByLabel('Systolic pressure (mmHg)')).toHaveAccessibleDescription(
    'Systolic pressure must be between 50 and 300 mmHg',
  );
  await expect(page.getByRole('listitem', { name: /^Vitals,/ })).toHaveCount(0);
  await vitals.getByLabel('Systolic pressure (mmHg)').fill('180');
  await vitals.getByLabel('Diastolic pressure (mmHg)').fill('110');
  await vitals.getByRole('button', { name: 'Save', exact: true }).click();
  const reading = page.getByRole('listitem', { name: /^Vitals,/ });
  await expect(reading).toContainText('Unsigned');
  await reading.getByRole('button', { name: 'Open' }).click();
  await expect(reading).toContainText('180/110 mmHg (abnormal)');
  await expectAccessible(page, 'vitals section');

  // A problem found by searching the offline ICD-10 list shows in the header.
  await sections.getByRole('button', { name: 'Problems' }).click();
  const problem = page.getByRole('form', { name: 'Add problem' });
  await problem.getByLabel('Description').fill('hypert');
  await problem
    .getByRole('list', { name: 'Matching ICD-10 codes' })
    .getByRole('button', { name: /^I10 · Essential/ })
    .click();
  await expect(problem.getByRole('textbox', { name: 'ICD-10 code' })).toHaveValue('I10');
  await problem.getByRole('button', { name: 'Save and sign' }).click();
  await expect(page.getByTestId('chart-problems')).toHaveText(
    'Essential (primary) hypertension (I10)',
  );
  await expectAccessible(page, 'problems section');

  // An allergy, signed, shows in the header on every tab.
  await sections.getByRole('button', { name: 'Allergies' }).click();
  const allergy = page.getByRole('form', { name: 'Add allergy' });
  await allergy.getByLabel('Substance').fill('Penicillin');
  await allergy.getByLabel('Reaction').fill('Hives');
  await allergy.getByLabel('Severity').selectOption('severe');
  await allergy.getByRole('button', { name: 'Save and sign' }).click();
  await expect(page.getByTestId('chart-allergies')).toHaveText('Penicillin (severe)');
  await expectAccessible(page, 'allergies section');

  // Prescribing a drug the patient is allergic to warns; going on needs an acknowledgement.
  await sections.getByRole('button', { name: 'Medications' }).click();
  const rx = page.getByRole('form', { name: 'Add prescription' });
  await rx.getByLabel('Drug').fill('Amoxicillin');
  await rx.getByLabel('Dose').fill('500 mg');
  await rx.getByLabel('Frequency').fill('three times a day');
  await rx.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(rx.getByRole('alert').first()).toContainText('matches an allergy');
  await expect(page.getByRole('listitem', { name: /^Prescription,/ })).toHaveCount(0);
  await rx.getByLabel('I have checked the allergy; prescribe anyway').check();
  await rx.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('listitem', { name: /^Prescription,/ })).toHaveCount(1);
  await expectAccessible(page, 'medications section');
  await sections.getByRole('button', { name: 'Timeline' }).click();
  await expect(page.getByTestId('chart-allergies')).toHaveText('Penicillin (severe)');
  await expect(page).toHaveURL(new RegExp(`#/chart/${patientId}$`));
});

test('the front desk cannot open a chart, by address or otherwise', async ({ page, host }) => {
  const { patientId } = await checkedInToday(host);
  await openApp(page, host);
  await logIn(page, DESK.email, DESK.password);
  await expect(page.getByRole('banner')).toContainText('Fran Desk');
  await page.goto(`${host.origin}/#/chart/${patientId}`);
  await expect(page.getByRole('alert')).toContainText('Your role does not have access to Chart');
  await expect(page.getByRole('region', { name: 'Patient summary' })).toHaveCount(0);
  // Nor does the core answer this session (the page's own): clinical channels are refused.
  await expect(host.api('chart.summary', { patientId })).rejects.toThrow(/FORBIDDEN/);
  await expect(host.api('records.timeline', { patientId })).rejects.toThrow(/FORBIDDEN/);
});
