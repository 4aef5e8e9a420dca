// Messaging between two workstations and a real sync server (HTTPS, mutual
// TLS), with nobody pressing "Sync now": the front desk on workstation A writes
// to a doctor about a patient; the doctor, logged in on workstation B, sees the
// unread badge and the message appear without a reload, and the patient link
// takes her to the chart (the front desk's link goes to the patient's
// details). Then the server stops: a message sent on A says "Waiting to sync",
// and once the server is back it becomes "Sent" and arrives on B by itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../sync-server/src/server';
import { contextOptions } from './support/chromium';
import { startHost, type RunningHost } from './support/host-process';
import { expectAccessible } from './support/axe';
import {
  createClinicViaApi,
  expect,
  expectSignedIn,
  logIn,
  openApp,
  test,
} from './support/fixtures';

const DOC = { email: 'ada@riverside.example', name: 'Dr Ada Lovelace', password: 'doctor-pass-1' };
const DESK = { email: 'fran@riverside.example', name: 'Fran Desk', password: 'desk-password-1' };

const openMessages = async (page: Page) => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Messages' })
    .click();
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
};

/** Within a few of the scheduler's 2 s rounds on a loaded machine; no "Sync now" anywhere. */
const ARRIVES = { timeout: 30_000 };

test('a message sent on one workstation reaches the doctor on another by itself, also after the server was down', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ehrbs-e2e-server-'));
  let server: RunningServer | null = null;
  let hostB: RunningHost | null = null;
  try {
    server = await startServer({ dataDir, port: 0, logLevel: 'silent' });
    const { url, port, caFingerprint } = server;
    hostB = await startHost();

    await createClinicViaApi(host);
    await host.api('doctors.create', {
      displayName: DOC.name,
      email: DOC.email,
      password: DOC.password,
      specialty: 'General Practice',
      licenseNumber: 'GP-1',
      consultationFee: 5000,
      experienceYears: 10,
    });
    await host.api('users.create', {
      displayName: DESK.name,
      email: DESK.email,
      password: DESK.password,
      role: 'front_desk',
    });
    const patient = await host.api('patients.create', {
      givenName: 'Margaret',
      familyName: 'Allen',
      dateOfBirth: '1948-02-11',
      sex: 'female',
      bloodType: 'unknown',
      phone: '020 7946 0101',
      email: '',
      address: '',
      emergencyContact: null,
      insuranceProvider: '',
      insurancePolicyNumber: '',
    });
    await host.api('sync.connect', {
      serverUrl: url,
      fingerprint: caFingerprint,
      adminToken: server.newAdminToken ?? '',
      deviceName: 'Front desk',
    });
    const { code } = await host.api('sync.enrollmentCode', {});
    await host.api('session.logout', {});
    await hostB.api('setup.joinClinic', {
      serverUrl: url,
      fingerprint: caFingerprint,
      code,
      deviceName: 'Consulting room 1',
    });

    // B: the doctor logs in and waits on her inbox.
    const contextB = await browser.newContext(contextOptions);
    const pageB = await contextB.newPage();
    await pageB.goto(hostB.launchUrl);
    await expect(pageB.getByRole('heading', { name: 'Log in' })).toBeVisible({ timeout: 90_000 });
    await logIn(pageB, DOC.email, DOC.password);
    await expectSignedIn(pageB, DOC.name);
    await openMessages(pageB);
    const badgeB = pageB.getByTestId('messages-badge');
    await expect(badgeB).toHaveCount(0);

    // A: the front desk writes to the doctor about Mrs Allen.
    await openApp(page, host);
    await logIn(page, DESK.email, DESK.password);
    await expectSignedIn(page, DESK.name);
    await openMessages(page);
    await page.getByRole('button', { name: 'New message' }).click();
    const form = page.getByRole('form', { name: 'New message' });
    await form.getByRole('checkbox', { name: /Dr Ada Lovelace/ }).check();
    await form.getByRole('checkbox', { name: 'About a patient' }).check();
    await form.getByLabel('Find patient').fill('Allen');
    await form.getByRole('radio', { name: /Allen, Margaret/ }).check();
    await form.getByLabel('Message').fill('Mrs Allen called about her results.');
    await form.getByRole('button', { name: 'Send' }).click();
    const conversationA = page.getByRole('article');
    await expect(conversationA.getByRole('heading', { name: 'Dr Ada Lovelace' })).toBeVisible();
    await expect(conversationA.getByRole('listitem').last()).toContainText('Sent', ARRIVES);

    // B: badge and inbox update by themselves.
    await expect(badgeB).toContainText('1 unread', ARRIVES);
    const inboxB = pageB.getByTestId('inbox');
    await expect(inboxB).toContainText('Fran Desk: Mrs Allen called about her results.');
    await inboxB.getByRole('link', { name: /Fran Desk/ }).click();
    const conversationB = pageB.getByRole('article');
    await expect(conversationB).toContainText('Mrs Allen called about her results.');
    await expect(badgeB).toHaveCount(0);
    await expectAccessible(pageB, 'Messages on the second workstation');

    // The front desk's patient link goes to the details; the doctor's to the chart.
    await expect(conversationA.getByRole('link', { name: 'Margaret Allen' })).toHaveAttribute(
      'href',
      new RegExp(`^#/patients/${patient.id}`),
    );
    await conversationB.getByRole('link', { name: 'Margaret Allen' }).click();
    await expect(pageB).toHaveURL(new RegExp(`#/chart/${patient.id}`));
    await pageB.goBack();
    await expect(conversationB).toContainText('Mrs Allen called about her results.');

    // The server goes down: A's next message waits, and is delivered once it is back.
    await server.close();
    server = null;
    const reply = page.getByLabel('Reply');
    await reply.fill('She will call again at 3pm.');
    await reply.press('Enter');
    const last = conversationA.getByRole('list', { name: 'Messages' }).getByRole('listitem').last();
    await expect(last).toContainText('She will call again at 3pm.');
    await expect(last).toContainText('Waiting to sync');
    await expect(page.getByRole('contentinfo', { name: 'Sync status' })).toContainText(
      'Offline',
      ARRIVES,
    );
    await expect(last).toContainText('Waiting to sync');

    server = await startServer({ dataDir, port, logLevel: 'silent' });
    await expect(last).toContainText(/Sent|Read by/, { timeout: 60_000 });
    await expect(
      conversationB.getByRole('list', { name: 'Messages' }).getByRole('listitem').last(),
    ).toContainText('She will call again at 3pm.', { timeout: 60_000 });
    await contextB.close();
  } finally {
    await hostB?.stop();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
