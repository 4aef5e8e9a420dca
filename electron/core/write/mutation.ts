// The one write path. Every create, update and delete of every entity goes
// through `mutate`, which in ONE SQLite transaction:
//   1. validates the complete row against its shared schema and writes it,
//      scoped to the actor's tenant;
//   2. appends the per-column change entries (HLC + device) to the sync outbox;
//   3. appends a hash-chained audit entry (who, what, which row, when, where).
// Either all three land or none does. Nothing else writes entity tables.
import { randomUUID } from 'node:crypto';
import { entitySchemas, type EntityOf, type EntityTable } from '../../../shared/domain/entities';
import { AppError } from '../../../shared/errors';
import type { HybridLogicalClock } from '../../../shared/sync/hlc';
import { appendAudit, type Actor } from '../audit/audit-writer';
import type { WritableDB } from '../store/db-handles';
import { decodeRow, encodeValue, entityColumns, type SqlRow } from '../store/row-codec';
import { immediate } from '../store/immediate';
import { cachedStatement } from '../store/statement-cache';
import { appendOutbox } from './outbox';
import { insertSql, selectByIdSql } from './statements';
import { zodIssues } from './zod-issues';

export type Mutation<T extends EntityTable> =
  | { kind: 'create'; table: T; id?: string; values: Partial<EntityOf<T>> }
  | { kind: 'update'; table: T; id: string; values: Partial<EntityOf<T>> }
  | {
      kind: 'delete';
      table: T;
      id: string;
      /** Columns set in the same mutation as the tombstone (a merged patient's `mergedInto`). */
      values?: Partial<EntityOf<T>>;
    };

/** Test hook: called between the steps of a mutation, inside its transaction. */
export type FaultInjector = (step: 'row' | 'outbox' | 'audit') => void;

export interface WriteContext {
  db: WritableDB;
  clock: HybridLogicalClock;
  now: () => number;
  faults?: FaultInjector;
}

const OWNED = new Set(['id', 'tenantId', 'createdAt', 'updatedAt', 'deletedAt']);

/** The caller's values without the columns the mutation path owns. */
const ownColumns = (values: object) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => !OWNED.has(k)));

/** Equal as the database and the outbox see them: primitives by value, JSON-shaped columns by their JSON. */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b ||
  (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

function validate<T extends EntityTable>(table: T, row: Record<string, unknown>): EntityOf<T> {
  const parsed = entitySchemas[table].safeParse(row);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Some fields are missing or invalid.',
      zodIssues(parsed.error),
    );
  }
  return parsed.data as EntityOf<T>;
}

function loadLive(
  db: WritableDB,
  table: EntityTable,
  tenantId: string,
  id: string,
): Record<string, unknown> {
  const row = cachedStatement(db, selectByIdSql(table)).get(id, tenantId) as SqlRow | undefined;
  if (!row || row['deletedAt'] !== null)
    throw new AppError('NOT_FOUND', 'That record does not exist.');
  return decodeRow(table, row);
}

export function mutate<T extends EntityTable>(
  ctx: WriteContext,
  actor: Actor,
  m: Mutation<T>,
): EntityOf<T> {
  return immediate(ctx.db, (): EntityOf<T> => {
    const hlc = ctx.clock.tick();
    const timestamp = new Date(ctx.now()).toISOString();
    let entity: EntityOf<T>;
    let changed: Record<string, unknown>;

    switch (m.kind) {
      case 'create': {
        const id = m.id ?? randomUUID();
        entity = validate(m.table, {
          ...ownColumns(m.values),
          id,
          tenantId: actor.tenantId,
          createdAt: timestamp,
          updatedAt: timestamp,
          deletedAt: null,
        });
        const record = entity as Record<string, unknown>;
        const params = entityColumns(m.table).map((c) => encodeValue(m.table, c, record[c]));
        cachedStatement(ctx.db, insertSql(m.table)).run(...params, hlc);
        changed = {};
        for (const column in record) if (column !== 'id') changed[column] = record[column];
        break;
      }
      case 'update':
      case 'delete': {
        const current = loadLive(ctx.db, m.table, actor.tenantId, m.id);
        const next: Record<string, unknown> =
          m.kind === 'update'
            ? {
                ...current,
                ...ownColumns(m.values),
              }
            : { ...current, ...ownColumns(m.values ?? {}), deletedAt: timestamp };
        next['updatedAt'] = timestamp;
        entity = validate(m.table, next);
        const record = entity as Record<string, unknown>;
        changed = {};
        for (const column of entityColumns(m.table)) {
          if (!sameValue(record[column], current[column])) changed[column] = record[column];
        }
        const columns = Object.keys(changed);
        // Nothing differs (same values within the same millisecond): nothing to write, sync or audit.
        if (columns.length === 0) return entity;
        const assignments = columns.map((c) => `"${c}" = ?`).join(', ');
        const clocks = Object.fromEntries(columns.map((c) => [c, hlc]));
        cachedStatement(
          ctx.db,
          `UPDATE ${m.table} SET ${assignments}, _clocks = json_patch(_clocks, ?) WHERE id = ? AND tenantId = ?`,
        ).run(
          ...columns.map((c) => encodeValue(m.table, c, record[c])),
          JSON.stringify(clocks),
          m.id,
          actor.tenantId,
        );
        break;
      }
    }
    ctx.faults?.('row');

    appendOutbox(ctx.db, m.table, entity.id, hlc, changed);
    ctx.faults?.('outbox');

    appendAudit(ctx.db, actor, {
      action: m.kind,
      table: m.table,
      recordId: entity.id,
      // Column names only, never values: audit entries carry no patient data.
      detail: m.kind === 'update' ? `columns: ${Object.keys(changed).join(',')}` : '',
      timestamp,
    });
    ctx.faults?.('audit');
    return entity;
  });
}
