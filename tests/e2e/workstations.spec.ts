// Admin → Sync → Workstations with a second host and a real sync server:
// the admin renames the second workstation and revokes it; the revoked one is
// refused by the server and its status bar and Sync section say so plainly.
import type { Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../server/helpers/server';
import { contextOptions } from './support/chromium';
import { startHost, type RunningHost } from './support/host-process';
import { expectAccessible } from './support/axe';
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  logIn,
  openApp,
  test,
} from './support/fixtures';

async function openSync(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
}

test('an admin renames and revokes a workstation; the revoked one is refused and says so', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(180_000);
  let server: TestServer | null = null;
  let hostB: RunningHost | null = null;
  try {
    server = await startTestServer();
    hostB = await startHost();
    await createClinicViaApi(host);
    await host.api('sync.connect', {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      adminToken: server.adminToken,
      deviceName: 'Front desk',
    });
    const { code } = await host.api('sync.enrollmentCode', {});
    await hostB.api('setup.joinClinic', {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      code,
      deviceName: 'Consulting room B',
    });

    // B: its first sync done, the admin logs in there.
    const contextB = await browser.newContext(contextOptions);
    const pageB = await contextB.newPage();
    await pageB.goto(hostB.launchUrl);
    await expect(pageB.getByRole('heading', { name: 'Log in' })).toBeVisible({ timeout: 90_000 });
    await logIn(pageB, clinic.adminEmail, clinic.adminPassword);
    await expectSignedIn(pageB, clinic.adminName);

    // A: the list of workstations, from the server.
    await openApp(page, host);
    await expectSignedIn(page, clinic.adminName);
    await openSync(page);
    const table = page.getByRole('table', { name: "The clinic's workstations" });
    await expect(table.getByRole('row')).toHaveCount(3);
    const rowB = table.getByRole('row', { name: /Consulting room B/ });
    await expect(rowB).toContainText('Active');
    await expect(rowB).toContainText('Not known here');
    await expect(table.getByRole('row', { name: /Front desk/ })).toContainText(
      'Active (this workstation)',
    );
    await expectAccessible(page, 'admin workstations');

    await page.getByRole('button', { name: 'Rename Consulting room B' }).click();
    const rename = page.getByRole('form', { name: 'Rename Consulting room B' });
    await rename.getByLabel('New name').fill('Room 2');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Renamed to Room 2.' })).toBeVisible();
    const row2 = table.getByRole('row', { name: /Room 2/ });
    await expect(row2).toBeVisible();

    await page.getByRole('button', { name: 'Revoke Room 2' }).click();
    const confirm = page.getByRole('group', { name: 'Revoke Room 2' });
    await expect(confirm).toContainText('will be lost');
    await confirm.getByRole('button', { name: 'Revoke this workstation' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /Room 2 is revoked: .* are lost\./ }),
    ).toBeVisible();
    await expect(row2).toContainText('Revoked');
    await expect(page.getByRole('button', { name: 'Revoke Room 2' })).toHaveCount(0);

    // B: refused by the server from now on, and it says so.
    await openSync(pageB);
    await pageB.getByRole('button', { name: 'Sync now' }).click();
    await expect(
      pageB.getByRole('alert').filter({ hasText: 'This workstation was revoked' }),
    ).toBeVisible();
    await expect(pageB.getByRole('contentinfo', { name: 'Sync status' })).toContainText(
      'Revoked — the clinic removed this workstation from sync',
    );
    await expectAccessible(pageB, 'revoked workstation');
    await contextB.close();
  } finally {
    await hostB?.stop();
    await server?.stop();
  }
});
