// Billing against the real browser host and a real demo store: the front desk
// invoices a completed visit, takes a partial cash payment (change shown) and
// a card payment for the rest, downloads the receipt (the PDF is read back and
// its totals checked); an admin refunds part; the front desk closes the day
// with a counted difference. axe on every billing view.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDateOf, zonedToUtc } from '../../shared/scheduling';
import { pdfText } from '../core/documents/pdf-text';
import { expectAccessible } from './support/axe';
import { startHostOn, type RunningHost } from './support/host-process';

const PASSPHRASE = 'billing e2e passphrase, not a secret';
const ADMIN = 'admin@demo.ehrbs.example';
const DESK = 'reception1@demo.ehrbs.example';
const PASSWORD = 'demo-password';
const ZONE = 'Europe/London';
const DOCTOR = 'Dr Ngozi Okafor';

const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  host: async ({}, use) => {
    test.slow();
    const dataDir = await mkdtemp(join(tmpdir(), 'ehrbs-billing-'));
    const host = await startHostOn(dataDir, PASSPHRASE);
    try {
      await host.api('setup.createDemo', { patients: 30 });
      await use(host);
    } finally {
      await host.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

const loginAs = async (host: RunningHost, email: string) => {
  await host.api('session.logout', {});
  await host.api('session.login', { email, password: PASSWORD });
};

/** A visit of a new patient today before opening hours, completed. */
async function completedVisit(host: RunningHost): Promise<string> {
  await loginAs(host, DESK);
  const patient = await host.api('patients.create', {
    givenName: 'Ines',
    familyName: 'Carvalho',
    dateOfBirth: '1979-02-11',
    sex: 'female',
    bloodType: 'unknown',
    phone: '',
    email: '',
    address: '',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
  });
  const doctor = (await host.api('doctors.list', {})).find((d) => d.displayName === DOCTOR);
  if (!doctor) throw new Error(`the demo has no ${DOCTOR}`);
  const today = localDateOf(Date.now(), ZONE);
  const appt = await host.api('appointments.book', {
    doctorId: doctor.id,
    patientId: patient.id,
    scheduledAt: new Date(zonedToUtc(today, '07:00', ZONE)).toISOString(),
    durationMinutes: 15,
    notes: '',
    overbookReason: null,
  });
  for (const status of ['checked_in', 'in_progress', 'completed'] as const)
    await host.api('appointments.setStatus', { id: appt.id, status });
  return 'Ines Carvalho';
}

/** "£120.00" → 12000 */
const minorOf = (text: string): number => {
  const m = /(-?[\d,]+)\.(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in ${text}`);
  return Number((m[1] ?? '').replaceAll(',', '')) * 100 + Number(m[2]);
};

async function openBilling(page: Page, host: RunningHost) {
  await page.goto(host.launchUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Billing' })
    .click();
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
}

test('invoice a visit, pay part cash and the rest by card, receipt, refund, close the day', async ({
  page,
  host,
}) => {
  const name = await completedVisit(host);
  await openBilling(page, host);
  await expectAccessible(page, 'Billing (list)');
  await page.getByRole('button', { name: `Create invoice for ${name}` }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();
  await expectAccessible(page, 'Billing (draft)');
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  const title = page.getByRole('heading', { name: /^Invoice INV-/ });
  await expect(title).toBeVisible();
  const number = ((await title.textContent()) ?? '').replace('Invoice ', '');
  const balance = page.getByTestId('balance');
  const total = minorOf((await balance.textContent()) ?? '');
  expect(total).toBeGreaterThan(1000);

  // Part in cash: 10.00 of it, with 20.00 handed over.
  const pay = page.getByRole('form', { name: 'Take a payment' });
  await pay.getByLabel('Method').selectOption('cash');
  await pay.getByLabel('Amount').fill('10.00');
  await pay.getByLabel('Cash tendered').fill('20.00');
  await expect(pay.getByText(/Change due: .*10\.00/)).toBeVisible();
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText(/Partially paid/).first()).toBeVisible();
  await expect(balance).toHaveText(
    new RegExp(((total - 1000) / 100).toFixed(2).replace('.', '\\.')),
  );
  await expectAccessible(page, 'Billing (invoice)');

  // The rest by card.
  await pay.getByLabel('Method').selectOption('card');
  await pay.getByLabel('Amount').fill(((total - 1000) / 100).toFixed(2));
  await pay.getByLabel('Reference').fill('AUTH-424242');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.locator('.invoice .status-pill')).toHaveText('Paid');
  await expect(balance).toHaveText(/0\.00/);

  // The receipt, read back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download receipt PDF' }).click();
  const file = await (await download).path();
  const text = pdfText(await readFile(file));
  expect(text).toContain(`Receipt for invoice ${number}`);
  expect(text).toContain(`Doctor: ${DOCTOR}`);
  expect(text).toMatch(new RegExp(`Total\\s*${(total / 100).toFixed(2).replace('.', '\\.')} GBP`));
  expect(text).toMatch(/Balance due\s*0\.00 GBP/);
  expect(text).toContain('AUTH-424242');

  // An admin (who holds billing.refund) refunds part of it.
  await loginAs(host, ADMIN);
  await openBilling(page, host);
  await page.getByRole('button', { name: `Open ${number}` }).click();
  const refund = page.getByRole('form', { name: 'Refund' });
  await refund.getByLabel('Refund method').selectOption('card');
  await refund.getByLabel('Refund amount').fill('5.00');
  await refund.getByLabel('Reason for the refund').fill('Dressing not used');
  await refund.getByRole('button', { name: 'Refund' }).click();
  await expect(page.locator('.invoice .status-pill')).toHaveText('Partially refunded');
  await expect(page.getByRole('cell', { name: 'Dressing not used' })).toBeVisible();

  // The front desk closes the day: 10.00 cash expected, 9.50 counted.
  await loginAs(host, DESK);
  await openBilling(page, host);
  await page.getByRole('button', { name: 'Daily close' }).click();
  const close = page.getByRole('form', { name: 'Close the day' });
  await expect(close.getByText(/Expected cash/)).toBeVisible();
  await close.getByLabel('Counted cash').fill('lots');
  await close.getByRole('button', { name: 'Close the day' }).click();
  await expect(close.getByText(/as a number/)).toBeVisible();
  await close.getByLabel('Counted cash').fill('9.50');
  await expect(close.getByText(/Difference: .*0\.50/)).toBeVisible();
  await expectAccessible(page, 'Billing (daily close)');
  await close.getByRole('button', { name: 'Close the day' }).click();
  await expect(close.getByText('The day is closed and sealed.')).toBeVisible();
  const closes = page.getByRole('table', { name: 'Closes' });
  // Newest first; the demo sealed one close per receptionist on this workstation, so this is the third.
  const newest = closes.getByRole('row').nth(1);
  await expect(newest.getByRole('rowheader')).toHaveText(/^CLOSE-[A-Z0-9]{4}-000003$/);
  await expect(newest.getByRole('cell', { name: /-.*0\.50/ })).toBeVisible();
  // The sealed close prints: the PDF says what was counted and the difference.
  const closeNumber = (await newest.getByRole('rowheader').textContent()) ?? '';
  const closePdf = page.waitForEvent('download');
  await newest.getByRole('button', { name: `PDF of close ${closeNumber}` }).click();
  const closeText = pdfText(await readFile(await (await closePdf).path()));
  expect(closeText).toContain(`Daily close ${closeNumber}`);
  expect(closeText).toMatch(/Cash counted\s*9\.50/);
  expect(closeText).toMatch(/Difference \(short\)\s*-0\.50/);
});

test('a discounted line, an overpayment kept as credit, the patient filter and statement, and the admin’s reports with CSV', async ({
  page,
  host,
}) => {
  const name = await completedVisit(host);
  await openBilling(page, host);
  await page.getByRole('button', { name: `Create invoice for ${name}` }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();

  // A free-text line with 10 % off, and its reason.
  const line = page.getByRole('form', { name: 'Add a line' });
  await line.getByLabel('Description').fill('Dressing');
  await line.getByLabel('Unit price').fill('20.00');
  await line.getByLabel('Discount', { exact: true }).selectOption('percent');
  await line.getByLabel('Discount percent').fill('10');
  await line.getByRole('button', { name: 'Add line' }).click();
  await expect(line.getByText('Give the reason for the discount.')).toBeVisible();
  await line.getByLabel('Reason for the discount').fill('Loyalty');
  await line.getByRole('button', { name: 'Add line' }).click();
  const dressing = page
    .getByRole('table', { name: 'Lines' })
    .getByRole('row', { name: /Dressing/ });
  await expect(dressing.getByRole('cell', { name: /2\.00.*\(Loyalty\)/ })).toBeVisible();
  await expect(dressing.getByRole('cell', { name: /18\.00/ })).toBeVisible();
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(page.getByRole('heading', { name: /^Invoice INV-/ })).toBeVisible();

  // 5.00 more than is due by card: refused, then kept as the patient's credit.
  const due = minorOf((await page.getByTestId('balance').textContent()) ?? '');
  const pay = page.getByRole('form', { name: 'Take a payment' });
  await pay.getByLabel('Method').selectOption('card');
  await pay.getByLabel('Amount').fill(((due + 500) / 100).toFixed(2));
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay.getByText(/more than the balance due/)).toBeVisible();
  await pay.getByLabel('Keep anything above the balance as the patient’s credit').check();
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.locator('.invoice .status-pill')).toHaveText('Paid');
  await expect(page.getByTestId('credit')).toHaveText(/5\.00/);

  // The list for this patient only, with the statement and its PDF.
  await page.getByRole('button', { name: 'Back to invoices' }).click();
  await page.getByRole('searchbox', { name: 'Patient' }).fill('Carvalho');
  await page.getByRole('button', { name: /^Show invoices of Ines Carvalho/ }).click();
  await expect(page.getByText('Patient: Ines Carvalho')).toBeVisible();
  const rows = page.getByRole('table', { name: 'Invoices' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header and the one invoice
  await expect(rows.nth(1).getByRole('cell', { name: name })).toBeVisible();
  const statement = page.getByRole('region', { name: 'Statement' });
  await expect(statement.getByTestId('statement-balance')).toHaveText(/In credit: .*5\.00/);
  await expectAccessible(page, 'Billing (patient statement)');
  const pdf = page.waitForEvent('download');
  await statement.getByRole('button', { name: 'Download statement PDF' }).click();
  const text = pdfText(await readFile(await (await pdf).path()));
  expect(text).toContain('Statement for Ines Carvalho');
  expect(text).toContain('Balance (credit): -5.00 GBP');

  // The admin's reports: revenue by method, doctor and day, aged balances, CSV.
  await loginAs(host, ADMIN);
  await openBilling(page, host);
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('table', { name: 'Revenue by payment method' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Revenue by doctor' })).toContainText(DOCTOR);
  await expect(page.getByRole('table', { name: 'Aged balances' })).toContainText('Over 90 days');
  // Revenue by day is also drawn (uPlot canvas), with its figures in the caption.
  const chart = page.getByRole('figure', { name: 'Revenue by day chart' });
  await expect(chart).toContainText(
    /Revenue by day: invoiced \S+, net taken \S+ over \d+ days?; most taken on /,
  );
  await expect(chart.locator('canvas')).toHaveCount(1);
  const drawn = await chart.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if ((px[i] ?? 0) > 0) ink++;
    return ink;
  });
  expect(drawn).toBeGreaterThan(100);
  await expectAccessible(page, 'Billing (reports)');
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export revenue by method as CSV' }).click();
  const file = await csv;
  expect(file.suggestedFilename()).toMatch(/^billing-method-\d{4}-\d{2}-\d{2}-to-/);
  const lines = (await readFile(await file.path(), 'utf8')).split('\r\n');
  expect(lines[0]).toBe('method,payments,refunds,net,currency');
  expect(lines).toHaveLength(6);
});
