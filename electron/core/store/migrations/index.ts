// Every migration, in order. Add one small file per schema change; never edit
// a released one.
import type { Migration } from './migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-lean-audit-indexes';
import { migration003 } from './003-accounts';
import { migration006 } from './006-charting';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration006,
];

export const latestSchemaVersion = migrations.length;
