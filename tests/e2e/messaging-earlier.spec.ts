// "Show earlier messages" in a long conversation (the browser host): the pane
// opens on the latest 100 of 130 messages; the button above the oldest one
// prepends the earlier page while the message the user was looking at stays
// where it was on screen, until the first message is shown and the button is
// gone (focus then on the first message). Axe on the pane. And "Show older
// conversations" below an inbox longer than its first page (30): every
// conversation once, newest first, then the button is gone.
import { expectAccessible } from './support/axe';
import {
  createClinicViaApi,
  expect,
  expectSignedIn,
  logIn,
  openApp,
  test,
} from './support/fixtures';

const DOC = {
  email: 'ada@riverside.example',
  name: 'Dr Ada Lovelace',
  password: 'doctor-password-1',
};
const DESK = { email: 'fran@riverside.example', name: 'Fran Desk', password: 'desk-password-1' };
const TOTAL = 130;

/** The clinic with the doctor and the front desk; returns the desk's user id, logged in as the doctor. */
async function clinicWithTwo(host: Parameters<typeof createClinicViaApi>[0]): Promise<string> {
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
  const desk = await host.api('users.create', {
    displayName: DESK.name,
    email: DESK.email,
    password: DESK.password,
    role: 'front_desk',
  });
  await host.api('session.logout', {});
  await host.api('session.login', { email: DOC.email, password: DOC.password });
  return desk.id;
}

test('a long conversation shows earlier messages in place until the first one', async ({
  page,
  host,
}) => {
  const deskId = await clinicWithTwo(host);
  const { conversationId } = await host.api('messages.start', {
    to: { kind: 'users', userIds: [deskId] },
    body: 'Message 1',
  });
  for (let i = 2; i <= TOTAL; i++)
    await host.api('messages.reply', { conversationId, body: `Message ${i}` });
  await host.api('session.logout', {});

  await openApp(page, host);
  await logIn(page, DESK.email, DESK.password);
  await expectSignedIn(page, DESK.name);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Messages' })
    .click();
  await page
    .getByTestId('inbox')
    .getByRole('link', { name: /Dr Ada Lovelace/ })
    .click();

  const conversation = page.getByRole('article');
  const items = conversation.getByRole('list', { name: 'Messages' }).getByRole('listitem');
  const body = (n: number) =>
    conversation.locator('.message__body').getByText(`Message ${n}`, { exact: true });
  await expect(body(TOTAL)).toBeVisible();
  await expect(items).toHaveCount(100);
  await expect(body(1)).toHaveCount(0);
  const earlier = conversation.getByRole('button', { name: 'Show earlier messages' });
  await expectAccessible(page, 'Messages (conversation with earlier messages)');

  for (let clicks = 0; (await earlier.count()) > 0; clicks++) {
    expect(clicks, 'the button goes once the first message is shown').toBeLessThan(5);
    const shown = await items.count();
    // The oldest message shown now: it stays where it is while the page above it arrives.
    const oldest = items.first();
    await earlier.scrollIntoViewIfNeeded();
    const before = await oldest.boundingBox();
    await earlier.click();
    await expect.poll(() => items.count()).toBeGreaterThan(shown);
    const anchor = items.nth((await items.count()) - shown);
    await expect(anchor).toHaveAttribute('data-message-id', /.+/);
    const after = await anchor.boundingBox();
    expect(before).not.toBeNull();
    expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThanOrEqual(1);
  }

  await expect(earlier).toHaveCount(0);
  await expect(body(1)).toBeVisible();
  await expect(items.first()).toBeFocused();
  await expect(
    conversation.getByRole('status').filter({ hasText: 'start of the conversation' }),
  ).toHaveCount(1);
  // Every message once, in order: no gap or duplicate where the pages meet.
  expect(await conversation.locator('.message__body').allTextContents()).toEqual(
    Array.from({ length: TOTAL }, (_, i) => `Message ${i + 1}`),
  );
  await expectAccessible(page, 'Messages (whole conversation)');
});

test('an inbox longer than a page shows older conversations below it', async ({ page, host }) => {
  const deskId = await clinicWithTwo(host);
  const COUNT = 34;
  for (let i = 1; i <= COUNT; i++)
    await host.api('messages.start', {
      to: { kind: 'users', userIds: [deskId] },
      body: `Topic ${i}`,
    });
  await host.api('session.logout', {});

  await openApp(page, host);
  await logIn(page, DESK.email, DESK.password);
  await expectSignedIn(page, DESK.name);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Messages' })
    .click();
  const rows = page.getByTestId('inbox').getByRole('listitem');
  await expect(rows).toHaveCount(30);
  await expect(rows.first()).toContainText(`Topic ${COUNT}`);
  const older = page.getByRole('button', { name: 'Show older conversations' });
  await expectAccessible(page, 'Messages (inbox with older conversations)');
  await older.click();
  await expect(rows).toHaveCount(COUNT);
  await expect(older).toHaveCount(0);
  // Each conversation once, newest first (all unread and none urgent, so by time).
  const lines = await page.getByTestId('inbox').locator('.inbox__line').allTextContents();
  expect(lines.map((l) => /Topic (\d+)/.exec(l)?.[1])).toEqual(
    Array.from({ length: COUNT }, (_, i) => String(COUNT - i)),
  );
});
