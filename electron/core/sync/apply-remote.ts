// Applying changes from other workstations (pulled pages or a bootstrap
// snapshot) with the shared merge rule: per-cell last-writer-wins by HLC. A
// change seals a mutation's columns together (protocol 3); the columns it
// wins are decided from its clear column list and HLC, and it is decrypted
// only if it wins at least one.
// This is the replication path, the one writer besides the mutation path: it
// writes no outbox entries (the changes already exist elsewhere) and no audit
// entries (the originating device audited them; its entries arrive separately).
import { entityTables, isEntityTable, type EntityTable } from '../../../shared/domain/entities';
import { deferIndexes, rebuildDeferredIndexesYielding } from '../store/deferred-indexes';
import { GENESIS_HASH, type AuditLog } from '../../../shared/domain/audit-log';
import { AppError } from '../../../shared/errors';
import { hashAudit } from '../audit/audit-writer';
import { HlcError } from '../../../shared/sync/hlc';
import { shouldApply } from '../../../shared/sync/merge';
import type { Change } from '../../../shared/sync/protocol';
import type { ClinicStore } from '../clinic/clinic-store';
import { encodeValue, entityColumns, type SqlValue } from '../store/row-codec';
import { writableDb } from '../clinic/writable-db';
import { cachedStatement } from '../store/statement-cache';
import { openChange } from './value-crypto';

export interface ApplyResult {
  applied: number;
  skipped: number;
  /** A plain-words warning when a remote clock is too far ahead of ours (changes are still applied). */
  clockWarning: string | null;
}

/** Per table, the columns a change can write: every column but `id`. */
const columnSets = new Map<EntityTable, Set<string>>();
const writableColumns = (table: EntityTable): Set<string> => {
  let set = columnSets.get(table);
  if (!set) columnSets.set(table, (set = new Set(entityColumns(table).filter((c) => c !== 'id'))));
  return set;
};
const knownColumn = (table: EntityTable, column: string) => writableColumns(table).has(column);

export function applyRemoteChanges(store: ClinicStore, changes: readonly Change[]): ApplyResult {
  const tenantId = store.tenantId;
  if (!tenantId) throw new Error('applyRemoteChanges: the store has no clinic');
  const result: ApplyResult = { applied: 0, skipped: 0, clockWarning: null };
  // A patient pointer or a merge arrived: rows of merged patients are re-pointed after.
  let pointers = false;
  // Group by row so each row is read and written once per page.
  const rows = new Map<string, { table: EntityTable; rowId: string; changes: Change[] }>();
  for (const c of changes) {
    if (!isEntityTable(c.table)) {
      result.skipped += c.columns.length;
      continue;
    }
    const key = `${c.table}\u0000${c.rowId}`;
    let group = rows.get(key);
    if (!group) rows.set(key, (group = { table: c.table, rowId: c.rowId, changes: [] }));
    group.changes.push(c);
  }
  const db = writableDb(store);
  /**
   * The common case, a create arriving whole (one change naming every column of
   * a row this replica does not hold): inserted as the general path below would
   * store it, the row's clock alone, without folding it column by column.
   * Anything else (another clinic's tenantId in the value included) returns
   * false and takes the general path.
   */
  const insertWholeCreate = (table: EntityTable, rowId: string, c: Change): boolean => {
    const writable = writableColumns(table);
    if (c.columns.length !== writable.size || !c.columns.every((col) => writable.has(col)))
      return false;
    const values = openChange(store.keyring, tenantId, c);
    const cols: string[] = [];
    const encoded: SqlValue[] = [];
    for (let i = 0; i < c.columns.length; i++) {
      const column = c.columns[i] as string;
      if (column === 'tenantId') {
        if (values[i] !== tenantId) return false;
        continue;
      }
      cols.push(column);
      encoded.push(encodeValue(table, column, values[i]));
    }
    cachedStatement(
      db,
      `INSERT INTO ${table} (id, tenantId${cols.map((col) => `, "${col}"`).join('')}, _hlc, _clocks) VALUES (?, ?${cols.map(() => ', ?').join('')}, ?, '{}')`,
    ).run(rowId, tenantId, ...encoded, c.hlc);
    return true;
  };
  store.transaction(() => {
    // Rows of one page may reference rows of a later page (or each other out of order).
    db.pragma('defer_foreign_keys = ON');
    const receive = (hlc: string) => {
      try {
        store.clock.receive(hlc);
      } catch (e) {
        if (!(e instanceof HlcError)) throw e;
        result.clockWarning = e.message;
      }
    };
    for (const { table, rowId, changes: rowChanges } of rows.values()) {
      // One lookup by id: a row with this id that belongs to another tenant is never touched.
      const current = cachedStatement(
        db,
        `SELECT tenantId, _hlc, _clocks FROM ${table} WHERE id = ?`,
      ).get(rowId) as { tenantId: string | null; _hlc: string; _clocks: string } | undefined;
      if (current && current.tenantId !== tenantId) {
        result.skipped += rowChanges.reduce((n, c) => n + c.columns.length, 0);
        continue;
      }
      const [only] = rowChanges;
      if (!current && only && rowChanges.length === 1 && insertWholeCreate(table, rowId, only)) {
        receive(only.hlc);
        result.applied += only.columns.length;
        if (only.columns.includes('patientId') || only.columns.includes('mergedInto'))
          pointers = true;
        continue;
      }
      const clocks = current ? (JSON.parse(current._clocks) as Record<string, string>) : {};
      const winners = new Map<string, { hlc: string; value: unknown }>();
      for (const c of rowChanges) {
        // The columns this change wins, from clear metadata only: a change that
        // wins none is never decrypted.
        const wins: number[] = [];
        c.columns.forEach((column, i) => {
          const held = winners.get(column)?.hlc ?? clocks[column] ?? current?._hlc ?? null;
          if (knownColumn(table, column) && shouldApply(held, c.hlc)) wins.push(i);
          else result.skipped++;
        });
        if (wins.length === 0) continue;
        const values = openChange(store.keyring, tenantId, c);
        for (const i of wins) {
          const column = c.columns[i] as string;
          const value = values[i];
          if (column === 'tenantId' && value !== tenantId) {
            result.skipped++;
            continue;
          }
          winners.set(column, { hlc: c.hlc, value });
          if (column === 'patientId' || column === 'mergedInto') pointers = true;
        }
        receive(c.hlc);
      }
      if (winners.size === 0) continue;
      const cols = [...winners.keys()].filter((c) => c !== 'tenantId');
      const values = cols.map((c) => encodeValue(table, c, winners.get(c)?.value));
      const newClocks = JSON.stringify(
        Object.fromEntries([...winners].map(([c, w]) => [c, w.hlc])),
      );
      if (current) {
        if (cols.length > 0) {
          cachedStatement(
            db,
            `UPDATE ${table} SET ${cols.map((c) => `"${c}" = ?`).join(', ')}, _clocks = json_patch(_clocks, ?) WHERE id = ?`,
          ).run(...values, newClocks, rowId);
        }
      } else {
        const hlcs = new Set([...winners.values()].map((w) => w.hlc));
        // A whole row written at one HLC (a create, as the write path stores its
        // own): the row's clock alone, as there. Otherwise '0', which sorts below
        // every HLC, and each written column's own clock in _clocks: a column no
        // change has written yet must lose to any that arrives later.
        const whole = hlcs.size === 1 && winners.size === writableColumns(table).size;
        cachedStatement(
          db,
          `INSERT INTO ${table} (id, tenantId${cols.map((c) => `, "${c}"`).join('')}, _hlc, _clocks) VALUES (?, ?${cols.map(() => ', ?').join('')}, ?, ?)`,
        ).run(rowId, tenantId, ...values, ...(whole ? [[...hlcs][0], '{}'] : ['0', newClocks]));
      }
      result.applied += winners.size;
    }
    if (pointers) store.repointMergedPatients();
  });
  return result;
}

/**
 * Audit entries of other devices, insert-only, each checked before it is
 * stored: its hash recomputed from its content, its link to the same device's
 * previous entry (already here, or earlier in this page), and its place in the
 * sequence. An entry already here must be the same entry. Anything else means
 * the server (or whoever can write its database) sent a forged or rewritten
 * history: the whole page is refused, nothing of it is written, and the sync
 * round fails with that message.
 */
export function applyRemoteAudit(store: ClinicStore, entries: readonly AuditLog[]): number {
  const tenantId = store.tenantId;
  const db = writableDb(store);
  const insert = cachedStatement(
    db,
    `INSERT INTO audit_logs (id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail, pushed)
     VALUES (@id, @tenantId, @userId, @action, @tableAffected, @recordId, @timestamp, @deviceId, @deviceSeq, @prevHash, @hash, @detail, 1)`,
  );
  const at = cachedStatement(
    db,
    'SELECT hash FROM audit_logs WHERE deviceId = ? AND deviceSeq = ?',
  );
  const refuse = (e: AuditLog, what: string): never => {
    throw new AppError(
      'INTEGRITY_FAILED',
      `The sync server sent an audit history that does not check out (workstation ${e.deviceId.slice(0, 8)}, entry ${e.deviceSeq}: ${what}). Nothing from this page was stored.`,
    );
  };
  const ordered = entries
    .filter((e) => e.tenantId === tenantId && e.deviceId !== store.deviceId)
    .sort((a, b) => a.deviceId.localeCompare(b.deviceId) || a.deviceSeq - b.deviceSeq);
  let added = 0;
  store.transaction(() => {
    for (const e of ordered) {
      const { hash, ...content } = e;
      if (hashAudit(content) !== hash) refuse(e, 'its content does not match its hash');
      const existing = at.get(e.deviceId, e.deviceSeq) as { hash: string } | undefined;
      if (existing) {
        if (existing.hash !== hash) refuse(e, 'it differs from the entry already here');
        continue;
      }
      const previous =
        e.deviceSeq === 1
          ? { hash: GENESIS_HASH }
          : (at.get(e.deviceId, e.deviceSeq - 1) as { hash: string } | undefined);
      if (!previous) refuse(e, 'the entry before it is missing');
      else if (previous.hash !== e.prevHash) refuse(e, 'it does not follow the entry before it');
      added += insert.run(e).changes;
    }
  });
  return added;
}

/**
 * Runs a bulk load (a bootstrap snapshot) with foreign keys off, since its
 * pages are keyed by table, not in dependency order (the caller checks
 * foreign keys once at the end with foreign_key_check), and with the entity
 * tables' plain indexes built once at the end instead of row by row
 * (store/deferred-indexes.ts), one per transaction so other work runs between.
 */
export async function bulkLoad<R>(store: ClinicStore, load: () => Promise<R>): Promise<R> {
  const db = writableDb(store);
  db.pragma('foreign_keys = OFF');
  try {
    deferIndexes(db, entityTables);
    return await load();
  } finally {
    await rebuildDeferredIndexesYielding(db);
    db.pragma('foreign_keys = ON');
  }
}

/**
 * One pulled page: its changes, its audit entries and the new cursor in one
 * transaction, so an interruption leaves either the whole page merged and the
 * cursor past it, or nothing (the page is fetched again).
 */
export function applyRemotePage(
  store: ClinicStore,
  changes: readonly Change[],
  audit: readonly AuditLog[],
  nextCursor: number,
): ApplyResult {
  return store.transaction(() => {
    const result = applyRemoteChanges(store, changes);
    applyRemoteAudit(store, audit);
    store.sync.cursor = nextCursor;
    return result;
  });
}
