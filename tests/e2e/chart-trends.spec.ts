// Trends in the chart, in Chromium against the real browser host: the vitals
// tab draws a chart per vital (uPlot canvas, normal band), the lab tab a chart
// per repeated test with the latest result's flag from its range. axe on both.
import { expectAccessible } from './support/axe';
import { DOCTOR, addDoctor, addPatient } from './support/chart-clinic';
import { createClinicViaApi, expect, logIn, openApp, test } from './support/fixtures';

test('a doctor opens the vitals and lab trends', async ({ page, host }) => {
  await createClinicViaApi(host);
  await addDoctor(host);
  const patient = await addPatient(host);
  await host.api('session.logout', {});
  await host.api('session.login', DOCTOR);
  for (const [month, heartRate, value] of [
    [1, 72, 4.2],
    [2, 118, 4.8],
    [3, 66, 5.6],
  ] as const) {
    const recordedAt = `2026-0${month}-10T09:00:00.000Z`;
    await host.api('records.create', {
      patientId: patient.id,
      recordType: 'vitals',
      content: { heartRate, systolic: 120 + month * 10, diastolic: 80 },
      recordedAt,
      sign: true,
    });
    await host.api('records.create', {
      patientId: patient.id,
      recordType: 'lab_result',
      content: { test: 'Potassium', value, unit: 'mmol/L', referenceRange: '3.5-5.0' },
      recordedAt,
      sign: true,
    });
  }
  await host.api('session.logout', {});

  await openApp(page, host);
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();
  await page.goto(`${host.origin}/#/chart/${patient.id}/vitals`);
  const vitals = page.getByRole('region', { name: 'Vitals trends' });
  const hr = vitals.getByRole('figure', { name: 'Heart rate trend' });
  await expect(hr).toContainText('latest 66 /min · normal 50–100 /min · 3 readings');
  await expect(hr.locator('canvas')).toHaveCount(1);
  await expect(vitals.getByRole('figure', { name: 'Systolic pressure trend' })).toBeVisible();
  await expectAccessible(page, 'vitals trends');

  await page.goto(`${host.origin}/#/chart/${patient.id}/lab_result`);
  const labs = page.getByRole('region', { name: 'Lab trends' });
  await expect(labs.getByRole('figure', { name: 'Potassium trend' })).toContainText('3 readings');
  await expect(labs).toContainText('Latest: High (reference 3.5-5.0)');
  await expectAccessible(page, 'lab trends');
});
