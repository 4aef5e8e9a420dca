// A migration that fills a synced column (a default for existing rows, a value
// derived from other data, or a value it clears) changes cells that no other
// replica or the server has seen: without sync entries, a workstation that
// joins later gets the column empty from the server while the upgraded ones
// hold the filled value, and replicas differ for good. So each declared
// backfill is captured like a write: the cells go into the outbox and into the
// row's per-column clocks, stamped with a clock just above the value they
// replace (the column's own clock, or the row's, or nothing for a new column).
// That is enough to win over the value before the migration and never enough
// to win over a real edit made after it, on this or any workstation; two
// workstations that run the same backfill write the same value, so whichever
// clock wins, the cell is the same.
import { entityTables, type EntityTable } from '../../../shared/domain/entities';
import { compareHlc, formatHlc, isHlcText, parseHlc, type Hlc } from '../../../shared/sync/hlc';
import type { Db } from './open-database';
import { decodeValue, type SqlValue } from './row-codec';

export interface Backfill {
  readonly table: EntityTable;
  readonly columns: readonly string[];
}

const NO_CLOCK: Hlc = { millis: 0, counter: 0, deviceId: '' };

/** Same row format as write/outbox.ts: one row per mutation, its cells as JSON. */
const APPEND = 'INSERT INTO sync_outbox (tbl, rowId, hlc, columns) VALUES (?, ?, ?, ?)';

export function captureBackfills(db: Db, backfills: readonly Backfill[]): void {
  const device = db.prepare("SELECT value FROM local_meta WHERE key = 'deviceId'").get() as
    { value: string } | undefined;
  // A store being created has no device yet, and no rows either.
  if (!device) return;
  const append = db.prepare(APPEND);
  for (const { table, columns } of backfills) {
    if (!entityTables.includes(table)) throw new Error(`backfill of unknown table ${table}`);
    const cols = columns.map((c) => `"${c}"`).join(', ');
    const setClocks = db.prepare(
      `UPDATE ${table} SET _clocks = json_patch(_clocks, ?) WHERE id = ?`,
    );
    const rows = db.prepare(`SELECT id, _hlc, _clocks, ${cols} FROM ${table}`).all() as Record<
      string,
      SqlValue
    >[];
    for (const row of rows) {
      const clocks = JSON.parse(String(row['_clocks'])) as Record<string, string>;
      const held = [String(row['_hlc']), ...columns.map((c) => clocks[c] ?? '')]
        .filter(isHlcText)
        .map(parseHlc)
        .reduce((a, b) => (compareHlc(a, b) >= 0 ? a : b), NO_CLOCK);
      const hlc = formatHlc({
        millis: held.millis,
        counter: held.counter + 1,
        deviceId: device.value,
      });
      const cells = Object.fromEntries(
        columns.map((c) => [c, decodeValue(table, c, row[c] ?? null)]),
      );
      append.run(table, String(row['id']), hlc, JSON.stringify(cells));
      setClocks.run(JSON.stringify(Object.fromEntries(columns.map((c) => [c, hlc]))), row['id']);
    }
  }
}
