// One repository per entity, all of this shape. Every read is scoped to the
// caller's tenant and hides tombstones: an id from another tenant is simply
// "not found". Every write goes through the store's one write path.
import { entitySchemas, type EntityOf, type EntityTable } from '../../../shared/domain/entities';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../audit/audit-writer';
import type { ClinicStore } from '../clinic/clinic-store';
import { decodeRow, type SqlRow, type SqlValue } from '../store/row-codec';
import { selectByIdSql } from '../write/statements';

export interface ListQuery {
  /** SQL condition over the table's columns, with `?` parameters. Never built from user text. */
  where?: string;
  params?: SqlValue[];
  orderBy?: string;
  limit?: number;
  offset?: number;
  includeDeleted?: boolean;
}

export class EntityRepository<T extends EntityTable> {
  constructor(
    private readonly store: ClinicStore,
    readonly table: T,
  ) {}

  private parse(row: SqlRow): EntityOf<T> {
    return entitySchemas[this.table].parse(decodeRow(this.table, row)) as EntityOf<T>;
  }

  find(tenantId: string, id: string): EntityOf<T> | null {
    const row = this.store.read.prepare(selectByIdSql(this.table)).get(id, tenantId) as
      SqlRow | undefined;
    if (!row || row['deletedAt'] !== null) return null;
    return this.parse(row);
  }

  get(tenantId: string, id: string): EntityOf<T> {
    const found = this.find(tenantId, id);
    if (!found) throw new AppError('NOT_FOUND', 'That record does not exist.');
    return found;
  }

  list(tenantId: string, q: ListQuery = {}): EntityOf<T>[] {
    const sql = `SELECT * FROM ${this.table} WHERE tenantId = ?${q.includeDeleted ? '' : ' AND deletedAt IS NULL'}${
      q.where ? ` AND (${q.where})` : ''
    }${q.orderBy ? ` ORDER BY ${q.orderBy}` : ''} LIMIT ? OFFSET ?`;
    const rows = this.store.read
      .prepare(sql)
      .all(tenantId, ...(q.params ?? []), q.limit ?? -1, q.offset ?? 0) as SqlRow[];
    return rows.map((r) => this.parse(r));
  }

  count(tenantId: string, q: Pick<ListQuery, 'where' | 'params'> = {}): number {
    const sql = `SELECT count(*) AS n FROM ${this.table} WHERE tenantId = ? AND deletedAt IS NULL${q.where ? ` AND (${q.where})` : ''}`;
    return (this.store.read.prepare(sql).get(tenantId, ...(q.params ?? [])) as { n: number }).n;
  }

  create(actor: Actor, values: Partial<EntityOf<T>>, id?: string): EntityOf<T> {
    return this.store.write(actor, {
      kind: 'create',
      table: this.table,
      values,
      ...(id ? { id } : {}),
    });
  }

  update(actor: Actor, id: string, values: Partial<EntityOf<T>>): EntityOf<T> {
    return this.store.write(actor, { kind: 'update', table: this.table, id, values });
  }

  delete(actor: Actor, id: string): EntityOf<T> {
    return this.store.write(actor, { kind: 'delete', table: this.table, id });
  }
}
