// The CLI on a store file that also holds another clinic (tests/core/two-tenant-world.ts):
// `ehrbs export` and `ehrbs ical` write the own clinic only, whoever runs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_TABLES } from '../../../electron/core/cli/export-dump';
import { EMAILS, leaks, PASSWORD, twoTenantWorld, type TwoTenantWorld } from '../two-tenant-world';
import { cliEnv, runCli } from './cli-harness';

const SLOW = 120_000;

describe('the CLI on a store file with two clinics', { timeout: SLOW }, () => {
  let w: TwoTenantWorld;
  beforeAll(async () => {
    w = await twoTenantWorld();
  }, SLOW);
  afterAll(() => w.close());

  it('exports the own clinic, every table, and nothing of the other', async () => {
    const r = await runCli(
      ['export', '--data', w.dataDir, '--user', EMAILS.admin],
      cliEnv({ EHRBS_PASSWORD: PASSWORD }),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dump = JSON.parse(r.stdout) as Record<string, { tenantId?: string }[]>;
    expect(Object.keys(dump).sort()).toEqual([...EXPORT_TABLES, 'ehrbsExport'].sort());
    for (const table of EXPORT_TABLES) {
      const rows = dump[table] ?? [];
      expect(rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.tenantId)), table).toEqual(new Set([w.own.tenantId]));
    }
    // The own clinic's decrypted clinical content is there; nothing of the other's is.
    expect(r.stdout).toContain(w.own.markers.record);
    expect(r.stdout).toContain(w.own.markers.message);
    expect(leaks(r.stdout, w.foreignNeedles)).toEqual([]);
  });

  it('writes the own doctor’s calendar only (both clinics’ doctors share one email)', async () => {
    const args = ['ical', '--data', w.dataDir, '--user', EMAILS.front_desk];
    const range = ['--from', '2027-01-01', '--to', '2027-01-31'];
    const own = await runCli(
      [...args, '--doctor', EMAILS.doctor, ...range],
      cliEnv({ EHRBS_PASSWORD: PASSWORD }),
    );
    expect(own.code).toBe(0);
    expect(own.stdout).toContain(w.own.appointmentId);
    expect(leaks(own.stdout, w.foreignNeedles)).toEqual([]);
    expect(leaks(own.stderr, w.foreignNeedles)).toEqual([]);
  });
});
