// Migration 9: the clinic profile's phone number and locale. Keeps every row.
// - tenants.phone: printed on documents; empty until an admin sets it.
// - tenants.dateFormat ('YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY',
//   'DD.MM.YYYY') and tenants.timeFormat ('24h', '12h'): how every date and
//   time in the app and on documents is written (shared/format). Existing
//   clinics get ISO dates and 24-hour time, declared as backfills so a
//   workstation that joins later gets them from the server too.
// The clinic's time zone and currency were on tenants already (timeZone,
// currency) and are untouched. Merge: every one of these is a tenant cell,
// per-column last-writer-wins by HLC like the tenant's other settings; an
// admin who changes the date format on one workstation and another who
// changes the time format on another both keep their change.
import type { Migration } from './migration';

export const migration009: Migration = {
  version: 9,
  name: 'clinic profile',
  sql: `
ALTER TABLE tenants ADD COLUMN phone TEXT;
ALTER TABLE tenants ADD COLUMN dateFormat TEXT;
ALTER TABLE tenants ADD COLUMN timeFormat TEXT;
UPDATE tenants SET dateFormat = 'YYYY-MM-DD', timeFormat = '24h';
`,
  backfills: [{ table: 'tenants', columns: ['dateFormat', 'timeFormat'] }],
};
