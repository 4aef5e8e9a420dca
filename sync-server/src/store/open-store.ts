// Picks the store: PostgreSQL when a database URL is given, else the embedded
// SQLite file in the data directory.
import { AppError } from '../../../shared/errors';
import { openPgStore } from './pg-store';
import { openSqliteStore } from './sqlite-store';
import type { SyncStore } from './types';

export interface StoreOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export async function openStore(options: StoreOptions): Promise<SyncStore> {
  if (options.databaseUrl) return openPgStore(options.databaseUrl);
  if (options.dataDir) return openSqliteStore(options.dataDir);
  throw new AppError('VALIDATION_FAILED', 'A data directory or a database URL is required.');
}
