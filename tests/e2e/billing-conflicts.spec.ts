// Billing conflicts made by two workstations and a real sync server, fixed in
// the Conflicts view: while the server is down, the front desk on each
// workstation takes a payment on the same two invoices; when it is back all
// are kept, the status bar counts the conflicts, and the administrator on A
// refunds one overpayment and keeps the other as the patient's credit, each
// with one click. B then shows no conflict either.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../sync-server/src/server';
import { contextOptions } from './support/chromium';
import { startHost, type RunningHost } from './support/host-process';
import { expectAccessible } from './support/axe';
import {
  clinic,
  createClinicViaApi,
  createPatientViaApi,
  expect,
  expectSignedIn,
  logIn,
  openApp,
  test,
} from './support/fixtures';

const DESK = { email: 'fran@riverside.example', name: 'Fran Desk', password: 'desk-password-1' };
const SYNCED = { timeout: 60_000 };

test('two offline payments overpay two invoices; the admin refunds one excess and keeps the other as credit', async ({
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
    await host.api('users.create', {
      displayName: DESK.name,
      email: DESK.email,
      password: DESK.password,
      role: 'front_desk',
    });
    const patient = await createPatientViaApi(host, {
      givenName: 'Margaret',
      familyName: 'Allen',
      dateOfBirth: '1948-02-11',
      phone: '020 7946 0101',
    });
    await host.api('session.logout', {});
    await host.api('session.login', { email: DESK.email, password: DESK.password });
    const invoice = await host.api('billing.create', {
      patientId: patient.id,
      lines: [{ description: 'Consultation', quantity: 1, unitPrice: 10_000 }],
      issue: true,
    });
    const second = await host.api('billing.create', {
      patientId: patient.id,
      lines: [{ description: 'Blood test', quantity: 1, unitPrice: 3_000 }],
      issue: true,
    });
    await host.api('session.logout', {});
    await host.api('session.login', { email: clinic.adminEmail, password: clinic.adminPassword });
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
      deviceName: 'Back office',
    });

    // B has received the clinic (its first round is done) before the server goes away.
    await expect
      .poll(async () => (await hostB?.api('sync.status', {}))?.lastSyncAt ?? null, SYNCED)
      .not.toBeNull();

    // Offline: each workstation's front desk takes 7,000 of the 10,000 due.
    await server.close();
    server = null;
    for (const [h, method] of [
      [host, 'cash'],
      [hostB, 'card'],
    ] as const) {
      await h.api('session.login', { email: DESK.email, password: DESK.password });
      await h.api('billing.pay', { billingId: invoice.invoice.id, amount: 7000, method });
      await h.api('billing.pay', { billingId: second.invoice.id, amount: 2000, method });
      await h.api('session.logout', {});
    }
    server = await startServer({ dataDir, port, logLevel: 'silent' });

    // A: the administrator finds the conflict from the status bar, once both payments synced.
    await openApp(page, host);
    await logIn(page, clinic.adminEmail, clinic.adminPassword);
    await expectSignedIn(page, clinic.adminName);
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    const link = bar.getByRole('link', { name: /conflicts? to resolve/ });
    await expect(link).toBeVisible(SYNCED);
    await link.click();
    await expect(page.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeVisible();
    const entry = page.getByRole('region', {
      name: `Invoice overpaid: ${invoice.invoice.invoiceNumber ?? ''}, Margaret Allen`,
    });
    await expect(entry).toContainText('Overpaid by');
    await expect(entry).toContainText('40.00');
    await expectAccessible(page, 'billing conflict');
    await entry.getByRole('button', { name: /^Refund .*40\.00 by card$/ }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Refunded .*40\.00 by card/ }),
    ).toBeVisible();
    await expect(entry).toHaveCount(0);
    // The other: 10.00 beyond its total, kept as the patient's credit.
    const other = page.getByRole('region', {
      name: `Invoice overpaid: ${second.invoice.invoiceNumber ?? ''}, Margaret Allen`,
    });
    await other.getByRole('button', { name: /^Keep .*10\.00 as credit$/ }).click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /^Kept .*10\.00 on .* as Margaret Allen’s credit/ }),
    ).toBeVisible();
    await expect(page.getByText('No conflicts to resolve.')).toBeVisible();
    expect(await host.api('billing.patientBalance', { patientId: patient.id })).toMatchObject({
      credit: 1_000,
    });
    const detail = await host.api('billing.get', { id: invoice.invoice.id });
    expect(detail.state).toMatchObject({ conflict: null, net: 10_000, balance: 0 });

    // B: the front desk sees no conflict once the refund and the kept credit synced (no
    // "Sync now"). A pushes each as it is made, so B may pull them in two rounds: wait for both.
    const contextB = await browser.newContext(contextOptions);
    const pageB = await contextB.newPage();
    await pageB.goto(hostB.launchUrl);
    await logIn(pageB, DESK.email, DESK.password);
    await expectSignedIn(pageB, DESK.name);
    await expect
      .poll(
        async () =>
          Promise.all(
            [invoice, second].map(
              async (bill) =>
                (await hostB?.api('billing.get', { id: bill.invoice.id }))?.state.conflict,
            ),
          ),
        SYNCED,
      )
      .toEqual([null, null]);
    await pageB.goto(`${hostB.origin}/#/conflicts`);
    await expect(pageB.getByText('No conflicts to resolve.')).toBeVisible();
    await contextB.close();
  } finally {
    await hostB?.stop();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
