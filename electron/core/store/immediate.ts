// One IMMEDIATE transaction (or, inside one, a savepoint) around a function,
// with the transaction wrapper built once per handle. better-sqlite3's
// `db.transaction(fn)` builds five wrapper variants every call; on the write
// path that is a wrapper per mutation plus one per caller's transaction
// (profiled: ~2% of a patient create). The wrapper takes the work as its
// argument, so one serves every caller; nesting and rollback are better-sqlite3's
// own (a throw rolls back the transaction, or only the savepoint when nested).
import type { Transaction } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { Db } from './open-database';

// The work's value passes through, so better-sqlite3 still refuses a promise.
type Work = () => unknown;
const wrappers = new WeakMap<Db, Transaction<(work: Work) => unknown>>();

export function immediate<R>(db: Db, fn: () => R): R {
  let tx = wrappers.get(db);
  if (!tx) wrappers.set(db, (tx = db.transaction((work: Work) => work())));
  let result: { value: R } | undefined;
  tx.immediate(() => (result = { value: fn() }).value);
  // Only reached when fn returned (a throw propagates after the rollback).
  if (!result) throw new AppError('INTERNAL', 'A transaction returned without running its work.');
  return result.value;
}
