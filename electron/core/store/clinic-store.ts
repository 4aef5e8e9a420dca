// An open clinic store: the encrypted database of one data directory, this
// workstation's identity and clock, the clinic keyring, and the one write path.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityOf, EntityTable } from '../../../shared/domain/entities';
import type { AuditAction } from '../../../shared/domain/enums';
import { AppError } from '../../../shared/errors';
import type { HybridLogicalClock } from '../../../shared/sync/hlc';
import { appendAudit, type Actor } from '../audit/audit-writer';
import { persistClock, restoreClock } from '../clock/device-clock';
import { createClinicKey, loadKeyring, type ClinicKeyring } from '../crypto/clinic-keys';
import type { KeyWrapper } from '../keys/key-wrapper';
import { mutate, type FaultInjector, type Mutation } from '../write/mutation';
import { getMeta, setMeta } from './local-meta';
import { migrate } from './migrate';
import { openEncryptedDatabase, type Db } from './open-database';
import { storePaths } from './paths';
import { readWrappedKey, writeWrappedKey } from './wrapped-key-file';

export interface StoreOptions {
  now?: () => number;
  faults?: FaultInjector;
}

const SERIES_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newSeriesCode = (): string =>
  Array.from(randomBytes(4), (b) => SERIES_ALPHABET[b % SERIES_ALPHABET.length]).join('');

export class ClinicStore {
  readonly deviceId: string;
  readonly clock: HybridLogicalClock;
  private keyringCache: ClinicKeyring | null = null;
  private closed = false;

  private constructor(
    readonly db: Db,
    readonly dataDir: string,
    readonly now: () => number,
    private readonly faults: FaultInjector | undefined,
  ) {
    const deviceId = getMeta(db, 'deviceId');
    if (!deviceId) throw new AppError('INTEGRITY_FAILED', 'The store has no device identity.');
    this.deviceId = deviceId;
    this.clock = restoreClock(db, deviceId, now);
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
    mkdirSync(dataDir, { recursive: true });
    const rawKey = randomBytes(32);
    const building = `${paths.database}.creating`;
    rmSync(building, { force: true });
    try {
      const db = openEncryptedDatabase(building, rawKey, { create: true });
      migrate(db);
      db.transaction(() => {
        setMeta(db, 'deviceId', randomUUID());
        setMeta(db, 'seriesCode', newSeriesCode());
        createClinicKey(db, new Date((opts.now ?? Date.now)()).toISOString());
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
      migrate(db);
      return new ClinicStore(db, dataDir, opts.now ?? Date.now, opts.faults);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  get tenantId(): string | null {
    return getMeta(this.db, 'tenantId');
  }

  get isDemo(): boolean {
    return getMeta(this.db, 'isDemo') === '1';
  }

  get seriesCode(): string {
    return getMeta(this.db, 'seriesCode') ?? 'X';
  }

  get keyring(): ClinicKeyring {
    this.keyringCache ??= loadKeyring(this.db);
    return this.keyringCache;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** The one write path (see write/mutation.ts). */
  write<T extends EntityTable>(actor: Actor, m: Mutation<T>): EntityOf<T> {
    return mutate({ db: this.db, clock: this.clock, now: this.now, faults: this.faults }, actor, m);
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
    return this.db.transaction(fn).immediate();
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
    persistClock(this.db, this.clock);
    // Keeps the query planner's statistics current (SQLite's advice for long-lived databases).
    this.db.pragma('optimize');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
