// `ehrbs export --fhir --patient`: one demo patient's chart as a FHIR Bundle,
// by record number, for a doctor; front desk refused; --out writes a file.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { cliEnv, runCli } from './cli-harness';

const tmp = tempDir('ehrbs-cli-fhir-');
const store = join(tmp.dir, 'demo');
let logins: { role: string; email: string; password: string }[] = [];
let mrn = '';
let patientId = '';

beforeAll(async () => {
  const r = await runCli(['demo', '--data', store, '--patients', '20']);
  expect(r.code).toBe(0);
  logins = [...r.stdout.matchAll(/^ {2}(\w+)\s+(\S+@\S+)\s+(\S+)$/gm)].map((m) => ({
    role: m[1] ?? '',
    email: m[2] ?? '',
    password: m[3] ?? '',
  }));
  const admin = logins.find((l) => l.role === 'admin');
  if (!admin) throw new Error('the demo printed no admin login');
  const dump = await runCli(
    ['export', '--data', store, '--user', admin.email],
    cliEnv({ EHRBS_PASSWORD: admin.password }),
  );
  const data = JSON.parse(dump.stdout) as {
    patients: { id: string; medicalRecordNumber: string }[];
    medical_records: { patientId: string }[];
  };
  const charted = data.patients.find((p) => data.medical_records.some((m) => m.patientId === p.id));
  if (!charted) throw new Error('no demo patient has records');
  ({ id: patientId, medicalRecordNumber: mrn } = charted);
}, 180_000);
afterAll(() => tmp.cleanup());

const login = (role: string) => {
  const l = logins.find((x) => x.role === role);
  if (!l) throw new Error(`the demo printed no ${role} login`);
  return l;
};

describe('ehrbs export --fhir', () => {
  it("writes a doctor's export of one chart as a collection Bundle, found by record number", async () => {
    const doctor = login('doctor');
    const r = await runCli(
      ['export', '--fhir', '--patient', mrn, '--data', store, '--user', doctor.email],
      cliEnv({ EHRBS_PASSWORD: doctor.password }),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.stdout) as {
      resourceType: string;
      type: string;
      entry: {
        fullUrl: string;
        resource: { resourceType: string; id: string; identifier?: { value: string }[] };
      }[];
    };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource;
    expect(patient?.id).toBe(patientId);
    expect(patient?.identifier?.[0]?.value).toBe(mrn);
    expect(bundle.entry.length).toBeGreaterThan(2);

    const out = join(tmp.dir, 'chart.json');
    const byId = await runCli(
      [
        'export',
        '--fhir',
        '--patient',
        patientId,
        '--data',
        store,
        '--user',
        doctor.email,
        '--out',
        out,
      ],
      cliEnv({ EHRBS_PASSWORD: doctor.password }),
    );
    expect(byId.code).toBe(0);
    expect(byId.stderr).toMatch(/FHIR resources\) to .*chart\.json/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ resourceType: 'Bundle' });
  });

  it('ehrbs fhir (the command the issue names) writes the same chart, valid FHIR R4', async () => {
    const doctor = login('doctor');
    const out = join(tmp.dir, 'chart-fhir.json');
    const r = await runCli(
      ['fhir', '--data', store, '--user', doctor.email, '--patient', mrn, '--out', out],
      cliEnv({ EHRBS_PASSWORD: doctor.password }),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/FHIR resources\) to .*chart-fhir\.json/);
    const viaExport = await runCli(
      ['export', '--fhir', '--patient', mrn, '--data', store, '--user', doctor.email],
      cliEnv({ EHRBS_PASSWORD: doctor.password }),
    );
    const urls = (text: string) =>
      (JSON.parse(text) as { entry: { fullUrl: string }[] }).entry.map((e) => e.fullUrl);
    expect(urls(readFileSync(out, 'utf8'))).toEqual(urls(viaExport.stdout));

    // The R4 structure definitions (@medplum): no errors in the Bundle or any entry. In its
    // own process: @medplum/core needs a WebSocket global, which Node 20 has only with a flag.
    const validate = (file: string) =>
      execFileSync(
        process.execPath,
        ['--experimental-websocket', 'bin/run-ts.js', 'tests/core/cli/fhir-validate.ts', file],
        { encoding: 'utf8' },
      )
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { at?: string; issue?: string; checked?: number });
    const report = validate(out);
    expect(report.filter((x) => x.issue)).toEqual([]);
    expect(report.at(-1)?.checked).toBeGreaterThan(2);
    // The validator is live: a wrong type in one resource is reported.
    const broken = JSON.parse(readFileSync(out, 'utf8')) as {
      entry: { resource: Record<string, unknown> }[];
    };
    const first = broken.entry[0];
    if (first) first.resource['birthDate'] = 19840309;
    const bad = join(tmp.dir, 'broken.json');
    writeFileSync(bad, JSON.stringify(broken));
    expect(validate(bad).some((x) => x.issue?.includes('birthDate'))).toBe(true);
  });

  it('refuses the front desk and an unknown patient', async () => {
    const desk = login('front_desk');
    const refused = await runCli(
      ['export', '--fhir', '--patient', mrn, '--data', store, '--user', desk.email],
      cliEnv({ EHRBS_PASSWORD: desk.password }),
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      'Only a user who reads clinical records (a doctor) can export a chart.',
    );
    const doctor = login('doctor');
    const unknown = await runCli(
      ['export', '--fhir', '--patient', 'NOPE-000000', '--data', store, '--user', doctor.email],
      cliEnv({ EHRBS_PASSWORD: doctor.password }),
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('No patient has that id or record number.');
  });
});
