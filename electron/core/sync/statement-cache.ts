// Prepared statements of the replication path, cached per database handle.
// Preparing a statement costs as much as running it a few times, and a pulled
// page or snapshot page runs the same few shapes for every row. The shapes of
// UPDATEs depend on which columns changed, so the cache is bounded: past the
// cap it starts over rather than growing with every combination ever seen.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/open-database';

const CAP = 256;
const caches = new WeakMap<Db, Map<string, Statement>>();

export function cachedStatement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= CAP) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
