// Automatic backups with a fake clock: due once a day at the clinic's local
// time (caught up if the app was closed then), keeping the last N files in the
// chosen folder; Admin's status (last backup, next run, the 7-day warning);
// and restoring one on a fresh first-run workstation with its passphrase.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import {
  autoBackupDue,
  latestScheduled,
  nextScheduled,
} from '../../../electron/core/backup/auto-backup';
import { patientInput } from '../fixtures';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';

const PASS = 'automatic backup passphrase';
const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

describe('the schedule', () => {
  it('is the chosen local time of the clinic, yesterday until today’s has come', () => {
    // 02:00 in New York is 07:00 UTC in winter, 06:00 in summer.
    expect(latestScheduled(at('2030-01-10T06:59:00Z'), '02:00', NY)).toBe(
      at('2030-01-09T07:00:00Z'),
    );
    expect(latestScheduled(at('2030-01-10T07:00:00Z'), '02:00', NY)).toBe(
      at('2030-01-10T07:00:00Z'),
    );
    expect(latestScheduled(at('2030-07-10T06:30:00Z'), '02:00', NY)).toBe(
      at('2030-07-10T06:00:00Z'),
    );
    expect(nextScheduled(at('2030-01-10T07:00:00Z'), '02:00', NY)).toBe(at('2030-01-11T07:00:00Z'));
    // Across the spring change (10 March 2030): the next day's 02:00 is a gap, moved past it.
    expect(nextScheduled(at('2030-03-09T12:00:00Z'), '03:00', NY)).toBe(at('2030-03-10T07:00:00Z'));
  });

  it('is due once per scheduled time, counting from when it was turned on', () => {
    const a = {
      time: '02:00',
      keep: 14,
      folder: '/x',
      keyFile: { format: 1 as const, wrapper: 'scrypt', wrapped: '' },
      enabledAt: '2030-01-10T12:00:00.000Z',
      lastRunAt: null,
      lastError: null,
    };
    expect(autoBackupDue(a, at('2030-01-10T20:00:00Z'), NY)).toBe(false);
    expect(autoBackupDue(a, at('2030-01-11T07:00:00Z'), NY)).toBe(true);
    const ran = { ...a, lastRunAt: '2030-01-11T07:00:30.000Z' };
    expect(autoBackupDue(ran, at('2030-01-11T23:00:00Z'), NY)).toBe(false);
    // The app was closed for two days: one backup when it runs again, not two.
    expect(autoBackupDue(ran, at('2030-01-13T15:00:00Z'), NY)).toBe(true);
  });
});

describe('automatic backups in the app', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c();
  });

  async function appAt(clock: { t: number }): Promise<CoreApp> {
    const d = tempDir();
    const app = await openCoreApp({
      dataDir: d.dir,
      keyWrapper: testWrapper(),
      settings: memorySettings(),
      now: () => clock.t,
    });
    cleanups.push(() => {
      app.close();
      d.cleanup();
    });
    return app;
  }

  it('runs daily at the chosen time, keeps the last N, and one restores on a fresh workstation', async () => {
    const clock = { t: at('2030-01-10T15:00:00Z') };
    const app = await appAt(clock);
    await ok(app, 'setup.createClinic', HARBOUR_CLINIC);
    await ok(app, 'patients.create', patientInput({ familyName: 'Marchetti' }));
    const folder = tempDir('ehrbs-auto-');
    cleanups.push(folder.cleanup);

    const relative = await app.dispatch('backups.configureAuto', {
      enabled: true,
      time: '02:00',
      keep: 2,
      folder: 'backups-here',
      passphrase: PASS,
    });
    expect(relative).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const on = await ok(app, 'backups.configureAuto', {
      enabled: true,
      time: '02:00',
      keep: 2,
      folder: folder.dir,
      passphrase: PASS,
    });
    expect(on).toMatchObject({
      last: null,
      stale: false,
      auto: { time: '02:00', keep: 2, folder: folder.dir, nextAt: '2030-01-11T07:00:00.000Z' },
    });

    const tick = () => app.services.backups.tick();
    expect(await tick()).toBeNull();
    const made: string[] = [];
    for (const day of ['11', '12', '13', '14']) {
      clock.t = at(`2030-01-${day}T07:00:10Z`);
      const b = await tick();
      expect(b?.fileName).toMatch(/^auto-clinic-/);
      if (b) made.push(b.fileName);
      clock.t += 3_600_000;
      expect(await tick()).toBeNull();
    }
    expect(readdirSync(folder.dir).sort()).toEqual(made.slice(-2).sort());

    // Days passed on the fake clock: the idle lock closed the admin's session meanwhile.
    const unlock = () => ok(app, 'session.unlock', { password: HARBOUR_CLINIC.adminPassword });
    await unlock();
    const status = await ok(app, 'backups.status', {});
    expect(status.last?.at).toBe('2030-01-14T07:00:10.000Z');
    expect(status.last?.bytes).toBeGreaterThan(0);
    expect(status.auto).toMatchObject({ lastRunAt: '2030-01-14T07:00:10.000Z', lastError: null });
    expect((await ok(app, 'backups.list', {})).map((b) => b.fileName).sort()).toEqual(
      made.slice(-2).sort(),
    );
    const audited = await ok(app, 'audit.search', { filter: { action: 'backup' } });
    expect(audited.items.filter((e) => e.detail === 'automatic encrypted backup')).toHaveLength(4);

    // Turned off, and a week and a day later the status warns.
    await ok(app, 'backups.configureAuto', { enabled: false });
    clock.t = at('2030-01-22T08:00:00Z');
    expect(await tick()).toBeNull();
    await unlock();
    expect(await ok(app, 'backups.status', {})).toMatchObject({ stale: true, auto: null });

    // Restore the newest automatic backup on a fresh workstation's first-run screen.
    const newest = join(folder.dir, made.at(-1) ?? '');
    const fresh = await appAt(clock);
    const wrong = await fresh.dispatch('setup.restoreBackup', {
      path: newest,
      passphrase: 'not the passphrase',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_KEY' } });
    expect(readdirSync(fresh.workstation.dataDir).filter((f) => f.startsWith('clinic'))).toEqual(
      [],
    );
    expect(await ok(fresh, 'setup.restoreBackup', { path: newest, passphrase: PASS })).toEqual({
      restoredBackupOf: '2030-01-14T07:00:10.000Z',
    });
    await ok(fresh, 'session.login', {
      email: HARBOUR_CLINIC.adminEmail,
      password: HARBOUR_CLINIC.adminPassword,
    });
    const found = await ok(fresh, 'patients.search', { query: 'Marchetti', limit: 5 });
    expect(found.items.map((p) => p.familyName)).toEqual(['Marchetti']);
    // Over an existing clinic, as in the CLI: refused, nothing changed.
    const again = await fresh.dispatch('setup.restoreBackup', { path: newest, passphrase: PASS });
    expect(again).toMatchObject({ ok: false, error: { code: 'STORE_EXISTS' } });
    const over = await app.dispatch('setup.restoreBackup', { path: newest, passphrase: PASS });
    expect(over).toMatchObject({ ok: false, error: { code: 'STORE_EXISTS' } });
  });
});
