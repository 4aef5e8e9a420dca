// An open clinic store: the encrypted database of one data directory, this
// workstation's identity and clock, the clinic keyring, the one write path,
// and typed access to the workstation's local state. Everyone else reads
// through `read` (a ReadableDB) and writes through `write` (write/mutation.ts).
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityOf, EntityTable } from '../../../shared/domain/entities';
import type { AuditAction } from '../../../shared/domain/enums';
import { AppError } from '../../../shared/errors';
import type { HybridLogicalClock } from '../../../shared/sync/hlc';
import { appendAudit, type Actor } from '../audit/audit-writer';
import { persistClock, restoreClock } from '../clock/device-clock';
import { keyringFrom, type ClinicKeyring } from '../crypto/clinic-keys';
import type { KeyWrapper } from '../keys/key-wrapper';
import {
  insertNewClinicKey,
  readClinicKeys,
  replaceClinicKeys,
  type ClinicKeyRow,
} from '../store/clinic-keys';
import { asWritable, readHandle, type ReadableDB, type WritableDB } from '../store/db-handles';
import { localMeta, type LocalMeta, type NumberSeries } from '../store/local-meta';
import { loginThrottle, type LoginThrottle } from '../store/login-throttle';
import { recordDrafts, type RecordDrafts } from '../store/record-drafts';
import { migrate, schemaVersion } from '../store/migrate';
import { rebuildDeferredIndexes } from '../store/deferred-indexes';
import { ensureInvoiceMoney } from '../store/invoice-money';
import { ensureStarterCodes, icd10Codes, type Icd10Codes } from '../store/icd10-codes';
import { latestSchemaVersion } from '../store/migrations';
import { storageFailure } from '../store/store-errors';
import { openEncryptedDatabase, type Db } from '../store/open-database';
import { storePaths } from '../store/paths';
import { syncState, type SyncState } from '../store/sync-state';
import { readWrappedKey, writeWrappedKey } from '../store/wrapped-key-file';
import { immediate } from '../store/immediate';
import { mutate, type FaultInjector, type Mutation } from '../write/mutation';
import { outbox, type Outbox } from '../write/outbox';
import { repointMergedPatients } from '../write/repoint-merged';
import { registerWritable } from './writable-db';

export interface StoreOptions {
  now?: () => number;
  faults?: FaultInjector;
  /**
   * False for commands that only read (verify, export, backup): an older store
   * is opened as it is, never migrated, and nothing is written on open.
   */
  migrate?: boolean;
}

const SERIES_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newSeriesCode = (): string =>
  Array.from(randomBytes(4), (b) => SERIES_ALPHABET[b % SERIES_ALPHABET.length]).join('');

/** A store opened without migrating must be one: not empty, not newer than this app. */
function checkReadable(db: Db): void {
  const version = schemaVersion(db);
  if (version === 0)
    throw new AppError(
      'INTEGRITY_FAILED',
      'This file holds no EHRBS store (it has no schema). Nothing was changed.',
    );
  if (version > latestSchemaVersion)
    throw new AppError(
      'STORE_NEWER_THAN_APP',
      `This store was written by a newer EHRBS (schema ${version}; this app knows up to ${latestSchemaVersion}). Update the app; the store was not changed.`,
    );
}

export class ClinicStore {
  readonly deviceId: string;
  readonly clock: HybridLogicalClock;
  /** Reads for services, repositories and views: statements that cannot write. */
  readonly read: ReadableDB;
  /** This workstation's own state (identity, clock, number series). */
  readonly meta: LocalMeta;
  /** Sync identity and progress. */
  readonly sync: SyncState;
  readonly outbox: Outbox;
  /** Wrong passwords per account on this workstation. */
  readonly loginThrottle: LoginThrottle;
  /** Visit-note drafts on this workstation (never synced). */
  readonly drafts: RecordDrafts;
  /** The ICD-10 code list of this workstation (reference data, never synced). */
  readonly codes: Icd10Codes;
  private readonly db: WritableDB;
  private keyringCache: ClinicKeyring | null = null;
  private closed = false;

  private constructor(
    db: Db,
    readonly dataDir: string,
    readonly now: () => number,
    private readonly faults: FaultInjector | undefined,
  ) {
    this.db = asWritable(db);
    registerWritable(this, this.db);
    this.read = readHandle(db);
    this.meta = localMeta(this.db);
    this.sync = syncState(this.db);
    this.loginThrottle = loginThrottle(this.db);
    this.drafts = recordDrafts(this.db);
    this.codes = icd10Codes(this.db);
    const deviceId = this.meta.get('deviceId');
    if (!deviceId) throw new AppError('INTEGRITY_FAILED', 'The store has no device identity.');
    this.deviceId = deviceId;
    this.outbox = outbox(this.db, deviceId, this.sync);
    this.clock = restoreClock(this.read, this.meta, deviceId, now);
  }

  /** A new, empty encrypted store in `dataDir` (no clinic yet). Refuses to overwrite one. */
  static async create(
    dataDir: string,
    wrapper: KeyWrapper,
    opts: StoreOptions = {},
  ): Promise<ClinicStore> {
    const paths = storePaths(dataDir);
    if (existsSync(paths.database))
      throw new AppError('STORE_EXISTS', 'A store already exists in this data directory.');
    // Clinical data: this user's only, whatever the umask (SQLite gives the WAL files the database's mode).
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const rawKey = randomBytes(32);
    const building = `${paths.database}.creating`;
    rmSync(building, { force: true });
    try {
      const db = asWritable(openEncryptedDatabase(building, rawKey, { create: true }));
      chmodSync(building, 0o600);
      migrate(db);
      db.transaction(() => {
        const meta = localMeta(db);
        meta.set('deviceId', randomUUID());
        meta.set('seriesCode', newSeriesCode());
        insertNewClinicKey(db, new Date((opts.now ?? Date.now)()).toISOString());
      })();
      db.close();
      // The key file lands before the database is renamed into place: a crash in
      // between leaves no database, so `create` can simply run again.
      await writeWrappedKey(paths.wrappedKey, wrapper, rawKey);
      renameSync(building, paths.database);
    } finally {
      rawKey.fill(0);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    }
    return ClinicStore.open(dataDir, wrapper, opts);
  }

  static async open(
    dataDir: string,
    wrapper: KeyWrapper,
    opts: StoreOptions = {},
  ): Promise<ClinicStore> {
    const paths = storePaths(dataDir);
    if (!existsSync(paths.database))
      throw new AppError('STORE_MISSING', 'No EHRBS store was found in this data directory.');
    const rawKey = await readWrappedKey(paths.wrappedKey, wrapper);
    let db: Db;
    try {
      db = openEncryptedDatabase(paths.database, rawKey, { create: false });
    } finally {
      rawKey.fill(0);
    }
    try {
      if (opts.migrate === false) checkReadable(db);
      else {
        // Indexes a bulk load dropped and did not rebuild (a crash mid-bootstrap), before
        // any migration can refer to them.
        if (schemaVersion(db) > 0) rebuildDeferredIndexes(asWritable(db));
        migrate(db);
        ensureInvoiceMoney(db);
        ensureStarterCodes(db);
      }
      return new ClinicStore(db, dataDir, opts.now ?? Date.now, opts.faults);
    } catch (e) {
      db.close();
      throw storageFailure(e) ?? e;
    }
  }

  get tenantId(): string | null {
    return this.meta.get('tenantId');
  }

  get isDemo(): boolean {
    return this.meta.get('isDemo') === '1';
  }

  get seriesCode(): string {
    return this.meta.get('seriesCode') ?? 'X';
  }

  /** Whether the store is at the schema this app writes (false only when opened without migrating). */
  get isCurrent(): boolean {
    return this.schemaVersion === latestSchemaVersion;
  }

  /** The schema version (PRAGMA user_version) the store is at. */
  get schemaVersion(): number {
    return Number(this.read.pragmaValue('user_version'));
  }

  get keyring(): ClinicKeyring {
    this.keyringCache ??= keyringFrom(readClinicKeys(this.read));
    return this.keyringCache;
  }

  /** A joining workstation takes the clinic's keys (they arrive wrapped in the enrollment code). */
  adoptClinicKeys(keys: readonly ClinicKeyRow[]): void {
    replaceClinicKeys(this.db, keys);
    this.keyringCache = null;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** The next number of one of this workstation's series, inside the caller's transaction. */
  nextNumber(series: NumberSeries): number {
    return this.meta.nextNumber(series);
  }

  /** The one write path (see write/mutation.ts). */
  write<T extends EntityTable>(actor: Actor, m: Mutation<T>): EntityOf<T> {
    return mutate({ db: this.db, clock: this.clock, now: this.now, faults: this.faults }, actor, m);
  }

  /** Re-points rows of merged patients to their survivors (write/repoint-merged.ts); how many moved. */
  repointMergedPatients(): number {
    const tenantId = this.tenantId;
    return tenantId ? repointMergedPatients(this.db, tenantId) : 0;
  }

  /** An audit entry for something that is not a row write: a read of clinical content, a login, an export. */
  audit(
    actor: Actor,
    action: AuditAction,
    table: string,
    recordId: string | null,
    detail = '',
  ): void {
    this.db.transaction(() =>
      appendAudit(this.db, actor, { action, table, recordId, detail, timestamp: this.nowIso() }),
    )();
  }

  /** Several writes as one transaction (nested mutations become savepoints). */
  transaction<R>(fn: () => R): R {
    return immediate(this.db, fn);
  }

  /**
   * A consistent copy of the whole store, still encrypted with its key, in one
   * read transaction (safe while the app writes). VACUUM INTO rather than the
   * backup API: see cli/commands/backup.ts.
   */
  snapshotTo(path: string): void {
    this.db.prepare('VACUUM INTO ?').run(path);
  }

  /**
   * Closes without persisting the clock or checkpointing. For callers that
   * wrote nothing and must leave every file byte-for-byte as it was (a refused
   * `ehrbs` command): re-writing even an unchanged page re-encrypts it with a
   * fresh IV, so `close()` would change the file.
   */
  closeUntouched(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    persistClock(this.meta, this.clock);
    // Keeps the query planner's statistics current (SQLite's advice for long-lived databases).
    this.db.pragma('optimize');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
