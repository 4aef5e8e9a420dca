// The sync screenshots: workstation A (the demo clinic, admin logged in on
// Admin → Sync) connects to a real sync server and creates a one-time code;
// workstation B joins from first run; an overlapping booking on each shows
// in the Conflicts view. Called by scripts/screenshots.ts.
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { contextOptions } from '../tests/e2e/support/chromium';
import { startHost, type RunningHost } from '../tests/e2e/support/host-process';
import type { TestServer } from '../tests/server/helpers/server';
import { outDir, shot } from './screenshot-shot';

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Synced\./ })
    .waitFor();
}

export async function syncShots(
  browser: Browser,
  page: Page,
  host: RunningHost,
  server: TestServer,
): Promise<void> {
  const form = page.getByRole('form', { name: 'Connect to a sync server' });
  await form.getByLabel('Server address').fill(server.server.url);
  await form.getByLabel('Server fingerprint').fill(server.server.caFingerprint);
  await form.getByLabel('Server admin token').fill(server.adminToken);
  await form.getByLabel('Workstation name').fill('Front desk');
  await form.getByRole('button', { name: 'Connect' }).click();
  await page.getByText('Connected to a sync server.').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'New workstation code' }).click();
  const code = await page.getByLabel('One-time code').inputValue();
  await shot(page, '18-admin-sync-code');

  const hostB = await startHost();
  const context = await browser.newContext(contextOptions);
  try {
    const pageB = await context.newPage();
    await pageB.goto(hostB.launchUrl);
    await pageB.getByRole('button', { name: 'Join an existing clinic' }).click();
    await pageB.getByLabel('Server address').fill(server.server.url);
    await pageB.getByLabel('Server fingerprint').fill(server.server.caFingerprint);
    await pageB.getByLabel('One-time code').fill(code);
    await pageB.getByLabel('Workstation name').fill('Consulting room 2');
    await shot(pageB, '19-join-clinic');
    await pageB.getByRole('button', { name: 'Join clinic' }).click();
    await pageB.getByRole('progressbar').waitFor();
    await pageB.screenshot({ path: join(outDir, '20-join-progress.png') });
    console.log('docs/screenshots/20-join-progress.png');
    await pageB.getByRole('heading', { name: 'Log in' }).waitFor({ timeout: 120_000 });
    const status = await host.api('setup.status', {});
    const admin = status.demoLogins?.find((l) => l.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    await pageB.getByLabel('Email').fill(admin.email);
    await pageB.getByLabel('Password').fill(admin.password);
    await pageB.getByRole('button', { name: 'Log in', exact: true }).click();
    await pageB.getByRole('navigation', { name: 'Main' }).waitFor();

    const patients = (await host.api('patients.search', { query: '', limit: 2 })).items;
    const [doctor] = await host.api('doctors.list', {});
    if (!doctor || !patients[0] || !patients[1]) throw new Error('demo clinic too small');
    const at = new Date(Date.now() + 86_400_000);
    at.setUTCHours(7, 0, 0, 0);
    const book = (h: RunningHost, patientId: string) =>
      h.api('appointments.book', {
        doctorId: doctor.id,
        patientId,
        scheduledAt: at.toISOString(),
        durationMinutes: 20,
        overbookReason: 'screenshot of a conflict',
      });
    await Promise.all([book(host, patients[0].id), book(hostB, patients[1].id)]);
    await syncNow(page);
    await syncNow(pageB);
    await syncNow(page);
    await page.goto(`${host.origin}/#/conflicts`);
    await page
      .getByRole('region', { name: /double-booked/ })
      .first()
      .waitFor();
    await shot(page, '21-conflicts');
  } finally {
    await context.close();
    await hostB.stop();
  }
}
