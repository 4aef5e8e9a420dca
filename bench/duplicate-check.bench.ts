// The duplicate check while registering, on a 100,000-patient clinic (issue 13,
// target p95 <= 20 ms per keystroke). The New patient form asks
// patients.likelyDuplicates after every change of name, birth date or phone;
// this replays that typing for 40 people who are already registered (with a
// typo in the family name, so the close-name rule is exercised), through the
// channel's request schema and the service, and times every call.
// Run: node bin/run-ts.js bench/duplicate-check.bench.ts  (or npm run bench duplicate-check)
// EHRBS_BENCH_PATIENTS=N changes the clinic's size.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { apiChannels } from '../shared/api/channels';
import type { PatientInput } from '../shared/api/patients';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from '../electron/core/demo/demo-names';
import { writableDb } from '../electron/core/clinic/writable-db';
import { encodeValue, entityColumns } from '../electron/core/store/row-codec';
import { insertSql } from '../electron/core/write/statements';
import { percentile } from './support/stats';
import { patientInput } from '../tests/core/fixtures';
import { clinicWorld } from '../tests/core/world';

const PATIENTS = Number(process.env['EHRBS_BENCH_PATIENTS'] ?? 100_000);
const PEOPLE = 40;

export interface DuplicateCheckResult {
  patients: number;
  calls: number;
  seedSeconds: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  queryingCalls: number;
  queryingP95Ms: number;
  found: number;
}

/** A fixed pseudo-random sequence (the same clinic on every run). */
const lcg = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

function person(i: number, rnd: () => number): PatientInput {
  const female = rnd() < 0.5;
  const given = female ? FEMALE_NAMES : MALE_NAMES;
  const day = Math.floor(rnd() * 90 * 365.25);
  const dob = new Date(Date.UTC(1930, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return patientInput({
    givenName: given[Math.floor(rnd() * given.length)] ?? 'Ann',
    familyName: FAMILY_NAMES[Math.floor(rnd() * FAMILY_NAMES.length)] ?? 'Smith',
    dateOfBirth: dob,
    sex: female ? 'female' : 'male',
    phone: `07700 9${String(i).padStart(5, '0')}`,
    email: '',
    emergencyContact: null,
  });
}

export async function run(): Promise<DuplicateCheckResult> {
  const w = await clinicWorld();
  try {
    const rnd = lcg(13);
    const t0 = performance.now();
    const registered: PatientInput[] = [];
    // Rows straight into the table (the write path's insert, without its
    // outbox and audit): what is timed is the lookup, not the seeding.
    const db = writableDb(w.store);
    const insert = db.prepare(insertSql('patients'));
    const tenantId = w.store.tenantId ?? '';
    const at = new Date().toISOString();
    db.transaction(() => {
      for (let i = 0; i < PATIENTS; i++) {
        const p = person(i, rnd);
        if (i % Math.floor(PATIENTS / PEOPLE) === 0) registered.push(p);
        const row: Record<string, unknown> = {
          ...p,
          id: randomUUID(),
          tenantId,
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          userId: null,
          medicalRecordNumber: `BNCH-${String(i).padStart(6, '0')}`,
          mergedInto: null,
        };
        insert.run(
          ...entityColumns('patients').map((c) => encodeValue('patients', c, row[c])),
          '1',
        );
      }
    })();
    const seedSeconds = (performance.now() - t0) / 1000;
    const schema = apiChannels['patients.likelyDuplicates'].request;
    const times: number[] = [];
    const querying: number[] = [];
    let found = 0;
    for (const p of registered.slice(0, PEOPLE)) {
      // The family name typed with its last letter doubled: a near miss.
      const family = `${p.familyName}${p.familyName.slice(-1)}`;
      const steps: Record<string, string>[] = [];
      for (let n = 1; n <= p.givenName.length; n++)
        steps.push({ givenName: p.givenName.slice(0, n) });
      for (let n = 1; n <= family.length; n++)
        steps.push({ givenName: p.givenName, familyName: family.slice(0, n) });
      steps.push({ givenName: p.givenName, familyName: family, dateOfBirth: p.dateOfBirth });
      for (let n = 1; n <= p.phone.length; n++)
        steps.push({
          givenName: p.givenName,
          familyName: family,
          dateOfBirth: p.dateOfBirth,
          phone: p.phone.slice(0, n),
        });
      let last = 0;
      for (const step of steps) {
        const s = performance.now();
        const items = w.services.patientDuplicates.likely(w.desk, schema.parse(step)).items;
        const ms = performance.now() - s;
        times.push(ms);
        // The calls that read the store (a birth date, or enough phone digits to compare).
        if (step['dateOfBirth'] || (step['phone'] ?? '').replace(/\D/g, '').length >= 6)
          querying.push(ms);
        last = items.length;
      }
      if (last > 0) found++;
    }
    return {
      patients: PATIENTS,
      calls: times.length,
      seedSeconds,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      maxMs: Math.max(...times),
      queryingCalls: querying.length,
      queryingP95Ms: percentile(querying, 95),
      found,
    };
  } finally {
    w.close();
  }
}

export const format = (r: DuplicateCheckResult): string[] => [
  `${r.patients} patients (registered in ${r.seedSeconds.toFixed(1)} s), ${r.calls} checks while typing`,
  `p50 ${r.p50Ms.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms (target <= 20 ms), max ${r.maxMs.toFixed(2)} ms`,
  `the ${r.queryingCalls} checks that read the store (birth date or phone given): p95 ${r.queryingP95Ms.toFixed(2)} ms`,
  `the registered person was found for ${r.found} of ${PEOPLE} typed registrations`,
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  for (const line of format(r)) console.log(line);
}
