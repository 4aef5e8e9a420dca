// Schema migrations by PRAGMA user_version: all pending ones in one
// transaction, and a database written by a newer app refused untouched.
import { AppError } from '../../../shared/errors';
import type { Db } from './open-database';
import { captureBackfills } from './migration-backfill';
import type { Migration } from './migrations/migration';
import { migrations as allMigrations } from './migrations';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[] = allMigrations): number {
  const current = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'STORE_NEWER_THAN_APP',
      `This store was written by a newer EHRBS (schema ${current}; this app knows up to ${latest}). Update the app; the store was not changed.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      if (m.backfills) captureBackfills(db, m.backfills);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return latest;
}
