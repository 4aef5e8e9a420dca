import type { Backfill } from '../migration-backfill';

export interface Migration {
  /** Becomes PRAGMA user_version once applied. Consecutive from 1. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * Synced columns whose existing values this migration sets (defaults for old
   * rows, derived values, cleared values): captured for sync after the SQL runs
   * (store/migration-backfill.ts explains why).
   */
  readonly backfills?: readonly Backfill[];
}
