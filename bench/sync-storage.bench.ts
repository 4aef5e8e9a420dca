// Server storage growth (issue 15): 10,000 cells written once, then 1,000,000
// updates to those same cells (100 rounds of every cell, pushed in batches of
// 10,000 through the SQLite store's push), with values shaped like the
// client's ciphertext. The store's files (database + WAL, checkpointed) are
// measured after the first write and at the end. Target: at most 2x the
// storage of the 10,000 cells (the log is compacted as it is written, so no
// retained window beyond the current winners; batch ids: one row per batch).
// Run: node bin/run-ts.js bench/sync-storage.bench.ts (BENCH_SCALE=0.1 for a quick run).
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { openSqliteStore, SQLITE_FILE } from '../sync-server/src/store/sqlite-store';
import { FakeDevice, testDevice } from '../tests/server/helpers/fixtures';
import { fmt, note, scaled, timed, verdict } from './support/stats';
import { tempDir } from './support/workstations';

const CELLS = 10_000;
const UPDATES = 1_000_000;
const BATCH = 10_000;

export interface StorageResult {
  cells: number;
  updates: number;
  cellsBytes: number;
  finalBytes: number;
  ratio: number;
  logRows: number;
  seconds: number;
}

const dirBytes = (dir: string): number =>
  readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

export async function run(): Promise<StorageResult> {
  const cells = scaled(CELLS, 100);
  const updates = scaled(UPDATES, 1000);
  const tmp = tempDir('ehrbs-bench-storage-');
  try {
    const store = openSqliteStore(tmp.dir);
    const tenantId = randomUUID();
    const dev = new FakeDevice(tenantId);
    const now = () => new Date().toISOString();
    await store.registerClinic(
      { id: tenantId, name: 'Clinic', createdAt: now() },
      testDevice(tenantId, dev.deviceId),
    );
    const rows = Array.from({ length: Math.ceil(cells / 10) }, () => randomUUID());
    const columns = ['firstName', 'lastName', 'email', 'phone', 'address'];
    const address = (i: number) => ({
      rowId: rows[i % rows.length] ?? '',
      column: `${columns[Math.floor(i / rows.length) % columns.length] ?? 'notes'}${Math.floor(i / rows.length / columns.length) || ''}`,
    });
    const pushRound = async (from: number, n: number, value: string) => {
      for (let i = from; i < from + n; i += BATCH) {
        const changes = Array.from({ length: Math.min(BATCH, from + n - i) }, (_, k) => {
          const a = address((i + k) % cells);
          return dev.change('patients', a.rowId, a.column, `${value} ${i + k}`);
        });
        await store.push({
          tenantId,
          deviceId: dev.deviceId,
          batchId: randomUUID(),
          changes,
          audit: [],
          now: now(),
        });
      }
    };
    const checkpointed = () => {
      // A second connection checkpoints the WAL into the file, as SQLite does on its own over time.
      const db = new Database(join(tmp.dir, SQLITE_FILE));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return dirBytes(tmp.dir);
    };
    await pushRound(0, cells, 'first value of the cell');
    const cellsBytes = checkpointed();
    const t = await timed(async () => {
      for (let done = 0; done < updates; done += cells) {
        await pushRound(0, Math.min(cells, updates - done), `update ${done}`);
      }
    });
    note(`${fmt(updates)} updates pushed in ${(t.ms / 1000).toFixed(1)} s`);
    const finalBytes = checkpointed();
    const logRows = (await store.counts(now())).changes;
    await store.close();
    return {
      cells,
      updates,
      cellsBytes,
      finalBytes,
      ratio: finalBytes / cellsBytes,
      logRows,
      seconds: t.ms / 1000,
    };
  } finally {
    tmp.remove();
  }
}

export function format(r: StorageResult): string[] {
  return [
    `server storage (SQLite) after ${fmt(r.updates)} updates to ${fmt(r.cells)} cells (${r.seconds.toFixed(1)} s of pushes):`,
    `  ${fmt(r.cellsBytes / 1024)} KiB after the first write of every cell; ${fmt(r.finalBytes / 1024)} KiB at the end; ${fmt(r.logRows)} changes in the log`,
    `  ratio end / cells: ${r.ratio.toFixed(2)} (target <= 2) ${verdict(r.ratio <= 2)}`,
  ];
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
