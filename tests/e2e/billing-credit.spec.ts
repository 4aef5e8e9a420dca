// A patient's credit against the real browser host: change kept as credit at
// the desk pays part of the next visit's invoice in one click ("Pay … from
// credit"), shown in the invoice's totals and its credit panel; an admin undoes
// that payment from credit and the invoice is due again, the credit back.
// axe on the invoice with its credit panel.
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

test('change kept as credit pays the next invoice; an admin undoes it', async ({ page, host }) => {
  await createClinicViaApi(host);
  await host.api('users.create', {
    displayName: DESK.name,
    email: DESK.email,
    password: DESK.password,
    role: 'front_desk',
  });
  await host.api('session.logout', {});
  await host.api('session.login', { email: DESK.email, password: DESK.password });
  const patient = await createPatientViaApi(host, {
    givenName: 'Margaret',
    familyName: 'Allen',
    dateOfBirth: '1948-02-11',
    phone: '020 7946 0101',
  });
  const invoice = (unitPrice: number) =>
    host.api('billing.create', {
      patientId: patient.id,
      lines: [{ description: 'Consultation', quantity: 1, unitPrice }],
      issue: true,
    });
  // Last week: 80.00 due, a 100.00 note, the 20.00 change kept as credit.
  const first = await invoice(8_000);
  await host.api('billing.pay', {
    billingId: first.invoice.id,
    amount: 10_000,
    method: 'cash',
    tendered: 10_000,
    excessAsCredit: true,
  });
  const second = await invoice(5_000);
  const number = second.invoice.invoiceNumber ?? '';
  await host.api('session.logout', {});

  await openApp(page, host);
  await logIn(page, DESK.email, DESK.password);
  await expectSignedIn(page, DESK.name);
  const openInvoice = async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Billing' })
      .click();
    await page.getByRole('button', { name: `Open ${number}` }).click();
    await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
  };
  await openInvoice();
  const credit = page.getByRole('region', { name: 'Patient credit' });
  await expect(credit.getByTestId('patient-credit')).toHaveText(
    /Margaret Allen has .*20\.00 of credit/,
  );
  await credit.getByRole('button', { name: /^Pay .*20\.00 from credit$/ }).click();
  await expect(page.getByTestId('from-credit')).toHaveText(/20\.00/);
  await expect(page.getByTestId('balance')).toHaveText(/30\.00/);
  await expect(page.locator('.invoice .status-pill')).toHaveText('Partially paid');
  await expect(credit.getByRole('table', { name: 'Paid from credit' })).toContainText('20.00');
  // The front desk may not undo it (that is a correction, billing.refund).
  await expect(credit.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await expectAccessible(page, 'Billing (invoice paid from credit)');
  // What the core holds: the credit spent, no money taken.
  const held = await host.api('billing.get', { id: second.invoice.id });
  expect(held.state).toMatchObject({ paid: 0, fromCredit: 2_000, balance: 3_000 });
  expect(held.patientCredit).toBe(0);

  // The administrator undoes it: due again, the credit back.
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, clinic.adminEmail, clinic.adminPassword);
  await expectSignedIn(page, clinic.adminName);
  await openInvoice();
  await credit.getByRole('button', { name: /^Undo the payment of .*20\.00 from credit$/ }).click();
  await expect(page.getByTestId('balance')).toHaveText(/50\.00/);
  await expect(page.getByTestId('from-credit')).toHaveCount(0);
  await expect(credit.getByTestId('patient-credit')).toHaveText(/has .*20\.00 of credit/);
  const undone = await host.api('billing.get', { id: second.invoice.id });
  expect(undone.state).toMatchObject({ status: 'issued', fromCredit: 0, balance: 5_000 });
});
