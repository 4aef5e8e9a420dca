// The store on a 100,000-patient demo clinic (issue 2, section 7):
//  (a) writes/s through the write path vs raw INSERTs of the same rows into the
//      same encrypted database, one per transaction  (target: at most 2x);
//  (b) patient search by 2-3 letter name prefix, limit 100  (target: p95 <= 20 ms);
//  (c) opening the store: key unwrap (scrypt) and database open + checks (target: <= 50 ms).
// Run: npm run bench (or bench/run-all.ts store); EHRBS_BENCH_PATIENTS=N resizes the clinic.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { servicesFor, type Services } from '../electron/core/services/services';
import { generateDemoClinic } from '../electron/core/demo/demo-clinic';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from '../electron/core/demo/demo-names';
import { demoPatient } from '../electron/core/demo/demo-patients';
import { seededPrng } from '../electron/core/demo/prng';
import { patientSearchCondition } from '../electron/core/services/patient-search';
import { PassphraseKeyWrapper } from '../electron/core/keys/passphrase-wrapper';
import type { Session } from '../electron/core/services/session';
import { ClinicStore } from '../electron/core/clinic/clinic-store';
import { migrate } from '../electron/core/store/migrate';
import { openEncryptedDatabase } from '../electron/core/store/open-database';
import { storePaths } from '../electron/core/store/paths';
import { encodeValue, entityColumns } from '../electron/core/store/row-codec';
import { readWrappedKey } from '../electron/core/store/wrapped-key-file';
import type { PatientInput } from '../shared/api/patients';
import { writableDb } from '../electron/core/clinic/writable-db';

const PATIENTS = Number(process.env['EHRBS_BENCH_PATIENTS'] ?? 100_000);
const WRITES = 3000;
const ROUND = 250;
const SEARCHES = 300;
const OPENS = 10;

type Figures = 'patients' | 'generationSeconds' | 'writePathPerSecond' | 'rawInsertPerSecond';
export interface StoreBenchResult extends Record<Figures, number> {
  writeRatio: number;
  /** The write path's rows written by plain statements, against raw INSERTs. */
  rowsOnlyRatio: number;
  searchP50Ms: number;
  searchP95Ms: number;
  searchMeanHits: number;
  /** EXPLAIN QUERY PLAN of the search, shown when it misses its target. */
  searchPlan: string[];
  unwrapMs: number;
  dbOpenMs: number;
  storeOpenMs: number;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};
const median = (xs: number[]) => percentile(xs, 50);
const time = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/**
 * (a) The same rows, one per transaction: through the write path, as raw
 * INSERTs, and as the write path's rows with none of its JavaScript work (the
 * patient, its outbox entry, an audit row, the MRN counter: plain prepared
 * statements), which separates the cost of the extra rows from the rest.
 */
function writes(store: ClinicStore, services: Services, desk: Session, tenantId: string) {
  const rng = seededPrng(7);
  const inputs: PatientInput[] = Array.from({ length: WRITES + 200 }, () =>
    demoPatient(rng, new Date()),
  );
  const columns = entityColumns('patients');
  const insert = writableDb(store).prepare(
    `INSERT INTO patients (${columns.map((c) => `"${c}"`).join(', ')}, _hlc) VALUES (${columns.map(() => '?').join(', ')}, ?)`,
  );
  const outbox = writableDb(store).prepare(
    'INSERT INTO sync_outbox (tbl, rowId, hlc, columns) VALUES (?, ?, ?, ?)',
  );
  const audit = writableDb(store).prepare(
    `INSERT INTO audit_logs (id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail)
     VALUES (?, ?, ?, 'create', 'patients', ?, ?, 'bench-rows-only', ?, ?, ?, '')`,
  );
  // Rewrites the counter's row unchanged: the same page write, without disturbing the MRN series.
  const counter = writableDb(store).prepare(
    "UPDATE local_meta SET value = value WHERE key = 'counter:mrn'",
  );
  const hash = '0'.repeat(64);
  // One valid HLC for every raw row: the store reads the outbox's newest HLC when it next opens.
  const hlc = store.clock.tick();
  let n = 0;
  const rowOf = (input: PatientInput) => {
    const now = new Date().toISOString();
    const row: Record<string, unknown> = {
      ...input,
      ...{
        id: randomUUID(),
        tenantId,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        userId: null,
      },
      medicalRecordNumber: `RAW-${++n}`,
    };
    return { row, now, params: columns.map((c) => encodeValue('patients', c, row[c])) };
  };
  const raw = (input: PatientInput) => {
    const { params } = rowOf(input);
    store.transaction(() => insert.run(...params, hlc));
  };
  const rowsOnly = (input: PatientInput) => {
    const { row, now, params } = rowOf(input);
    store.transaction(() => {
      counter.run();
      insert.run(...params, hlc);
      outbox.run('patients', row['id'], hlc, JSON.stringify(row));
      audit.run(randomUUID(), tenantId, desk.user.id, row['id'], now, n, hash, hash);
    });
  };
  const viaPath = (input: PatientInput) => void services.patients.create(desk, input);
  // Warm every variant (statement caches, page cache) before measuring.
  for (const input of inputs.slice(WRITES)) [raw, rowsOnly, viaPath].forEach((f) => f(input));
  const ms = { raw: 0, rowsOnly: 0, path: 0 };
  // Alternating rounds, so table growth and cache state affect all alike.
  for (let i = 0; i < WRITES; i += ROUND) {
    const batch = inputs.slice(i, i + ROUND);
    ms.raw += time(() => batch.forEach(raw));
    ms.rowsOnly += time(() => batch.forEach(rowsOnly));
    ms.path += time(() => batch.forEach(viaPath));
  }
  return {
    writePathPerSecond: (WRITES / ms.path) * 1000,
    rawInsertPerSecond: (WRITES / ms.raw) * 1000,
    writeRatio: ms.path / ms.raw,
    rowsOnlyRatio: ms.rowsOnly / ms.raw,
  };
}

/** (b) Searches by 2-3 letter prefixes of the names the clinic actually has. */
function searches(store: ClinicStore, services: Services, desk: Session) {
  const rng = seededPrng(11);
  const names = [...FAMILY_NAMES, ...FEMALE_NAMES, ...MALE_NAMES].filter((s) =>
    /^[A-Za-z]{3}/.test(s),
  );
  const prefixes = Array.from({ length: SEARCHES }, () => rng.pick(names).slice(0, rng.int(2, 3)));
  for (const p of prefixes.slice(0, 20))
    services.patients.search(desk, { query: p, offset: 0, limit: 100 });
  let hits = 0;
  const times = prefixes.map((p) =>
    time(() => {
      hits += services.patients.search(desk, { query: p, offset: 0, limit: 100 }).total;
    }),
  );
  return {
    searchP50Ms: median(times),
    searchP95Ms: percentile(times, 95),
    searchMeanHits: Math.round(hits / SEARCHES),
    searchPlan: searchPlan(store, desk.actor.tenantId, prefixes[0] ?? 'Ma'),
  };
}

/** The query plan of the search statement (the SQL mirrors PatientsService.search). */
function searchPlan(store: ClinicStore, tenantId: string, prefix: string): string[] {
  const cond = patientSearchCondition(tenantId, prefix);
  if (!cond) return [];
  const rows = writableDb(store)
    .prepare(
      `EXPLAIN QUERY PLAN SELECT id, count(*) OVER () AS total FROM patients
       WHERE +tenantId = ? AND deletedAt IS NULL AND (${cond.where})
       ORDER BY familyName, givenName, id LIMIT ? OFFSET ?`,
    )
    .all(tenantId, ...cond.params, 100, 0) as { detail: string }[];
  return [`search: ${rows.map((r) => r.detail).join('; ')}`];
}

/** (c) Opening the store, and its two parts measured on their own. */
async function opens(dir: string, wrapper: PassphraseKeyWrapper) {
  const unwrap: number[] = [];
  const dbOpen: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    let t0 = performance.now();
    const key = await readWrappedKey(storePaths(dir).wrappedKey, wrapper);
    unwrap.push(performance.now() - t0);
    t0 = performance.now();
    const db = openEncryptedDatabase(storePaths(dir).database, key, { create: false });
    migrate(db);
    dbOpen.push(performance.now() - t0);
    db.close();
    t0 = performance.now();
    const store = await ClinicStore.open(dir, wrapper);
    whole.push(performance.now() - t0);
    store.closeUntouched();
  }
  return { unwrapMs: median(unwrap), dbOpenMs: median(dbOpen), storeOpenMs: median(whole) };
}

export async function run(): Promise<StoreBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ehrbs-bench-'));
  try {
    // The production scrypt cost, so the unwrap figure is the real one.
    const wrapper = new PassphraseKeyWrapper('benchmark passphrase');
    process.stderr.write(`  (generating a ${PATIENTS}-patient demo clinic ...)\n`);
    const t0 = performance.now();
    let store = await ClinicStore.create(dir, wrapper);
    const services = servicesFor(store);
    const { tenantId } = await generateDemoClinic(store, services, { patients: PATIENTS });
    const generationSeconds = (performance.now() - t0) / 1000;
    process.stderr.write(
      `  generated a ${PATIENTS}-patient demo clinic in ${generationSeconds.toFixed(1)} s\n`,
    );
    store.close();
    store = await ClinicStore.open(dir, wrapper);
    const s = servicesFor(store);
    const deskUser = s.repos.users.list(tenantId, { where: "role = 'front_desk'", limit: 1 })[0];
    if (!deskUser) throw new Error('the demo has no front-desk user');
    const desk = s.auth.sessionFor(deskUser.id);
    const w = writes(store, s, desk, tenantId);
    const q = searches(store, s, desk);
    store.close();
    const o = await opens(dir, wrapper);
    return { patients: PATIENTS, generationSeconds, ...w, ...q, ...o };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

export function format(r: StoreBenchResult): string[] {
  const searchOk = r.searchP95Ms <= 20;
  return [
    `demo clinic generation (${r.patients} patients, through the services): ${r.generationSeconds.toFixed(1)} s`,
    `writes: write path ${Math.round(r.writePathPerSecond)}/s vs raw INSERT ${Math.round(r.rawInsertPerSecond)}/s, one per transaction: ${r.writeRatio.toFixed(2)}x (target <= 2x) ${verdict(r.writeRatio <= 2)}`,
    `  the write path's extra rows alone (outbox, audit, MRN counter; no validation, hashing or statement preparation): ${r.rowsOnlyRatio.toFixed(2)}x raw`,
    `patient search by 2-3 letter prefix, limit 100 (${SEARCHES} searches, ~${r.searchMeanHits} matches each): p50 ${r.searchP50Ms.toFixed(1)} ms, p95 ${r.searchP95Ms.toFixed(1)} ms (target p95 <= 20 ms) ${verdict(searchOk)}`,
    ...(searchOk ? [] : r.searchPlan.map((line) => `  query plan, ${line}`)),
    `store open: database open + key check + migration check ${r.dbOpenMs.toFixed(1)} ms (target <= 50 ms) ${verdict(r.dbOpenMs <= 50)}`,
    `store open: key unwrap (scrypt N=2^15, by design) ${r.unwrapMs.toFixed(1)} ms; whole ClinicStore.open ${r.storeOpenMs.toFixed(1)} ms, of which HLC restore etc. ${(r.storeOpenMs - r.unwrapMs - r.dbOpenMs).toFixed(1)} ms`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
