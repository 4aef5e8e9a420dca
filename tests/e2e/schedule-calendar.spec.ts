// The all-doctors day calendar as a receptionist works it, on the demo clinic's
// seven doctors at 1366×800: every appointment's patient name shows (in full,
// or truncated with the full text on hover and as its accessible name);
// columns keep a readable width and scroll sideways under a fixed time
// column; an open booking or details panel hides no column being worked in;
// free slots say so on hover; the grid is one Tab stop whose arrow keys move
// between slots and appointments, Enter booking or opening; axe finds nothing
// serious.
import type { Locator, Page } from '@playwright/test';
import { addDaysToDate, isoWeekdayOf, localDateOf } from '../../shared/scheduling';
import { expectAccessible } from './support/axe';
import { expect, openApp, test } from './support/fixtures';

const ZONE = 'Europe/London'; // the demo clinic's zone

/** The next Tuesday to Thursday after today: every demo doctor works, and it is booked. */
function busyDay(): { date: string; steps: number } {
  const today = localDateOf(Date.now(), ZONE);
  for (let steps = 1; ; steps++) {
    const date = addDaysToDate(today, steps);
    if ([2, 3, 4].includes(isoWeekdayOf(date))) return { date, steps };
  }
}

type Box = { x: number; y: number; width: number; height: number };
async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The calendar's scrollport, the part of the grid on screen (without the sticky head and times). */
async function workArea(page: Page): Promise<Box> {
  const port = await box(page.locator('.schedule__calendar'));
  const head = await box(page.locator('.tgrid__corner'));
  return {
    x: port.x + head.width,
    y: port.y + head.height,
    width: port.width - head.width,
    height: port.height - head.height,
  };
}

async function openDay(page: Page, host: Parameters<typeof openApp>[1], role: string) {
  const { logins } = await host.api('setup.createDemo', { patients: 600 });
  const login = logins.find((l) => l.role === role);
  if (!login) throw new Error(`the demo clinic has no ${role} login`);
  await host.api('session.login', { email: login.email, password: login.password });
  await page.setViewportSize({ width: 1366, height: 800 });
  await openApp(page, host);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  const { date, steps } = busyDay();
  for (let i = 0; i < steps; i++) await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('.tgrid .tgrid__head')).toHaveCount(7);
  return date;
}

test('seven doctors at 1366×800: names readable, columns scroll under a fixed time column, panels hide no column', async ({
  page,
  host,
}) => {
  test.slow(); // generating the demo clinic
  const date = await openDay(page, host, 'front_desk');
  const { appointments } = await host.api('schedule.range', { fromDate: date, toDate: date });
  expect(appointments.length).toBeGreaterThan(20);
  await expect(page.locator('.tgrid .appt')).toHaveCount(appointments.length);

  // Columns keep a readable width; the grid scrolls sideways instead.
  for (const head of await page.locator('.tgrid__head').all()) {
    expect((await box(head)).width).toBeGreaterThanOrEqual(160);
  }
  const calendar = page.locator('.schedule__calendar');
  const [scrollWidth, clientWidth] = await calendar.evaluate((el) => [
    el.scrollWidth,
    el.clientWidth,
  ]);
  expect(scrollWidth).toBeGreaterThan(clientWidth);

  // Every patient's name is on its block: on the block's first line (not wrapped
  // out of sight), and either in full or with the full text as the tooltip and name.
  const names = new Map(appointments.map((a) => [a.id, a.patientName]));
  const shown = await page.locator('.tgrid .appt').evaluateAll((blocks) =>
    blocks.map((b) => {
      const name = b.querySelector('.appt__name');
      const outer = b.getBoundingClientRect();
      const inner = name?.getBoundingClientRect();
      return {
        id: b.getAttribute('data-appointment-id') ?? '',
        text: name?.textContent ?? '',
        // On the block's first line, not wrapped below its bottom edge.
        onBlock: !!inner && inner.height > 0 && inner.bottom <= outer.bottom + 1,
        fits: !!name && name.scrollWidth <= name.clientWidth,
        title: b.getAttribute('title') ?? '',
        width: inner?.width ?? 0,
      };
    }),
  );
  for (const s of shown) {
    const full = names.get(s.id) ?? 'unknown appointment';
    expect(s.text).toBe(full);
    expect(s.onBlock, `${full} shows on its block`).toBe(true);
    expect(s.width, `${full} is not cut to nothing`).toBeGreaterThan(40);
    if (!s.fits) expect(s.title, `${full} in full on hover`).toContain(full);
  }
  const someBlock = page.locator('.tgrid .appt').first();
  await expect(someBlock).toHaveAccessibleName(
    new RegExp(names.get((await someBlock.getAttribute('data-appointment-id')) ?? '') ?? '^$'),
  );

  // The time column stays put while the doctors scroll past it.
  const gutter = page.locator('.tgrid__gutter');
  const before = await box(gutter);
  await calendar.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  expect((await box(gutter)).x).toBeCloseTo(before.x, 0);

  // A free slot says it is free on hover (transparent text before).
  const lastColumn = page
    .locator('.tgrid .tcol')
    .filter({ has: page.locator('.tcol__slot') })
    .last();
  const freeSlot = lastColumn.locator('.tcol__slot').last();
  const colour = () => freeSlot.evaluate((el) => getComputedStyle(el).color);
  expect(await colour()).toBe('rgba(0, 0, 0, 0)');
  await freeSlot.hover();
  expect(await colour()).not.toBe('rgba(0, 0, 0, 0)');
  await expect(freeSlot).toContainText('+ Book');

  // Booking in the last doctor's column: the panel hides neither that column nor
  // the slot, and nothing is pushed off the window.
  const slotLabel = (await freeSlot.getAttribute('aria-label')) ?? '';
  await freeSlot.click();
  const booking = page.getByRole('region', { name: 'Book an appointment' });
  await expect(booking).toBeVisible();
  const slotAfter = page.getByRole('button', { name: slotLabel, exact: true });
  const panelBox = await box(booking);
  expect(overlaps(await box(calendar), panelBox)).toBe(false);
  expect(inside(await box(slotAfter), await workArea(page))).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  // The date field shows a whole date.
  expect((await box(booking.getByLabel('Date'))).width).toBeGreaterThanOrEqual(150);
  await expectAccessible(page, 'all-doctors day with the booking panel');

  // Details of the last doctor's last appointment: the same.
  const lastBlock = page
    .locator('.tgrid .tcol')
    .filter({ has: page.locator('.appt') })
    .last()
    .locator('.appt')
    .last();
  const lastId = (await lastBlock.getAttribute('data-appointment-id')) ?? '';
  await lastBlock.click();
  await expect(page.getByTestId('appointment-status')).toBeVisible();
  expect(overlaps(await box(calendar), await box(page.locator('.side-panel')))).toBe(false);
  const chosen = page.locator(`[data-appointment-id="${lastId}"]`);
  expect(inside(await box(chosen), await workArea(page))).toBe(true);
  await expectAccessible(page, 'all-doctors day with the details panel');
});

test('the grid is one Tab stop: arrow keys move between slots and appointments, Enter books or opens', async ({
  page,
  host,
}) => {
  test.slow(); // generating the demo clinic
  await openDay(page, host, 'front_desk');
  await expectAccessible(page, 'all-doctors day');

  // Tab from the doctor picker (Export .ics is off for all doctors) lands on one item of the grid; the next Tab leaves it.
  await page.getByRole('combobox', { name: 'Doctor' }).focus();
  await page.keyboard.press('Tab');
  const focused = page.locator('.tgrid :focus');
  await expect(focused).toHaveCount(1);
  const first = (await focused.getAttribute('data-nav')) ?? '';
  expect(await page.locator('.tgrid [tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('Tab');
  await expect(page.locator('.tgrid :focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.tgrid :focus')).toHaveAttribute('data-nav', first);

  // Down walks the first column in time order.
  const column = (l: Locator) =>
    l.evaluate((el) => el.closest('.tcol')?.getAttribute('aria-label'));
  const top = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().top);
  const firstColumn = await column(focused);
  const y0 = await top(focused);
  await page.keyboard.press('ArrowDown');
  await expect(focused).not.toHaveAttribute('data-nav', first);
  expect(await column(focused)).toBe(firstColumn);
  expect(await top(focused)).toBeGreaterThan(y0);
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('data-nav', first);

  // Right goes to the next doctor, near the same time; Left comes back.
  await page.keyboard.press('ArrowRight');
  expect(await column(focused)).not.toBe(firstColumn);
  await page.keyboard.press('ArrowLeft');
  expect(await column(focused)).toBe(firstColumn);

  // To a free slot, then Enter books it (the form opens on that time).
  for (let i = 0; i < 60; i++) {
    if ((await focused.getAttribute('class'))?.includes('tcol__slot')) break;
    await page.keyboard.press('ArrowDown');
  }
  const label = (await focused.getAttribute('aria-label')) ?? '';
  const time = /^Book (\d\d:\d\d)/.exec(label)?.[1] ?? 'no slot reached';
  await page.keyboard.press('Enter');
  const booking = page.getByRole('region', { name: 'Book an appointment' });
  await expect(booking.getByRole('textbox', { name: 'Time' })).toHaveValue(time);
  await page.keyboard.press('Escape');
  await expect(booking).toHaveCount(0);

  // To an appointment, then Enter opens it.
  const grid = page.locator('.tgrid');
  await grid.locator('[tabindex="0"]').focus();
  for (let i = 0; i < 60; i++) {
    if ((await focused.getAttribute('class'))?.includes('appt')) break;
    await page.keyboard.press('ArrowDown');
  }
  const id = (await focused.getAttribute('data-appointment-id')) ?? 'no appointment reached';
  const { appointments } = await host.api('schedule.range', {
    fromDate: busyDay().date,
    toDate: busyDay().date,
  });
  const name = appointments.find((a) => a.id === id)?.patientName ?? 'not found';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name })).toBeVisible();
});

test('Day and Week share one fetch per week; the all-doctors week renders only the doctors on screen', async ({
  page,
  host,
}) => {
  test.slow(); // generating the demo clinic
  await openDay(page, host, 'front_desk');
  const fetches: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/schedule.range')) fetches.push(r.url());
  });
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  const table = page.locator('table.cweek');
  await expect(table).toBeVisible();
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.locator('.tgrid')).toBeVisible();
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(table).toBeVisible();
  expect(fetches).toEqual([]);

  // Seven doctors in the table's row count, fewer rows in the DOM; scrolling brings the last.
  await expect(table).toHaveAttribute('aria-rowcount', '8');
  const rows = table.locator('tbody tr:not(.cweek__spacer)');
  expect(await rows.count()).toBeLessThan(7);
  const doctors = await host.api('doctors.list', {});
  const last = doctors.at(-1)?.displayName ?? 'no doctor';
  await expect(table.getByRole('rowheader', { name: last })).toHaveCount(0);
  await page.locator('.schedule__calendar').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.getByRole('rowheader', { name: last })).toBeVisible();
  await expectAccessible(page, 'all-doctors week, scrolled');
});
