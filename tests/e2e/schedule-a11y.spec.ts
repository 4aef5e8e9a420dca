// axe-core on the Schedule screen in the states people use it in: the day
// (all doctors) and week views, the booking panel (with a refusal showing),
// an appointment's details, the today list, the queue and the hours editor.
// No serious or critical violations.
import { expect, openApp, test } from './support/fixtures';
import { expectAccessible } from './support/axe';

test('the Schedule screen is accessible', async ({ page, host }) => {
  test.slow(); // generating the demo clinic
  const { logins } = await host.api('setup.createDemo', { patients: 50 });
  const admin = logins.find((l) => l.role === 'admin');
  if (!admin) throw new Error('the demo clinic has no admin login');
  await host.api('session.login', { email: admin.email, password: admin.password });
  await openApp(page, host);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule' })
    .click();

  // Day, all doctors: a week ahead, so there are bookings and free slots.
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('.tgrid .tcol').first()).toBeVisible();
  await expectAccessible(page, 'schedule day');

  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(page.locator('table.cweek')).toBeVisible();
  await expectAccessible(page, 'schedule week, all doctors');

  await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: 'Dr Ngozi Okafor' });
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.locator('.tgrid .tcol')).toHaveCount(7);
  await expectAccessible(page, 'schedule week, one doctor');

  await page
    .getByRole('button', { name: /^Book \d\d:\d\d with Dr Ngozi Okafor/ })
    .first()
    .click();
  const booking = page.getByRole('region', { name: 'Book an appointment' });
  await booking.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(booking.getByRole('alert')).toHaveText('Choose a patient first.');
  await booking.getByRole('button', { name: 'New patient…' }).click();
  await expectAccessible(page, 'booking panel');

  await page.locator('.tgrid .appt').first().click();
  await expect(page.getByTestId('appointment-status')).toBeVisible();
  await page.getByRole('button', { name: 'Reschedule…' }).click();
  await page.getByRole('button', { name: 'Cancel appointment…' }).click();
  await expectAccessible(page, 'appointment details');

  await page.getByRole('button', { name: 'Hours' }).click();
  await expect(page.getByRole('heading', { name: /^Hours · Dr Ngozi Okafor/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add exception' }).click();
  await expectAccessible(page, 'hours editor');
  await page.getByRole('button', { name: 'Back to calendar' }).click();

  await page.getByRole('button', { name: 'Today’s list' }).click();
  await expect(page.getByRole('heading', { name: /^Arrivals/ })).toBeVisible();
  await expectAccessible(page, 'today list');
  await page.getByRole('button', { name: 'Doctor’s queue' }).click();
  await expect(page.getByRole('heading', { name: /^Queue/ })).toBeVisible();
  await expectAccessible(page, 'doctor queue');
});
