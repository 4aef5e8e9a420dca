// The Admin screen: an administrator sets the idle lock (the running app uses
// the new value at once), adds a front-desk user and a doctor (whose hours
// open in the Schedule screen's editor), and both then log in with the
// passwords given. Front-desk staff cannot open Admin.
import {
  clinic,
  createClinicViaApi,
  expect,
  expectSignedIn,
  exploreDemo,
  logIn,
  openApp,
  test,
} from './support/fixtures';

const desk = { name: 'Farah Desk', email: 'farah@riverside.example', password: 'front-desk-pass' };
const doctor = {
  name: 'Dr Lena Vos',
  email: 'lena@riverside.example',
  password: 'doctor-pass-123',
};

test('an administrator sets the idle lock and adds staff who can then log in', async ({
  page,
  host,
}) => {
  await page.clock.install();
  await createClinicViaApi(host);
  await openApp(page, host);
  await expectSignedIn(page, clinic.adminName);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();

  // Clinic settings: lock after 1 idle minute.
  await page.getByRole('button', { name: 'Clinic settings' }).click();
  const minutes = page.getByLabel('Lock the screen after this many idle minutes');
  await expect(minutes).toHaveValue('5');
  await minutes.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Enter a whole number of minutes from 1 to 240')).toBeVisible();
  await minutes.fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  // Staff: a front-desk user.
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  const table = page.getByRole('table', { name: 'Staff accounts' });
  await expect(table).toContainText(clinic.adminEmail);
  await page.getByRole('button', { name: 'Add front-desk staff' }).click();
  const deskForm = page.getByRole('form', { name: 'New front-desk staff member' });
  await deskForm.getByRole('button', { name: 'Create front-desk user' }).click();
  await expect(deskForm.getByRole('alert')).toContainText('Please correct the highlighted fields');
  await deskForm.getByLabel('Full name').fill(desk.name);
  await deskForm.getByLabel('Email').fill(desk.email);
  await deskForm.getByLabel('Initial password').fill(desk.password);
  await deskForm.getByRole('button', { name: 'Create front-desk user' }).click();
  await expect(page.getByRole('status').filter({ hasText: desk.email })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(desk.name) })).toContainText('Front desk');

  // A doctor, with the fee in euros (stored as cents).
  await page.getByRole('button', { name: 'Add doctor' }).click();
  const drForm = page.getByRole('form', { name: 'New doctor' });
  await drForm.getByLabel('Full name').fill(doctor.name);
  await drForm.getByLabel('Email').fill(doctor.email);
  await drForm.getByLabel('Initial password').fill(doctor.password);
  await drForm.getByLabel('Specialty').fill('Paediatrics');
  await drForm.getByLabel('Licence number').fill('NL-55012');
  await drForm.getByLabel('Consultation fee (EUR)').fill('85.555');
  await drForm.getByLabel('Years of experience').fill('9');
  await drForm.getByRole('button', { name: 'Create doctor' }).click();
  await expect(drForm.getByText('Enter an amount in EUR, like 85.00')).toBeVisible();
  await drForm.getByLabel('Consultation fee (EUR)').fill('85.50');
  await drForm.getByRole('button', { name: 'Create doctor' }).click();
  const drRow = table.getByRole('row', { name: new RegExp(doctor.name) });
  await expect(drRow).toContainText('Paediatrics');
  await expect(drRow).toContainText('€85.50');

  // Their hours are edited under Admin → Staff (admin-hours-and-forms.spec.ts has the details).
  await drRow.getByRole('button', { name: `Edit hours of ${doctor.name}` }).click();
  await expect(page.getByRole('heading', { name: `Hours · ${doctor.name}` })).toBeVisible();

  // The running app locks after the new idle time (1 minute), not the old 5.
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();

  // The front-desk user logs in, and cannot open Admin.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await logIn(page, desk.email, desk.password);
  await expectSignedIn(page, desk.name);
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto(`${host.origin}/#/admin`);
  await expect(page.getByRole('alert')).toContainText('Your role does not have access to Admin');
  await expect(page.getByRole('table', { name: 'Staff accounts' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Log out' }).click();

  // The doctor logs in too.
  await logIn(page, doctor.email, doctor.password);
  await expectSignedIn(page, doctor.name);
  await expect(page.getByRole('banner')).toContainText('Doctor');
});

test('after a reload the lock screen still says who locked it, and the demo logins are offered', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await exploreDemo(page);
  await page.reload();
  const demo = page.getByRole('region', { name: 'Demo logins' });
  await demo
    .getByRole('button', { name: /^Log in as Front desk/ })
    .first()
    .click();
  await expect(page.getByRole('banner')).toContainText('Front desk');
  const name = (await page.locator('.topbar__user-name').textContent()) ?? '';
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByText(`This workstation is locked by ${name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.reload();
  await expect(demo.getByRole('button', { name: /^Log in as Doctor/ })).toBeVisible();
});
