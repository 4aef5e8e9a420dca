// Migration 3: staff accounts an admin manages. `users.mustChangePassword`
// (synced like every column: a reset and the user's own change are each one
// mutation, so the later one wins both the hash and the flag together) makes a
// user with a temporary password choose a new one at next login.
// `login_throttle` is this workstation's own count of wrong passwords per
// account (never synced: throttling is per workstation, and works offline).
import type { Migration } from './migration';

export const migration003: Migration = {
  version: 3,
  name: 'account management',
  sql: `
ALTER TABLE users ADD COLUMN mustChangePassword INTEGER;
UPDATE users SET mustChangePassword = 0;
CREATE TABLE login_throttle (
  account TEXT PRIMARY KEY NOT NULL,
  failures INTEGER NOT NULL,
  retryAt INTEGER NOT NULL
) STRICT;
`,
  backfills: [{ table: 'users', columns: ['mustChangePassword'] }],
};
