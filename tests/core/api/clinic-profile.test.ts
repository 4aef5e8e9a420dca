// The clinic profile through the real dispatch: an admin with settings.manage
// changes the name, contact details, time zone, currency and locale; the
// session of every later screen carries the locale; a bad email, an unknown
// time zone or currency is refused field by field with nothing changed; every
// other role is refused; each change is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { ADMIN, DESK, DOCTOR, as, chartClinic, count, errorOf, ok } from './chart-app';

let app: CoreApp;
let close: () => void;
beforeAll(async () => {
  ({ app, close } = await chartClinic());
  await as(app, ADMIN);
});
afterAll(() => close());

const tenantRow = () =>
  JSON.stringify(
    (app.workstation.requireStore().read.prepare('SELECT * FROM tenants').get() as object) ?? {},
  );
const settingsAudits = () =>
  count(app, "SELECT count(*) AS n FROM audit_logs WHERE tableAffected = 'tenants'");

describe('the clinic profile', () => {
  it('starts with ISO dates and 24-hour time, the set-up time zone and currency', async () => {
    expect(await ok(app, 'admin.clinicSettings', {})).toMatchObject({
      name: 'Harbour Clinic',
      timeZone: 'America/New_York',
      currency: 'USD',
      dateFormat: 'YYYY-MM-DD',
      timeFormat: '24h',
      unitSystem: 'metric',
      phone: null,
    });
  });

  it('switches vitals to imperial units for every screen (the session says so); a bad choice changes nothing', async () => {
    const bad = await app.dispatch('admin.updateClinicSettings', { unitSystem: 'furlongs' });
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'unitSystem', message: 'Choose metric or imperial units.' }],
    });
    expect((await ok(app, 'admin.clinicSettings', {})).unitSystem).toBe('metric');
    expect(await ok(app, 'admin.updateClinicSettings', { unitSystem: 'imperial' })).toMatchObject({
      unitSystem: 'imperial',
    });
    expect((await ok(app, 'setup.status', {})).session?.tenant.unitSystem).toBe('imperial');
  });

  it('is changed by an admin, audited, and carried by the session', async () => {
    const audits = settingsAudits();
    const saved = await ok(app, 'admin.updateClinicSettings', {
      name: 'Harbour Clinic Southsea',
      phone: '+44 23 9200 0000',
      timeZone: 'Europe/London',
      currency: 'GBP',
      dateFormat: 'DD/MM/YYYY',
      timeFormat: '24h',
    });
    expect(saved).toMatchObject({
      name: 'Harbour Clinic Southsea',
      phone: '+44 23 9200 0000',
      timeZone: 'Europe/London',
      currency: 'GBP',
      dateFormat: 'DD/MM/YYYY',
      timeFormat: '24h',
      // Untouched fields keep their values.
      address: '1 Harbour Road, Portsmouth',
      contactEmail: 'front@harbour.example',
    });
    expect(settingsAudits()).toBe(audits + 1);
    const entry = app.workstation
      .requireStore()
      .read.prepare(
        "SELECT action, detail FROM audit_logs WHERE tableAffected = 'tenants' ORDER BY deviceSeq DESC LIMIT 1",
      )
      .get() as { action: string; detail: string };
    expect(entry.action).toBe('update');
    expect(entry.detail.split(': ')[1]?.split(',').sort()).toEqual(
      ['currency', 'dateFormat', 'name', 'phone', 'timeZone'].sort(),
    );
    const status = await ok(app, 'setup.status', {});
    expect(status.session?.tenant).toMatchObject({
      name: 'Harbour Clinic Southsea',
      timeZone: 'Europe/London',
      currency: 'GBP',
      dateFormat: 'DD/MM/YYYY',
      timeFormat: '24h',
    });
    // An emptied phone is cleared.
    expect(await ok(app, 'admin.updateClinicSettings', { phone: '' })).toMatchObject({
      phone: null,
    });
  });

  it('refuses a bad email, an unknown time zone or currency field by field, changing nothing', async () => {
    const before = tenantRow();
    const audits = settingsAudits();
    const error = await errorOf(app, 'admin.updateClinicSettings', {
      name: 'Renamed',
      contactEmail: 'not-an-email',
      timeZone: 'Europe/Atlantis',
      currency: 'XYZ',
      dateFormat: 'D/M/YY',
      phone: 'call us',
    });
    expect(error.code).toBe('VALIDATION_FAILED');
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
    expect(byPath).toEqual({
      contactEmail: 'Enter an email address such as billing@clinic.example.',
      timeZone: 'Unknown time zone: enter an IANA name such as Europe/London.',
      currency: 'Unknown currency code: enter an ISO 4217 code such as GBP, EUR or USD.',
      dateFormat: 'Choose one of the offered date formats.',
      phone: 'Enter a phone number such as +44 20 7946 0000.',
    });
    expect(tenantRow()).toBe(before);
    expect(settingsAudits()).toBe(audits);
  });

  it.each([
    ['a doctor', DOCTOR],
    ['a front-desk user', DESK],
  ])('refuses %s (FORBIDDEN), who can still read the profile', async (_who, user) => {
    await as(app, user);
    try {
      const before = tenantRow();
      const error = await errorOf(app, 'admin.updateClinicSettings', { dateFormat: 'MM/DD/YYYY' });
      expect(error.code).toBe('FORBIDDEN');
      expect(tenantRow()).toBe(before);
      expect((await ok(app, 'admin.clinicSettings', {})).dateFormat).toBe('DD/MM/YYYY');
      expect((await ok(app, 'setup.status', {})).session?.tenant.dateFormat).toBe('DD/MM/YYYY');
    } finally {
      await as(app, ADMIN);
    }
  });

  it('refuses an admin without the settings permission (FORBIDDEN)', async () => {
    await ok(app, 'users.create', {
      displayName: 'Sam Helper',
      email: 'sam@example.test',
      password: 'helper-password-1',
      role: 'admin',
      permissions: ['users.manage'],
    });
    await as(app, { email: 'sam@example.test', password: 'helper-password-1' });
    try {
      const before = tenantRow();
      const error = await errorOf(app, 'admin.updateClinicSettings', { timeFormat: '12h' });
      expect(error.code).toBe('FORBIDDEN');
      expect(tenantRow()).toBe(before);
    } finally {
      await as(app, ADMIN);
    }
  });
});
