// Every channel × every role, generated from the contract (each channel's
// declared access) and the capability table, so a new channel is covered the
// day it is added: logged out → UNAUTHENTICATED, locked → LOCKED, a role
// without the capability → FORBIDDEN, and a refused call writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiChannels, channelNames, type ChannelName } from '../../../shared/api/channels';
import type { Access } from '../../../shared/api/contract';
import { capabilitiesFor } from '../../../shared/auth/capabilities';
import type { Permission, Role } from '../../../shared/domain/enums';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { coreApps, HARBOUR_CLINIC } from '../helpers';

const PASSWORD = 'role-password-1';
const users: { label: string; email: string; role: Role; permissions: Permission[] }[] = [
  { label: 'doctor', email: 'doc@example.test', role: 'doctor', permissions: [] },
  { label: 'front desk', email: 'desk@example.test', role: 'front_desk', permissions: [] },
  {
    label: 'admin without permissions',
    email: 'bare@example.test',
    role: 'admin',
    permissions: [],
  },
];

const guarded = channelNames.filter((n) => apiChannels[n].access !== 'public');

/** Rows in every table a refused call could touch. */
function footprint(app: CoreApp): string {
  const db = writableDb(app.workstation.requireStore());
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return tables
    .map((t) => {
      const { n } = db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number };
      return `${t.name}=${n}`;
    })
    .join(' ');
}

describe('access of every channel for every role', () => {
  const apps = coreApps();
  let app: CoreApp;

  beforeAll(async () => {
    app = await apps.start();
    await app.dispatch('setup.createClinic', HARBOUR_CLINIC);
    for (const u of users) {
      const res =
        u.role === 'doctor'
          ? await app.dispatch('doctors.create', {
              displayName: u.label,
              email: u.email,
              password: PASSWORD,
              specialty: 'General Practice',
              licenseNumber: 'L-1',
              consultationFee: 100,
              experienceYears: 1,
            })
          : await app.dispatch('users.create', {
              displayName: u.label,
              email: u.email,
              password: PASSWORD,
              role: u.role,
              permissions: u.permissions,
            });
      expect(res.ok).toBe(true);
    }
    await app.dispatch('session.logout', {});
  });
  afterAll(() => apps.closeAll());

  const refuse = async (name: ChannelName, code: string) => {
    const before = footprint(app);
    const res = await app.dispatch(name, {});
    expect(res, name).toMatchObject({ ok: false, error: { code } });
    expect(footprint(app), `${name} wrote something`).toBe(before);
  };

  it('needs a session for every guarded channel', async () => {
    expect(guarded.length).toBeGreaterThan(20);
    for (const name of guarded) await refuse(name, 'UNAUTHENTICATED');
  });

  it('refuses every guarded channel while locked', async () => {
    await app.dispatch('session.login', { email: users[1]?.email ?? '', password: PASSWORD });
    await app.dispatch('session.lock', {});
    for (const name of guarded) await refuse(name, 'LOCKED');
    await app.dispatch('session.logout', {});
  });

  for (const u of users) {
    it(`gives a ${u.label} exactly the channels the capability table allows`, async () => {
      const login = await app.dispatch('session.login', { email: u.email, password: PASSWORD });
      expect(login.ok).toBe(true);
      const held = capabilitiesFor(u.role, u.permissions);
      for (const name of guarded) {
        const access: Access = apiChannels[name].access;
        if (access !== 'session' && access !== 'public' && !held.includes(access)) {
          await refuse(name, 'FORBIDDEN');
        } else {
          // Allowed: whatever happens next (often VALIDATION_FAILED for an empty request), it is not a refusal.
          const res = await app.dispatch(name, {});
          if (!res.ok)
            expect(['FORBIDDEN', 'UNAUTHENTICATED', 'LOCKED'], name).not.toContain(res.error.code);
        }
      }
      await app.dispatch('session.logout', {});
    });
  }
});
