// Screenshots of each screen into docs/screenshots/, taken from the real app
// (the browser host in a temp data dir, the demo clinic), the same way the
// end-to-end tests drive it. Sync screens use a real sync server (in process)
// and a second host that joins the clinic. Run: node bin/run-ts.js scripts/screenshots.ts
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions, contextOptions } from '../tests/e2e/support/chromium';
import { startHost } from '../tests/e2e/support/host-process';
import { startTestServer } from '../tests/server/helpers/server';
import { outDir, shot } from './screenshot-shot';
import { syncShots } from './screenshots-sync';

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const host = await startHost();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage(contextOptions);
    const role = (name: string) =>
      page.getByRole('button', { name: new RegExp(`^Log in as ${name}`) });

    await page.goto(host.origin + '/');
    await shot(page, '01-no-launch-secret');

    await page.goto(host.launchUrl);
    await page.getByLabel('Clinic name').waitFor();
    await shot(page, '02-first-run');

    await page.getByRole('button', { name: 'Explore the demo clinic' }).click();
    await page.getByRole('region', { name: 'Demo logins' }).waitFor({ timeout: 60_000 });
    await shot(page, '03-login-demo');

    await page.getByLabel('Email').fill('someone@demo.ehrbs.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await shot(page, '04-login-error');

    await role('Front desk').click();
    const list = page.getByRole('listbox', { name: 'Patients' });
    await list.getByRole('option').first().getByText(/^Born/).waitFor();
    await shot(page, '05-patients-list');

    await page.getByLabel('Search patients').fill('ma');
    await page.getByText(/matching “ma”/).waitFor();
    await list.getByRole('option').first().getByText(/^Born/).waitFor();
    await shot(page, '06-patients-search');

    await list.getByRole('option').first().click();
    await page.getByRole('article').getByText('Medical record number').waitFor();
    await shot(page, '07-patient-details');

    await page.getByRole('button', { name: 'Edit patient' }).click();
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    await shot(page, '08-patient-edit');

    await page.getByRole('button', { name: 'New patient' }).click();
    await page.getByLabel('Given name').fill('Amara');
    await page.getByLabel('Email').fill('amara.at.example');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('alert').waitFor();
    await shot(page, '09-patient-new-errors');

    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await shot(page, '10-schedule');

    await page.goto(`${host.origin}/#/admin`);
    await page.getByRole('alert').waitFor();
    await shot(page, '11-admin-refused-front-desk');

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Locked' }).waitFor();
    await shot(page, '12-locked');

    await page.getByRole('button', { name: 'Switch user' }).click();
    await role('Administrator').click();
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('table', { name: 'Staff accounts' }).waitFor();
    await shot(page, '13-admin-staff');

    await page.getByRole('button', { name: 'Add doctor' }).click();
    await page.getByLabel('Full name').fill('Dr Lena Vos');
    await page.getByLabel('Consultation fee (GBP)').fill('85.555');
    await page.getByRole('button', { name: 'Create doctor' }).click();
    await page.getByRole('alert').waitFor();
    await shot(page, '14-admin-new-doctor-errors');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Clinic settings' }).click();
    await page.getByLabel('Lock the screen after this many idle minutes').waitFor();
    await shot(page, '15-admin-settings');

    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await page.getByRole('form', { name: 'Connect to a sync server' }).waitFor();
    await page
      .getByRole('contentinfo', { name: 'Sync status' })
      .screenshot({ path: join(outDir, '16-status-bar-pending.png') });
    console.log('docs/screenshots/16-status-bar-pending.png');
    await shot(page, '17-admin-sync-connect');

    const server = await startTestServer();
    try {
      await syncShots(browser, page, host, server);
    } finally {
      await server.stop();
    }
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main();
