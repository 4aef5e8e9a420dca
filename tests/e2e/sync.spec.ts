// Two workstations and a real sync server (HTTPS, mutual TLS), driven through
// the UI: workstation A connects in Admin and creates a one-time code;
// workstation B joins from first run, shows its progress, then A's admin logs
// in on B and finds A's patient. Overlapping bookings made on each show up in
// both Conflicts views after "Sync now"; cancelling one on A ends it on both.
import type { Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../server/helpers/server';
import { contextOptions } from './support/chromium';
import { startHost, type RunningHost } from './support/host-process';
import { expectAccessible } from './support/axe';
import { expect, exploreDemo, logIn, openApp, test } from './support/fixtures';

const DEMO_PASSWORD = 'demo-password';

async function syncNowInAdmin(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Synced\./ })).toBeVisible();
}

test('two workstations sync through a server: join, log in, conflicts and their resolution', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(240_000);
  let server: TestServer | null = null;
  let hostB: RunningHost | null = null;
  try {
    server = await startTestServer();
    hostB = await startHost();

    // Workstation A: the demo clinic, connected by its administrator in Admin → Sync.
    await openApp(page, host);
    await exploreDemo(page);
    const status = await host.api('setup.status', {});
    const admin = status.demoLogins?.find((l) => l.role === 'admin');
    if (!admin) throw new Error('the demo clinic has no admin login');
    await page
      .getByRole('button', { name: /^Log in as Administrator/ })
      .first()
      .click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .click();
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    const connect = page.getByRole('form', { name: 'Connect to a sync server' });
    await connect.getByLabel('Server address').fill(server.server.url);
    await connect.getByLabel('Server fingerprint').fill(server.server.caFingerprint);
    await connect.getByLabel('Server admin token').fill(server.adminToken);
    await connect.getByLabel('Workstation name').fill('Front desk A');
    await connect.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText('Connected to a sync server.')).toBeVisible({ timeout: 30_000 });
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await expect(bar).toContainText('Online');
    await expect(bar).toContainText(/Last sync (just now|\d+ minutes? ago)/);

    await page.getByRole('button', { name: 'New workstation code' }).click();
    const codeBox = page.getByLabel('One-time code');
    await expect(codeBox).toHaveValue(/^\S+\.\S+\.\S+$/);
    await expect(page.getByText(/^Expires /)).toBeVisible();
    const code = await codeBox.inputValue();
    await expectAccessible(page, 'admin sync with a code');

    // Workstation B: a fresh data dir joins from first run.
    const contextB = await browser.newContext(contextOptions);
    const pageB = await contextB.newPage();
    await pageB.goto(hostB.launchUrl);
    await pageB.getByRole('button', { name: 'Join an existing clinic' }).click();
    await pageB.getByLabel('Server address').fill(server.server.url);
    await pageB.getByLabel('Server fingerprint').fill(server.server.caFingerprint);
    await pageB.getByLabel('One-time code').fill(code);
    await pageB.getByLabel('Workstation name').fill('Consulting room B');
    await pageB.getByRole('button', { name: 'Join clinic' }).click();
    const progress = pageB.getByRole('progressbar', { name: 'Receiving the clinic’s data' });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);

    // Then the login screen: A's admin logs in with the password they already have.
    await expect(pageB.getByRole('heading', { name: 'Log in' })).toBeVisible({ timeout: 90_000 });
    await logIn(pageB, admin.email, DEMO_PASSWORD);
    await expect(pageB.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const patients = (await host.api('patients.search', { query: '', limit: 50 })).items;
    const full = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;
    const p1 = patients[0];
    const p2 = patients.find((p) => p1 && full(p) !== full(p1));
    if (!p1 || !p2) throw new Error('the demo clinic has too few patients');
    await pageB.getByLabel('Search patients').fill(p1.medicalRecordNumber);
    await expect(pageB.getByRole('listbox', { name: 'Patients' })).toContainText(p1.familyName);

    // The same doctor booked at the same time on each workstation, before they sync.
    const [doctor] = await host.api('doctors.list', {});
    if (!doctor) throw new Error('the demo clinic has no doctors');
    const at = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 3, 3, 0)).toISOString();
    const book = (h: RunningHost, patientId: string) =>
      h.api('appointments.book', {
        doctorId: doctor.id,
        patientId,
        scheduledAt: at,
        durationMinutes: 20,
      });
    await Promise.all([book(host, p1.id), book(hostB, p2.id)]);

    await syncNowInAdmin(page);
    await syncNowInAdmin(pageB);
    await syncNowInAdmin(page);
    const name1 = full(p1);
    const name2 = full(p2);
    const conflictOn = (p: Page) =>
      p
        .getByRole('region', { name: /^Doctor double-booked/ })
        .filter({ hasText: name1 })
        .filter({ hasText: name2 });
    for (const p of [page, pageB]) {
      await p
        .getByRole('contentinfo', { name: 'Sync status' })
        .getByRole('link', { name: /conflicts? to resolve/ })
        .click();
      await expect(p.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeVisible();
      await expect(conflictOn(p)).toBeVisible();
    }
    await expectAccessible(page, 'conflicts');

    // Cancelled on A, with a reason: gone on A at once, and on B after syncing.
    const first = conflictOn(page).getByRole('listitem', {
      name: `${name1} with ${doctor.displayName}`,
    });
    await first.getByRole('button', { name: 'Cancel this appointment…' }).click();
    await first.getByLabel('Reason for cancelling').fill('Booked twice while offline');
    await first.getByRole('button', { name: 'Confirm cancellation' }).click();
    await expect(conflictOn(page)).toHaveCount(0);
    await syncNowInAdmin(page);
    await syncNowInAdmin(pageB);
    await pageB.goto(`${hostB.origin}/#/conflicts`);
    await expect(pageB.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeVisible();
    await expect(pageB.getByText('Loading conflicts…')).toHaveCount(0);
    await expect(conflictOn(pageB)).toHaveCount(0);
    await contextB.close();
  } finally {
    await hostB?.stop();
    await server?.stop();
  }
});
