// SQL of the per-table statements the write path and the repositories share,
// built once per table. Statements themselves are cached per handle by
// store/statement-cache.ts.
import type { EntityTable } from '../../../shared/domain/entities';
import { entityColumns } from '../store/row-codec';

const memo = <T>(build: (table: EntityTable) => T) => {
  const cache = new Map<EntityTable, T>();
  return (table: EntityTable): T => {
    let v = cache.get(table);
    if (v === undefined) cache.set(table, (v = build(table)));
    return v;
  };
};

export const insertSql = memo((table) => {
  const columns = entityColumns(table);
  return `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}, _hlc) VALUES (${columns.map(() => '?').join(', ')}, ?)`;
});

export const selectByIdSql = memo(
  (table) => `SELECT * FROM ${table} WHERE id = ? AND tenantId = ?`,
);
