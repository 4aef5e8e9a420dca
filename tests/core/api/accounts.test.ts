// Staff accounts through the same dispatch both transports use, with the
// workstation's clock under the test's control: login throttling, the idle
// lock enforced by the core, deactivation, roles, temporary passwords and
// changing one's own password.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';

const ADMIN = { email: HARBOUR_CLINIC.adminEmail, password: HARBOUR_CLINIC.adminPassword };
const DESK = { email: 'desk@example.test', password: 'desk-password-1' };

let clock = Date.parse('2026-12-02T09:00:00.000Z');
const open: { app: CoreApp; cleanup: () => void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.app.close();
    o.cleanup();
  }
});

/** A clinic (idle lock 5 minutes) with its admin and a front-desk user; nobody logged in. */
async function clinic() {
  const t = tempDir();
  const app = await openCoreApp({
    dataDir: t.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
    now: () => clock,
  });
  open.push({ app, cleanup: t.cleanup });
  await app.dispatch('setup.createClinic', HARBOUR_CLINIC);
  const desk = await ok(app, 'users.create', {
    displayName: 'Fran Desk',
    role: 'front_desk',
    ...DESK,
  });
  await app.dispatch('session.logout', {});
  return { app, deskId: desk.id };
}

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

const errorOf = async (app: CoreApp, channel: string, request: unknown) => {
  const res = await app.dispatch(channel, request);
  if (res.ok) throw new Error(`${channel} was expected to fail`);
  return res.error;
};

const failedLogins = (app: CoreApp) =>
  (
    writableDb(app.workstation.requireStore())
      .prepare("SELECT count(*) AS n FROM audit_logs WHERE action = 'login_failed'")
      .get() as { n: number }
  ).n;

describe('login throttling on this workstation', () => {
  it('lets five wrong passwords through, then makes each try wait longer, and says how long', async () => {
    const { app } = await clinic();
    for (let i = 0; i < 4; i++) {
      expect(
        await errorOf(app, 'session.login', { ...DESK, password: 'wrong-password' }),
      ).toMatchObject({
        code: 'WRONG_PASSWORD',
      });
    }
    // The fifth wrong password starts the wait: 1 s.
    expect(
      await errorOf(app, 'session.login', { ...DESK, password: 'wrong-password' }),
    ).toMatchObject({
      code: 'THROTTLED',
      message: 'Wrong email or password. Try again in 1 second.',
    });
    // Even the right password waits, and is not checked.
    expect(await errorOf(app, 'session.login', DESK)).toMatchObject({
      code: 'THROTTLED',
      message: expect.stringMatching(/Try again in 1 second/),
    });
    clock += 1_000;
    expect(
      await errorOf(app, 'session.login', { ...DESK, password: 'wrong-password' }),
    ).toMatchObject({
      message: expect.stringMatching(/Try again in 2 seconds/),
    });
    clock += 2_000;
    expect(
      await errorOf(app, 'session.login', { ...DESK, password: 'wrong-password' }),
    ).toMatchObject({
      message: expect.stringMatching(/Try again in 4 seconds/),
    });
    // Capped at five minutes, however many tries.
    for (let i = 0; i < 12; i++) {
      clock += 10 * 60_000;
      await errorOf(app, 'session.login', { ...DESK, password: 'wrong-password' });
    }
    expect(await errorOf(app, 'session.login', DESK)).toMatchObject({
      message: expect.stringMatching(/Try again in 5 minutes/),
    });
    expect(failedLogins(app)).toBeGreaterThanOrEqual(19);
    // The right password after the wait logs in and clears the count.
    clock += 5 * 60_000;
    expect((await ok(app, 'session.login', DESK)).user.email).toBe(DESK.email);
    await app.dispatch('session.logout', {});
    for (let i = 0; i < 4; i++)
      expect((await errorOf(app, 'session.login', { ...DESK, password: 'x' })).code).toBe(
        'WRONG_PASSWORD',
      );
  });

  it("throttles one account without touching another's", async () => {
    const { app } = await clinic();
    for (let i = 0; i < 6; i++) await errorOf(app, 'session.login', { ...DESK, password: 'nope' });
    expect((await errorOf(app, 'session.login', DESK)).code).toBe('THROTTLED');
    expect((await ok(app, 'session.login', ADMIN)).user.role).toBe('admin');
  });
});

describe('the idle lock, enforced by the core', () => {
  it('locks a session idle for the clinic idle minutes; activity postpones it; the password unlocks', async () => {
    const { app } = await clinic();
    await ok(app, 'session.login', DESK);
    clock += 4 * 60_000;
    expect((await app.dispatch('session.touch', {})).ok).toBe(true);
    clock += 4 * 60_000;
    // 8 minutes after login, 4 after the last activity: still open.
    expect((await app.dispatch('patients.search', { query: '' })).ok).toBe(true);
    clock += 60_000;
    expect(await errorOf(app, 'patients.search', { query: '' })).toMatchObject({ code: 'LOCKED' });
    // A late "activity" from an old tab does not reopen it.
    expect((await errorOf(app, 'session.touch', {})).code).toBe('LOCKED');
    expect((await ok(app, 'setup.status', {})).state).toBe('locked');
    await ok(app, 'session.unlock', { password: DESK.password });
    expect((await app.dispatch('patients.search', { query: '' })).ok).toBe(true);
  });
});

describe('staff accounts an admin manages', () => {
  it('a deactivated user cannot log in, and their open session ends; reactivated, they can', async () => {
    const { app, deskId } = await clinic();
    await ok(app, 'session.login', ADMIN);
    const off = await ok(app, 'users.setActive', { userId: deskId, active: false });
    expect(off.active).toBe(false);
    await app.dispatch('session.logout', {});
    expect((await errorOf(app, 'session.login', DESK)).code).toBe('WRONG_PASSWORD');
    await ok(app, 'session.login', ADMIN);
    await ok(app, 'users.setActive', { userId: deskId, active: true });
    await app.dispatch('session.logout', {});
    await ok(app, 'session.login', DESK);
    // Deactivated while logged in (here, as by a sync from another workstation): the next call ends it.
    const store = app.workstation.requireStore();
    writableDb(store).prepare('UPDATE users SET active = 0 WHERE id = ?').run(deskId);
    expect(await errorOf(app, 'patients.search', { query: '' })).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/deactivated/),
    });
    expect((await ok(app, 'setup.status', {})).state).toBe('logged_out');
  });

  it('keeps the last active admin: not deactivated, not demoted, and not by themselves', async () => {
    const { app, deskId } = await clinic();
    const me = await ok(app, 'session.login', ADMIN);
    expect(
      await errorOf(app, 'users.setActive', { userId: me.user.id, active: false }),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await errorOf(app, 'users.setRole', { userId: me.user.id, role: 'front_desk' }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/last active administrator/),
    });
    // With a second admin, the first can be demoted (by the second).
    const second = await ok(app, 'users.setRole', {
      userId: deskId,
      role: 'admin',
      permissions: ['users.manage'],
    });
    expect(second).toMatchObject({ role: 'admin', permissions: ['users.manage'] });
    await app.dispatch('session.logout', {});
    await ok(app, 'session.login', DESK);
    const demoted = await ok(app, 'users.setRole', { userId: me.user.id, role: 'front_desk' });
    expect(demoted).toMatchObject({ role: 'front_desk', permissions: null });
    expect(
      await errorOf(app, 'users.setRole', { userId: deskId, role: 'front_desk' }),
    ).toMatchObject({
      message: expect.stringMatching(/last active administrator/),
    });
  });

  it('a temporary password must be changed at next login; nothing else works until then', async () => {
    const { app, deskId } = await clinic();
    await ok(app, 'session.login', ADMIN);
    const reset = await ok(app, 'users.resetPassword', {
      userId: deskId,
      temporaryPassword: 'temporary-pass-9',
    });
    expect(reset.mustChangePassword).toBe(true);
    await app.dispatch('session.logout', {});
    expect((await errorOf(app, 'session.login', DESK)).code).toBe('WRONG_PASSWORD');
    const session = await ok(app, 'session.login', { ...DESK, password: 'temporary-pass-9' });
    expect(session.user.mustChangePassword).toBe(true);
    expect((await errorOf(app, 'patients.search', { query: '' })).code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect(
      await errorOf(app, 'session.changePassword', {
        oldPassword: 'not-the-temporary',
        newPassword: 'my-own-password-1',
      }),
    ).toMatchObject({ code: 'WRONG_PASSWORD', issues: [{ path: 'oldPassword' }] });
    const changed = await ok(app, 'session.changePassword', {
      oldPassword: 'temporary-pass-9',
      newPassword: 'my-own-password-1',
    });
    expect(changed.user.mustChangePassword).toBe(false);
    expect((await app.dispatch('patients.search', { query: '' })).ok).toBe(true);
    await app.dispatch('session.logout', {});
    await ok(app, 'session.login', { ...DESK, password: 'my-own-password-1' });
  });

  it('refuses a new password equal to the old one, and a short one, changing nothing', async () => {
    const { app } = await clinic();
    await ok(app, 'session.login', DESK);
    expect(
      await errorOf(app, 'session.changePassword', {
        oldPassword: DESK.password,
        newPassword: DESK.password,
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'newPassword' }] });
    expect(
      (
        await errorOf(app, 'session.changePassword', {
          oldPassword: DESK.password,
          newPassword: 'short',
        })
      ).code,
    ).toBe('VALIDATION_FAILED');
    await app.dispatch('session.logout', {});
    await ok(app, 'session.login', DESK);
  });
});
