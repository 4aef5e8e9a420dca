// Who may write, in the types (after Signal Desktop's ReadableDB/WritableDB).
// Services, repositories and views get a ReadableDB: its statements have no
// `run`, and preparing a statement that would change the database fails. Only
// the one write path (electron/core/write), the replication path
// (electron/core/sync/apply-remote.ts) and the local-metadata modules of this
// folder get a WritableDB, which only the ClinicStore hands out
// (clinic/writable-db.ts, an import that the linter allows to those alone).
// So a write that skips the mutation function does not compile, and one that
// tries through a read handle fails before it runs.
import { AppError } from '../../../shared/errors';
import type { Db } from './open-database';
import type { SqlValue } from './row-codec';
import { cachedStatement } from './statement-cache';

export type SqlParam = SqlValue | boolean | undefined | Record<string, SqlValue>;

/** A prepared statement that can only read. */
export interface ReadStatement {
  get(...params: SqlParam[]): unknown;
  all(...params: SqlParam[]): unknown[];
  iterate(...params: SqlParam[]): IterableIterator<unknown>;
}

/** Pragmas that only report. */
export type ReportPragma =
  | 'user_version'
  | 'integrity_check'
  | 'quick_check'
  | 'foreign_key_check'
  | 'page_count'
  | 'page_size'
  | 'freelist_count';

export interface ReadableDB {
  prepare(sql: string): ReadStatement;
  pragma(name: ReportPragma): unknown[];
  /** A pragma's single value (e.g. user_version). */
  pragmaValue(name: ReportPragma): unknown;
}

/** The full handle. The brand makes it impossible to obtain by accident. */
export type WritableDB = Db & { readonly __writable_db: never };

export function readHandle(db: Db): ReadableDB {
  return {
    prepare(sql) {
      const stmt = cachedStatement(db, sql);
      if (!stmt.readonly) {
        throw new AppError('INTERNAL', 'A read-only handle was asked to change the database.');
      }
      return stmt;
    },
    pragma: (name) => db.pragma(name) as unknown[],
    pragmaValue: (name) => db.pragma(name, { simple: true }),
  };
}

/** Only for the ClinicStore (and store-level tools that open a database themselves). */
export const asWritable = (db: Db): WritableDB => db as WritableDB;
