// Bootstrap (issue 15): a new workstation joins a clinic whose server holds
// about 2,000,000 cells (117,648 patients x 17 cells; a cell is one column of
// one row, the unit of the merge; protocol 3 sends a patient's cells as one
// sealed change) and bootstraps from the snapshot over loopback HTTPS with
// mutual TLS: snapshot pages, decryption, merge into its encrypted store, the
// audit history, the foreign-key check, and the catch-up pull. Target: <= 15 s
// (stretch 8 s); PowerSync publishes 27,600 rows/s for its initial sync.
// The server (SQLite store) is seeded through its store's push, not over HTTP:
// the same transaction code as POST /v1/push, in batches of 2,000 changes.
// Run: node bin/run-ts.js bench/sync-bootstrap.bench.ts (BENCH_SCALE=0.1 for a quick run).
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { syncRound } from '../electron/core/sync/sync-round';
import { profiled } from './support/profile';
import { seedPatientCells, seededCellsPerPatient } from './support/seed-cells';
import { startBenchServer } from './support/server';
import { fmt, note, perSecond, scaled, timed, verdict } from './support/stats';
import { connect, joinWorkstation, newClinic } from './support/workstations';
import { writableDb } from '../electron/core/clinic/writable-db';

const CELLS = 2_000_000;
const CELLS_PER_PATIENT = seededCellsPerPatient();
const TARGET_SECONDS = 15;

export interface BootstrapResult {
  cells: number;
  /** Sealed changes the snapshot and catch-up carried. */
  changes: number;
  patients: number;
  seedSeconds: number;
  bootstrapSeconds: number;
  cellsPerSecond: number;
  rowsPerSecond: number;
  /** The longest the event loop was blocked during the bootstrap (the app's requests wait that long), ms. */
  maxStallMs: number;
  /** Seconds the full-scale bootstrap would take at this run's rate (equal to bootstrapSeconds at scale 1). */
  fullScaleSeconds: number;
}

export async function run(): Promise<BootstrapResult> {
  const patients = scaled(Math.ceil(CELLS / CELLS_PER_PATIENT));
  const bench = await startBenchServer();
  const a = await newClinic();
  try {
    await connect(a.store, bench.server);
    await syncRound(a.store);
    const seed = await timed(() => seedPatientCells(bench.server.store, a.store, patients));
    note(
      `seeded ${fmt(seed.value)} cells into the server store in ${(seed.ms / 1000).toFixed(1)} s`,
    );
    const b = await joinWorkstation(a.store, bench.server);
    try {
      const stalls = monitorEventLoopDelay({ resolution: 10 });
      stalls.enable();
      const round = await profiled('sync-bootstrap', () => timed(() => syncRound(b.store)));
      stalls.disable();
      const rows = (
        writableDb(b.store).prepare('SELECT count(*) AS n FROM patients').get() as { n: number }
      ).n;
      if (!round.value.bootstrapped || rows < patients)
        throw new Error(`bootstrap incomplete: ${rows} of ${patients} patients arrived`);
      const cellsPerSecond = perSecond(seed.value, round.ms);
      return {
        cells: seed.value,
        changes: round.value.pulled,
        patients: rows,
        seedSeconds: seed.ms / 1000,
        bootstrapSeconds: round.ms / 1000,
        cellsPerSecond,
        rowsPerSecond: perSecond(rows, round.ms),
        maxStallMs: stalls.max / 1e6,
        fullScaleSeconds: CELLS / cellsPerSecond,
      };
    } finally {
      b.close();
    }
  } finally {
    a.close();
    await bench.stop();
  }
}

export function format(r: BootstrapResult): string[] {
  return [
    `server seeded with ${fmt(r.patients)} patients x ${CELLS_PER_PATIENT} columns (${fmt(r.cells)} cells) through its store's push in ${r.seedSeconds.toFixed(1)} s; the snapshot carried ${fmt(r.changes)} sealed changes (with the clinic's set-up rows)`,
    `new workstation bootstrap from the snapshot (SQLite server): ${r.bootstrapSeconds.toFixed(1)} s, ${fmt(r.cellsPerSecond)} cells/s = ${fmt(r.rowsPerSecond)} rows/s (PowerSync publishes 27,600 rows/s; target <= ${TARGET_SECONDS} s for ${fmt(CELLS)} cells) ${verdict(r.fullScaleSeconds <= TARGET_SECONDS)}`,
    `  longest event-loop stall during it (the app's own requests wait at most this): ${r.maxStallMs.toFixed(0)} ms`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
