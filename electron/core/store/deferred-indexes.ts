// Secondary indexes built once after a bulk load instead of row by row during
// it. A bootstrap inserts a whole clinic in pages; every page's commit
// rewrites the leaf pages of each index whose keys (names, phone digits, birth
// dates) are spread over the whole index, so smaller pages (a shorter pause
// of the event loop each) cost more time with every index in place. Only
// plain indexes are deferred: UNIQUE ones (and primary keys) keep checking
// every row as it arrives. The definitions are saved in local_meta in the
// same transaction that drops them, so a crash before they are rebuilt leaves
// a record the next open rebuilds them from (ClinicStore.open, before any
// migration runs).
import { setImmediate } from 'node:timers/promises';
import type { WritableDB } from './db-handles';
import { deleteMetaRows, readMetaRow, writeMetaRow } from './local-meta';

const KEY = 'sync:deferredIndexes';

interface SavedIndex {
  name: string;
  sql: string;
}

const saved = (db: WritableDB): SavedIndex[] => {
  const text = readMetaRow(db, KEY);
  return text === null ? [] : (JSON.parse(text) as SavedIndex[]);
};

/** Drops the plain indexes of `tables` (after rebuilding any still pending), remembering them. */
export function deferIndexes(db: WritableDB, tables: readonly string[]): number {
  rebuildDeferredIndexes(db);
  const inList = tables.map(() => '?').join(', ');
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${inList}) AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name`,
    )
    .all(...tables) as SavedIndex[];
  if (indexes.length === 0) return 0;
  db.transaction(() => {
    writeMetaRow(db, KEY, JSON.stringify(indexes));
    for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  }).immediate();
  return indexes.length;
}

const exists = (db: WritableDB, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !==
  undefined;

/** Rebuilds one pending index; false when none is left (the record is then removed). */
function rebuildNext(db: WritableDB): boolean {
  return db
    .transaction(() => {
      const pending = saved(db);
      const next = pending.find((i) => !exists(db, i.name));
      if (!next) {
        if (pending.length > 0) deleteMetaRows(db, [KEY]);
        return false;
      }
      db.exec(next.sql);
      return true;
    })
    .immediate();
}

/** Rebuilds every pending index in one go (at open: nothing else runs yet). */
export function rebuildDeferredIndexes(db: WritableDB): void {
  while (rebuildNext(db));
}

/** Rebuilds the pending indexes one per transaction, letting other work run between them. */
export async function rebuildDeferredIndexesYielding(db: WritableDB): Promise<void> {
  while (rebuildNext(db)) await setImmediate();
}
