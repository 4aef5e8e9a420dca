// The Admin screen's channels through the same dispatch both transports use:
// staff accounts, doctors, clinic settings, who may use them, and what a
// malformed request does (nothing).
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StaffMember } from '../../../../shared/api/admin';
import type { CoreApp } from '../../../../electron/core/app/core-app';
import { coreApps, HARBOUR_CLINIC } from '../../helpers';
import { writableDb } from '../../../../electron/core/clinic/writable-db';

const admin = { email: 'ada@example.test', password: 'a-long-password' };
const desk = {
  displayName: 'Fran Desk',
  email: 'fran@example.test',
  password: 'front-desk-password',
  role: 'front_desk' as const,
};
const doctor = {
  displayName: 'Dr Mira Patel',
  email: 'mira@example.test',
  password: 'doctor-password-1',
  specialty: 'Dermatology',
  licenseNumber: 'MD-40213',
  consultationFee: 8550,
  experienceYears: 12,
};

describe('admin channels', () => {
  const apps = coreApps();
  afterEach(() => apps.closeAll());
  let app: CoreApp;

  const start = async () => {
    app = await apps.start();
    await app.dispatch('setup.createClinic', {
      ...HARBOUR_CLINIC,
      adminEmail: admin.email,
      adminPassword: admin.password,
    });
    return app;
  };

  const count = (table: string): unknown =>
    writableDb(app.workstation.requireStore()).prepare(`SELECT count(*) AS n FROM ${table}`).get();

  it('creates front-desk staff, doctors and admins, lists them without password hashes', async () => {
    const { dispatch } = await start();
    const created = await dispatch('users.create', desk);
    expect(created).toMatchObject({
      ok: true,
      value: { email: desk.email, role: 'front_desk', doctor: null, permissions: null },
    });
    const dr = await dispatch('doctors.create', doctor);
    expect(dr).toMatchObject({
      ok: true,
      value: {
        role: 'doctor',
        doctor: { specialty: 'Dermatology', consultationFee: 8550, experienceYears: 12 },
      },
    });
    const second = await dispatch('users.create', {
      displayName: 'Sam Second',
      email: 'sam@example.test',
      password: 'second-admin-pass',
      role: 'admin',
      permissions: ['users.manage', 'audit.read'],
    });
    expect(second).toMatchObject({
      ok: true,
      value: { role: 'admin', permissions: ['users.manage', 'audit.read'] },
    });

    const list = await dispatch('users.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const staff = z.array(StaffMember).parse(list.value);
    expect(staff.map((u) => u.email).sort()).toEqual(
      [admin.email, desk.email, doctor.email, 'sam@example.test'].sort(),
    );
    expect(JSON.stringify(list.value)).not.toMatch(/passwordHash|scrypt/);

    // The new accounts log in with their passwords; the doctor shows up for the schedule.
    await dispatch('session.logout', {});
    expect(
      await dispatch('session.login', { email: doctor.email, password: doctor.password }),
    ).toMatchObject({ ok: true, value: { user: { role: 'doctor' } } });
    const doctors = await dispatch('doctors.list', {});
    expect(doctors).toMatchObject({ ok: true, value: [{ displayName: 'Dr Mira Patel' }] });
  });

  it('refuses a duplicate email with a field issue', async () => {
    const { dispatch } = await start();
    const dup = await dispatch('users.create', { ...desk, email: admin.email });
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: 'email' }] },
    });
  });

  it('refuses a front-desk user (FORBIDDEN) and writes nothing', async () => {
    const { dispatch } = await start();
    await dispatch('users.create', desk);
    await dispatch('session.logout', {});
    await dispatch('session.login', { email: desk.email, password: desk.password });
    const users = count('users');
    const outbox = count('sync_outbox');
    for (const [channel, request] of [
      ['users.list', {}],
      ['users.create', { ...desk, email: 'other@example.test' }],
      ['doctors.create', doctor],
      ['admin.updateClinicSettings', { idleLockMinutes: 30 }],
    ] as const) {
      expect(await dispatch(channel, request), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(count('users')).toEqual(users);
    expect(count('sync_outbox')).toEqual(outbox);
  });

  it('refuses a malformed request (VALIDATION_FAILED) and writes nothing', async () => {
    const { dispatch } = await start();
    const users = count('users');
    const doctors = count('doctors');
    const outbox = count('sync_outbox');
    const bad = await dispatch('doctors.create', {
      ...doctor,
      consultationFee: 85.5,
      experienceYears: -1,
      password: 'short',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (bad.ok) throw new Error('expected failure');
    expect(bad.error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['consultationFee', 'experienceYears', 'password']),
    );
    expect(
      await dispatch('users.create', { ...desk, role: 'patient', passwordHash: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await dispatch('admin.updateClinicSettings', { idleLockMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(count('users')).toEqual(users);
    expect(count('doctors')).toEqual(doctors);
    expect(count('sync_outbox')).toEqual(outbox);
  });

  it('updates clinic settings, and a new session carries the idle-lock minutes', async () => {
    const { dispatch } = await start();
    expect(
      await dispatch('admin.updateClinicSettings', {
        idleLockMinutes: 12,
        icalIncludePatientNames: true,
      }),
    ).toEqual({
      ok: true,
      value: {
        name: 'Harbour Clinic',
        timeZone: 'America/New_York',
        currency: 'USD',
        dateFormat: 'YYYY-MM-DD',
        timeFormat: '24h',
        unitSystem: 'metric',
        phone: null,
        idleLockMinutes: 12,
        icalIncludePatientNames: true,
        address: null,
        contactEmail: null,
      },
    });
    expect(await dispatch('setup.status', {})).toMatchObject({
      ok: true,
      value: { session: { tenant: { idleLockMinutes: 12 } } },
    });
  });
});
