// Every migration, in order. Add one small file per schema change; never edit
// a released one.
import type { Migration } from './migration';
import { migration001 } from './001-initial';

export const migrations: readonly Migration[] = [migration001];

export const latestSchemaVersion = migrations.length;
