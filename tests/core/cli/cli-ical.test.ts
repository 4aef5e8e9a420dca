// `ehrbs ical`: a doctor's schedule as iCalendar, checked with an independent parser.
import ICAL from 'ical.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { cliEnv, runCli } from './cli-harness';

const tmp = tempDir('ehrbs-cli-ical-');
const store = join(tmp.dir, 'demo');
let logins: { role: string; email: string; password: string }[] = [];

beforeAll(async () => {
  const r = await runCli(['demo', '--data', store, '--patients', '30']);
  expect(r.code).toBe(0);
  logins = [...r.stdout.matchAll(/^ {2}(\w+)\s+(\S+@\S+)\s+(\S+)$/gm)].map((m) => ({
    role: m[1] ?? '',
    email: m[2] ?? '',
    password: m[3] ?? '',
  }));
}, 180_000);
afterAll(() => tmp.cleanup());

describe('ehrbs ical', () => {
  it("writes the doctor's six weeks as iCalendar events without patient names", async () => {
    const desk = logins.find((l) => l.role === 'front_desk');
    const doctor = logins.find((l) => l.role === 'doctor');
    if (!desk || !doctor) throw new Error('the demo printed no front-desk or doctor login');
    const today = new Date();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const r = await runCli(
      [
        'ical',
        '--data',
        store,
        '--user',
        desk.email,
        '--doctor',
        doctor.email,
        '--from',
        day(-21),
        '--to',
        day(21),
      ],
      cliEnv({ EHRBS_PASSWORD: desk.password }),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(r.stdout));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      expect(String(e.getFirstPropertyValue('summary'))).toBe('Appointment');
      expect(String(e.getFirstPropertyValue('uid'))).toMatch(/@ehrbs$/);
    }
    const admin = logins.find((l) => l.role === 'admin');
    if (!admin) throw new Error('the demo printed no admin login');
    const dump = await runCli(
      ['export', '--data', store, '--user', admin.email],
      cliEnv({ EHRBS_PASSWORD: admin.password }),
    );
    const patients = (JSON.parse(dump.stdout) as { patients: { familyName: string }[] }).patients;
    for (const p of patients) expect(r.stdout).not.toContain(p.familyName);
  }, 120_000);

  it('refuses a bad date with one clear line', async () => {
    const r = await runCli(
      [
        'ical',
        '--data',
        store,
        '--user',
        'x@example.test',
        '--doctor',
        'y@example.test',
        '--from',
        '2026-02-31',
        '--to',
        '2026-03-01',
      ],
      cliEnv({ EHRBS_PASSWORD: 'whatever-pass' }),
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe('ehrbs: --from must be a date like 2026-12-01.\n');
  });
});
