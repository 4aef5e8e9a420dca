// Every migration, in order. Add one small file per schema change; never edit
// a released one.
import type { Migration } from './migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-lean-audit-indexes';
import { migration003 } from './003-accounts';
import { migration004 } from './004-messaging';
import { migration005 } from './005-charting';
import { migration006 } from './006-billing';
import { migration007 } from './007-invoice-money';
import { migration008 } from './008-patient-merge';
import { migration009 } from './009-clinic-profile';
import { migration010 } from './010-patient-sensitivity';
import { migration011 } from './011-duplicate-dismissals';
import { migration012 } from './012-signature-hash-and-codes';
import { migration013 } from './013-chart-documents';
import { migration014 } from './014-vitals-units';
import { migration015 } from './015-patient-credits';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
];

/** The highest version (versions are consecutive from 1; tests/core/store/migrations.test.ts checks). */
export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
