// Converts between entity objects (the shared zod schemas) and SQLite rows.
// STRICT tables hold TEXT and INTEGER only: booleans become 0/1, JSON-shaped
// fields become JSON text.
import { entitySchemas, type EntityTable } from '../../../shared/domain/entities';

const jsonColumns: Partial<Record<EntityTable, readonly string[]>> = {
  doctors: ['availability'],
  patients: ['emergencyContact'],
  admins: ['permissions'],
};
const booleanColumns: Partial<Record<EntityTable, readonly string[]>> = {
  tenants: ['icalIncludePatientNames'],
  users: ['active', 'mustChangePassword'],
  messages: ['urgent'],
  price_items: ['active'],
};

export type SqlValue = string | number | bigint | Buffer | null;
export type SqlRow = Record<string, SqlValue>;

const columnLists = new Map<EntityTable, readonly string[]>();

/** Column names of an entity table, in schema order (built once per table: the write path asks per row). */
export function entityColumns(table: EntityTable): readonly string[] {
  let columns = columnLists.get(table);
  if (!columns)
    columnLists.set(table, (columns = Object.freeze(Object.keys(entitySchemas[table].shape))));
  return columns;
}

const columnSets = new Map<EntityTable, { json: Set<string>; bool: Set<string> }>();
const setsFor = (table: EntityTable) => {
  let sets = columnSets.get(table);
  if (!sets) {
    sets = { json: new Set(jsonColumns[table] ?? []), bool: new Set(booleanColumns[table] ?? []) };
    columnSets.set(table, sets);
  }
  return sets;
};

export function encodeValue(table: EntityTable, column: string, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  const { json, bool } = setsFor(table);
  if (json.has(column)) return JSON.stringify(value);
  if (bool.has(column)) return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new TypeError(`column ${table}.${column} cannot hold a ${typeof value}`);
}

export function decodeValue(table: EntityTable, column: string, value: SqlValue): unknown {
  if (value === null) return null;
  const { json, bool } = setsFor(table);
  if (json.has(column)) return JSON.parse(String(value));
  if (bool.has(column)) return value === 1 || value === 1n;
  return value;
}

/** A row as the entity object (system columns `_hlc`/`_clocks` dropped). */
export function decodeRow(table: EntityTable, row: SqlRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of entityColumns(table))
    out[column] = decodeValue(table, column, row[column] ?? null);
  return out;
}
