// The browser host answers only the page it served: requests need the
// per-launch secret and must not come from another site.
import { expect, test } from './support/fixtures';

test('API requests without the launch secret are refused', async ({ host, request }) => {
  const noSecret = await request.post(`${host.origin}/api/setup.status`, { data: {} });
  expect(noSecret.status()).toBe(401);
  expect(await noSecret.json()).toMatchObject({ ok: false });

  const wrongSecret = await request.post(`${host.origin}/api/setup.status`, {
    data: {},
    headers: { 'x-ehrbs-secret': 'guessed-secret' },
  });
  expect(wrongSecret.status()).toBe(401);
  expect(await wrongSecret.json()).toMatchObject({ ok: false });
});

test('API requests from another origin are refused, even with the secret', async ({
  host,
  request,
}) => {
  const foreign = await request.post(`${host.origin}/api/setup.status`, {
    data: {},
    headers: { 'x-ehrbs-secret': host.secret, origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ ok: false });

  // The same request from the host's own origin is answered: the refusal above
  // is about the origin, not a broken endpoint.
  const own = await request.post(`${host.origin}/api/setup.status`, {
    data: {},
    headers: { 'x-ehrbs-secret': host.secret, origin: host.origin },
  });
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ ok: true, value: { state: 'needs_setup' } });
});

test('the page opened without the printed address says what to do', async ({ host, page }) => {
  await page.goto(host.origin + '/');
  await expect(
    page.getByRole('heading', { name: 'Open the address printed by `npm run web`' }),
  ).toBeVisible();
  await expect(page.getByLabel('Clinic name')).toHaveCount(0);
});
