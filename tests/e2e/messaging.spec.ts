// Staff messaging as the clinic uses it, on one workstation (the browser
// host) with people logging in and out: the front desk writes to a doctor
// about a patient, the doctor sees the unread badge, reads and replies, the
// front desk sees the reply and that it was read, the doctor files the
// message into the chart; a message to the front desk's shared inbox is
// marked handled and the other receptionist sees by whom. Axe on the screen.
import { expectAccessible } from './support/axe';
import {
  createClinicViaApi,
  expect,
  expectSignedIn,
  logIn,
  openApp,
  test,
} from './support/fixtures';
import type { Page } from '@playwright/test';

const DOC = {
  email: 'ada@riverside.example',
  name: 'Dr Ada Lovelace',
  password: 'doctor-password-1',
};
const DESK = { email: 'fran@riverside.example', name: 'Fran Desk', password: 'desk-password-1' };
const DESK2 = { email: 'sam@riverside.example', name: 'Sam Desk', password: 'desk-password-2' };

async function switchTo(page: Page, who: { email: string; name: string; password: string }) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, who.email, who.password);
  await expectSignedIn(page, who.name);
}

const openMessages = async (page: Page) => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Messages' })
    .click();
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
};

test('front desk and a doctor message about a patient; a shared inbox message is handled', async ({
  page,
  host,
}) => {
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
  for (const d of [DESK, DESK2])
    await host.api('users.create', {
      displayName: d.name,
      email: d.email,
      password: d.password,
      role: 'front_desk',
    });
  const margaret = await host.api('patients.create', {
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
  await host.api('session.logout', {});

  // The front desk writes to the doctor about Mrs Allen.
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
  await form
    .getByLabel('Message')
    .fill('Mrs Allen called about her results.\nPlease ring her back.');
  await form.getByRole('button', { name: 'Send' }).click();
  const conversation = page.getByRole('article');
  await expect(conversation.getByRole('heading', { name: 'Dr Ada Lovelace' })).toBeVisible();
  await expect(conversation.getByRole('link', { name: 'Margaret Allen' })).toBeVisible();
  await expect(conversation.getByRole('listitem')).toContainText(['Sent']);
  await expectAccessible(page, 'Messages');

  // The doctor sees the badge, opens the conversation and replies with Enter.
  await switchTo(page, DOC);
  const badge = page.getByTestId('messages-badge');
  await expect(badge).toContainText('1 unread');
  await openMessages(page);
  const inbox = page.getByTestId('inbox');
  await expect(inbox).toContainText('About Margaret Allen');
  await expect(inbox).toContainText('Fran Desk: Mrs Allen called about her results.');
  await inbox.getByRole('link', { name: /Fran Desk/ }).click();
  await expect(conversation).toContainText('Please ring her back.');
  await expect(badge).toHaveCount(0);
  const reply = page.getByLabel('Reply');
  await reply.fill('Will do at 3pm.');
  await reply.press('Shift+Enter');
  await reply.pressSequentially('Thanks.');
  await expect(reply).toHaveValue('Will do at 3pm.\nThanks.');
  await reply.press('Enter');
  await expect(reply).toHaveValue('');
  await expect(
    conversation.getByRole('list', { name: 'Messages' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expectAccessible(page, 'Messages (conversation)');

  // The front desk sees the reply, and that the doctor read the first message.
  await switchTo(page, DESK);
  await expect(badge).toContainText('1 unread');
  await openMessages(page);
  await inbox.getByRole('link', { name: /Dr Ada Lovelace/ }).click();
  const messages = conversation.getByRole('list', { name: 'Messages' }).getByRole('listitem');
  await expect(messages.nth(1)).toContainText('Will do at 3pm.');
  await expect(messages.nth(0)).toContainText('Read by Dr Ada Lovelace');

  // The doctor files the front desk's message into the chart, then writes to the front desk inbox.
  await switchTo(page, DOC);
  await openMessages(page);
  await inbox.getByRole('link', { name: /Fran Desk/ }).click();
  await messages.nth(0).getByRole('button', { name: 'File into chart' }).click();
  await expect(
    conversation.getByRole('status').filter({ hasText: 'Filed into the chart' }),
  ).toBeVisible();
  // From her chart, the doctor sees the conversation about her and gets back to it.
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/chart/${margaret.id}`);
  const about = page.locator('details.chart-messages');
  await expect(about.locator('summary')).toHaveText(/Messages about this patient \(1/);
  await about.locator('summary').click();
  await about.getByRole('link', { name: /Fran Desk/ }).click();
  await expect(messages.nth(1)).toContainText('Will do at 3pm.');
  await page.getByRole('button', { name: 'New message' }).click();
  await form.getByRole('radio', { name: 'A shared inbox' }).check();
  await form.getByRole('combobox', { name: 'Shared inbox' }).selectOption({ label: 'Front desk' });
  await form.getByLabel('Message').fill('Patient in room 2 is ready to book a follow-up.');
  await form.getByRole('checkbox', { name: 'Urgent' }).check();
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(conversation.getByRole('heading', { name: 'Front desk' })).toBeVisible();

  // Fran marks it handled; Sam sees who did.
  await switchTo(page, DESK);
  await expect(badge).toContainText('urgent');
  await openMessages(page);
  await inbox.getByRole('link', { name: /Front desk/ }).click();
  await expect(conversation).toContainText('Not handled yet');
  await conversation.getByRole('button', { name: 'Mark handled' }).click();
  await expect(conversation).toContainText('Handled by Fran Desk');

  await switchTo(page, DESK2);
  await openMessages(page);
  await expect(inbox.getByRole('link', { name: /Front desk/ })).toContainText(
    'Handled by Fran Desk',
  );
  await inbox.getByRole('link', { name: /Front desk/ }).click();
  await expect(conversation).toContainText('Handled by Fran Desk');
  await expect(conversation.getByRole('button', { name: 'Mark handled' })).toHaveCount(0);
  await expectAccessible(page, 'Messages (shared inbox)');

  // Search finds what Sam may read, and nothing of the others' private conversation.
  const search = page.getByLabel('Search messages');
  await search.fill('room 2');
  await expect(inbox.getByRole('link')).toHaveCount(1);
  await expect(inbox.getByRole('link')).toContainText('Front desk');
  await search.fill('ring her back');
  await expect(
    page.getByRole('status').filter({ hasText: 'No conversations match.' }),
  ).toBeVisible();
  await search.fill('');

  // Sam archives the handled conversation: gone from his inbox only, listed
  // under Archived, and back when the doctor writes again.
  const show = page.getByRole('group', { name: 'Show' });
  await inbox.getByRole('link', { name: /Front desk/ }).click();
  await conversation.getByRole('button', { name: 'Archive' }).click();
  await expect(conversation.getByRole('button', { name: 'Move to inbox' })).toBeVisible();
  await expect(inbox.getByRole('link', { name: /Front desk/ })).toHaveCount(0);
  await show.getByRole('button', { name: 'Archived' }).click();
  await expect(inbox.getByRole('link', { name: /Front desk/ })).toBeVisible();
  await expectAccessible(page, 'Messages (archived)');
  await switchTo(page, DESK);
  await openMessages(page);
  await expect(inbox.getByRole('link', { name: /Front desk/ })).toBeVisible();
  await switchTo(page, DOC);
  await openMessages(page);
  await inbox.getByRole('link', { name: /Front desk/ }).click();
  await page.getByLabel('Reply').fill('Also please book bloods.');
  await page.getByLabel('Reply').press('Enter');
  await expect(page.getByLabel('Reply')).toHaveValue('');
  await switchTo(page, DESK2);
  await openMessages(page);
  await expect(inbox.getByRole('link', { name: /Front desk/ })).toContainText(
    'Also please book bloods.',
  );
});
