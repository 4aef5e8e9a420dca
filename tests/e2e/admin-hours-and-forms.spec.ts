// Forms that send the cursor somewhere after a refusal, and the page around
// them: the hours editor opens from Admin → Staff under Admin's heading, the
// page does not outgrow the window (the status bar stays at the bottom), and a
// refused save is summarised at the form's top with the first bad field
// focused; the New patient form, submitted from the bottom of the page, brings
// its error summary and the first invalid field (with its label) into view;
// /favicon.ico is served. axe on the hours editor.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { createClinicViaApi, expect, openApp, test } from './support/fixtures';

const DOCTOR = 'Dr Ngozi Okafor';

/** The window itself does not scroll, and the status bar sits on the window's bottom edge. */
async function expectPageFitsWindow(page: Page): Promise<void> {
  const fit = await page.evaluate(() => {
    const bar = document.querySelector('footer.statusbar')?.getBoundingClientRect();
    return {
      overflow: document.documentElement.scrollHeight - window.innerHeight,
      barBottom: bar ? Math.round(bar.bottom) : -1,
      height: window.innerHeight,
    };
  });
  expect(fit.overflow).toBeLessThanOrEqual(0);
  expect(fit.barBottom).toBe(fit.height);
}

test("the hours editor opens under Admin's heading, fits the window, and points at the bad field", async ({
  page,
  host,
}) => {
  test.slow(); // generating the demo clinic
  const { logins } = await host.api('setup.createDemo', { patients: 10 });
  const admin = logins.find((l) => l.role === 'admin');
  if (!admin) throw new Error('the demo clinic has no admin login');
  await host.api('session.login', { email: admin.email, password: admin.password });
  await openApp(page, host);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page
    .getByRole('table', { name: 'Staff accounts' })
    .getByRole('row', { name: new RegExp(DOCTOR) })
    .getByRole('button', { name: `Edit hours of ${DOCTOR}` })
    .click();

  await expect(page).toHaveURL(/#\/admin\/staff\/hours\//);
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toHaveCount(0);
  const editor = page.getByRole('region', { name: `Hours · ${DOCTOR}` });
  await expect(editor.getByRole('heading', { level: 2 })).toBeFocused();
  await expectPageFitsWindow(page);
  await expectAccessible(page, 'hours editor under Admin');

  // A break that ends before it starts (09:00 to 08:00), added at the end of the list, saved from the bottom.
  await editor.getByRole('button', { name: 'Add break' }).click();
  const breaks = editor.getByRole('group', { name: 'Breaks', exact: true });
  const added = breaks.getByRole('group').last();
  await added.getByLabel('To', { exact: true }).fill('08:00');
  await editor.getByRole('button', { name: 'Save hours' }).click();

  const summary = editor.getByRole('alert');
  await expect(summary).toBeVisible();
  const end = added.getByLabel('To', { exact: true });
  await expect(end).toBeFocused();
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toBeInViewport();
  // The summary sits at the form's top: right under its heading, above every field.
  const top = async (locator: ReturnType<Page['locator']>) =>
    (await locator.boundingBox())?.y ?? Number.NaN;
  const slot = editor.getByLabel('Slot length (minutes)');
  expect(await top(summary)).toBeLessThan(await top(slot));
  expect(await top(summary)).toBeGreaterThan(await top(editor.getByRole('heading', { level: 2 })));
  await expectPageFitsWindow(page);
  await expectAccessible(page, 'hours editor with a refusal');

  await editor.getByRole('button', { name: 'Back to staff' }).click();
  await expect(page).toHaveURL(/#\/admin\/staff$/);
  await expect(page.getByRole('table', { name: 'Staff accounts' })).toBeVisible();
});

test('a refused new patient brings the error summary and the first invalid field into view', async ({
  page,
  host,
}) => {
  await createClinicViaApi(host);
  await page.setViewportSize({ width: 1366, height: 800 });
  await openApp(page, host);
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Given name').fill('Amara');
  await page.getByLabel('Family name').fill('Lindqvist');
  await page.getByLabel('Date of birth').fill('1984-03-09');
  await page.getByLabel('Sex').selectOption('female');
  // Half an emergency contact: its phone, far down the form, is the field to fix.
  await page.getByLabel('Contact name').fill('Jonas Lindqvist');
  await page.getByLabel('Policy number').fill('ZK-448812');
  // Submitted from the bottom of the form, as after filling it in.
  const register = page.getByRole('button', { name: 'Register patient' });
  await register.scrollIntoViewIfNeeded();
  await register.click();

  const summary = page.getByRole('alert');
  await expect(summary).toBeVisible();
  await expect(summary).toBeInViewport();
  const phone = page.getByLabel('Contact phone');
  await expect(phone).toBeFocused();
  await expect(phone).toHaveAccessibleDescription('Required');
  await expect(phone).toBeInViewport();
  await expect(page.locator('label', { hasText: 'Contact phone' })).toBeInViewport();
});

test('the browser finds a favicon at /favicon.ico', async ({ page, host }) => {
  const answer = await page.request.get(`${host.origin}/favicon.ico`);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('image/x-icon');
  expect((await answer.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});
