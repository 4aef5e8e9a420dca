// Every migration, in order. Add one small file per schema change; never edit
// a released one.
import type { Migration } from './migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-lean-audit-indexes';
import { migration003 } from './003-accounts';
import { migration005 } from './005-billing';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration005,
];

/** The highest version (numbers are given out per branch, so one may be missing until a merge). */
export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
