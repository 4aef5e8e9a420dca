import { afterEach, describe, expect, it } from 'vitest';
import { patientInput } from '../fixtures';
import { coreApps, HARBOUR_CLINIC } from '../helpers';
import { writableDb } from '../../../electron/core/clinic/writable-db';

describe('the core behind both transports', () => {
  const apps = coreApps();
  afterEach(() => apps.closeAll());
  const start = () => apps.start();

  it('runs first run, login, lock and unlock, and refuses everything while locked', async () => {
    const { dispatch } = await start();
    expect(await dispatch('setup.status', {})).toMatchObject({
      ok: true,
      value: { state: 'needs_setup' },
    });
    const created = await dispatch('setup.createClinic', HARBOUR_CLINIC);
    expect(created).toMatchObject({
      ok: true,
      value: { user: { role: 'admin' }, tenant: { name: 'Harbour Clinic' } },
    });
    expect(await dispatch('session.lock', {})).toEqual({ ok: true, value: { ok: true } });
    expect(await dispatch('patients.search', { query: '' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(await dispatch('session.unlock', { password: 'wrong-one' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(await dispatch('session.unlock', { password: 'a-long-password' })).toMatchObject({
      ok: true,
    });
    expect(await dispatch('patients.search', { query: '' })).toEqual({
      ok: true,
      value: { total: 0, items: [] },
    });
  });

  it('refuses a malformed request with field issues and changes nothing', async () => {
    const { dispatch, workstation } = await start();
    await dispatch('setup.createClinic', HARBOUR_CLINIC);
    const outbox = () =>
      writableDb(workstation.requireStore()).prepare('SELECT count(*) AS n FROM sync_outbox').get();
    const before = outbox();
    const bad = await dispatch('patients.create', {
      ...patientInput(),
      dateOfBirth: 'yesterday',
      extra: 1,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (bad.ok) throw new Error('expected failure');
    expect(bad.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['dateOfBirth']));
    expect(await dispatch('no.such.channel', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch('setup.createClinic', { clinicName: 'Again' })).toMatchObject({
      ok: false,
    });
    expect(outbox()).toEqual(before);
  });

  it('never lets an internal error message (which could quote data) through', async () => {
    const { dispatch, workstation } = await start();
    await dispatch('setup.createClinic', HARBOUR_CLINIC);
    writableDb(workstation.requireStore()).exec('DROP INDEX patients_given');
    writableDb(workstation.requireStore()).exec(
      "CREATE TRIGGER boom BEFORE INSERT ON patients BEGIN SELECT RAISE(ABORT, 'Quixotewright leaked'); END",
    );
    const res = await dispatch('patients.create', patientInput());
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong. The action was not completed.',
        issues: [],
      },
    });
  });
});
