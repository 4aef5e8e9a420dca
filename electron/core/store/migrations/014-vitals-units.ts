// Migration 14: the clinic's units for vitals. Keeps every row.
// - tenants.unitSystem ('metric', 'imperial'): the units the chart's vitals are
//   typed and shown in, on screens and documents. Existing clinics get
//   'metric' (what they have always seen), declared as a backfill so a
//   workstation that joins later gets it from the server too.
// Recorded vitals are untouched: they are stored in metric whatever the
// setting says, plus, when typed in another unit, the value as typed (a field
// of the record's sealed content, shared/charting/units.ts), so switching the
// setting changes how they are shown, never what was recorded. Merge: a tenant
// cell, per-column last-writer-wins by HLC like the clinic's other settings.
import type { Migration } from './migration';

export const migration014: Migration = {
  version: 14,
  name: 'vitals units',
  sql: `
ALTER TABLE tenants ADD COLUMN unitSystem TEXT;
UPDATE tenants SET unitSystem = 'metric';
`,
  backfills: [{ table: 'tenants', columns: ['unitSystem'] }],
};
