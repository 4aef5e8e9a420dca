import { join } from 'node:path';

/** Where a store's files live inside its data directory. */
export const storePaths = (dataDir: string) => ({
  database: join(dataDir, 'clinic.db'),
  wrappedKey: join(dataDir, 'store-key.json'),
});
