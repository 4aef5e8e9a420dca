// Prepared statements cached per database handle and SQL text: the one
// statement cache of the core. Preparing costs as much as running a small
// statement a few times (about 8% of a patient create, profiled), and hot
// paths run the same few shapes for every row. Some shapes depend on data
// (which columns an UPDATE sets, a list's WHERE), so the cache is bounded:
// past the cap it starts over rather than grow with every shape ever seen.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open-database';

const CAP = 512;
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
