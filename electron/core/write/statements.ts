// Prepared statements per table, cached per database handle: preparing is a
// measurable share of a small write.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { EntityTable } from '../../../shared/domain/entities';
import type { Db } from '../store/open-database';
import { entityColumns } from '../store/row-codec';
import { prepared } from '../store/prepared';

const cached = (db: Db, _key: string, sql: () => string): Statement => prepared(db, sql());

export const insertStatement = (db: Db, table: EntityTable): Statement =>
  cached(db, `insert:${table}`, () => {
    const columns = entityColumns(table);
    return `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}, _hlc) VALUES (${columns.map(() => '?').join(', ')}, ?)`;
  });

export const selectByIdStatement = (db: Db, table: EntityTable): Statement =>
  cached(db, `select:${table}`, () => `SELECT * FROM ${table} WHERE id = ? AND tenantId = ?`);
