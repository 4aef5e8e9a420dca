// Vitals in the clinic's units, in Chromium against the real browser host: an
// admin switches Admin → Clinic settings to imperial; the doctor's vitals form
// asks for lb, in and °F, refuses an impossible temperature in °F, and the
// saved reading reads back exactly as typed (154.3 lb, 69.7 in), with BMI from
// the metric values the core stored. Switched back to metric, the same reading
// shows 70 kg and 177 cm, and the trend's axis and band follow. axe on the form.
import { expectAccessible } from './support/axe';
import { DOCTOR, addDoctor, addPatient } from './support/chart-clinic';
import { clinic, createClinicViaApi, expect, logIn, openApp, test } from './support/fixtures';

test('a clinic on imperial units types and reads vitals in lb, in and °F', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  await addDoctor(host);
  const patient = await addPatient(host);
  await host.api('session.logout', {});

  // The admin switches the clinic to imperial in Admin → Clinic settings.
  await openApp(page, host);
  await logIn(page, clinic.adminEmail, clinic.adminPassword);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Clinic settings' }).click();
  const settings = page.getByRole('form', { name: 'Clinic settings' });
  await expect(settings.getByLabel('Units for vitals')).toHaveValue('metric');
  await settings.getByLabel('Units for vitals').selectOption('imperial');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
  await page.getByRole('button', { name: 'Log out' }).click();

  await logIn(page, DOCTOR.email, DOCTOR.password);
  await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();
  await page.goto(`${host.origin}/#/chart/${patient.id}/vitals`);
  const vitals = page.getByRole('form', { name: 'Add vitals' });
  await expect(vitals.getByLabel('Weight (lb)')).toBeVisible();
  await expect(vitals.getByLabel('Height (in)')).toBeVisible();

  // An impossible temperature is refused in the unit typed; nothing is saved.
  await vitals.getByLabel('Temperature (°F)').fill('120');
  await vitals.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(vitals.getByLabel('Temperature (°F)')).toHaveAccessibleDescription(
    'Temperature must be between 77 and 113 °F',
  );
  await expectAccessible(page, 'imperial vitals form with an error');
  await expect(page.getByRole('listitem', { name: /^Vitals,/ })).toHaveCount(0);

  await vitals.getByLabel('Temperature (°F)').fill('99.1');
  await vitals.getByLabel('Weight (lb)').fill('154.3');
  await vitals.getByLabel('Height (in)').fill('69.7');
  await vitals.getByRole('button', { name: 'Save', exact: true }).click();
  const reading = page.getByRole('listitem', { name: /^Vitals,/ });
  await reading.getByRole('button', { name: 'Open' }).click();
  await expect(reading).toContainText('99.1 °F');
  await expect(reading).toContainText('154.3 lb');
  await expect(reading).toContainText('69.7 in');
  await expect(reading).toContainText('22.3'); // BMI, from the metric values
  const trends = page.getByRole('region', { name: 'Vitals trends' });
  await expect(trends.getByRole('figure', { name: 'Weight trend' })).toContainText(
    'latest 154.3 lb',
  );
  await expect(trends.getByRole('figure', { name: 'Temperature trend' })).toContainText(
    'normal 96.8–100.2 °F',
  );

  // The core stored metric values plus the values as typed.
  await host.api('session.logout', {});
  await host.api('session.login', DOCTOR);
  const timeline = await host.api('records.timeline', { patientId: patient.id });
  const id = timeline.items.find((e) => e.recordType === 'vitals')?.id ?? '';
  const stored = await host.api('records.read', { id });
  expect(stored.content).toMatchObject({
    weightKg: 69.9893,
    heightCm: 177.038,
    entered: { weightKg: { value: 154.3, unit: '[lb_av]' } },
  });

  // Back to metric: the same reading in kg and cm.
  await host.api('session.logout', {});
  await host.api('session.login', { email: clinic.adminEmail, password: clinic.adminPassword });
  await host.api('admin.updateClinicSettings', { unitSystem: 'metric' });
  await host.api('session.logout', {});
  await page.goto(host.launchUrl);
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await page.goto(`${host.origin}/#/chart/${patient.id}/vitals`);
  const again = page.getByRole('listitem', { name: /^Vitals,/ });
  await again.getByRole('button', { name: 'Open' }).click();
  await expect(again).toContainText('70 kg');
  await expect(again).toContainText('177 cm');
});
