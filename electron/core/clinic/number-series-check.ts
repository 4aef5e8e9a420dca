// For `ehrbs verify`: gaps in each workstation's number series. Medical record
// numbers (`<series>-000001`) and invoice numbers (`INV-<series>-000001`) are
// issued by one workstation in order, inside the transaction that stores the
// row (store/local-meta.ts), and rows are never removed (a merged patient or a
// void invoice keeps its row), so every number from 1 to the highest one seen
// should be there. A missing one means a row was removed or renumbered.
// Numbers a workstation issued but has not synced yet are above the highest
// this store has seen, so they never show as a gap. Only the missing numbers
// are named: the numbers around them belong to patients and invoices.
import type { ClinicStore } from './clinic-store';

export type NumberSeriesKind = 'medical record number' | 'invoice number';

export interface SeriesGap {
  kind: NumberSeriesKind;
  /** The first missing number, formatted as it would have been issued. */
  firstMissing: string;
  /** How many numbers are missing in this series. */
  missing: number;
}

const SOURCES: readonly {
  kind: NumberSeriesKind;
  sql: string;
  pattern: RegExp;
  format: (series: string, n: number) => string;
}[] = [
  {
    kind: 'medical record number',
    sql: 'SELECT tenantId, medicalRecordNumber AS value FROM patients WHERE medicalRecordNumber IS NOT NULL',
    pattern: /^(?!INV-)([A-Z0-9]+)-(\d{6,})$/,
    format: (s, n) => `${s}-${String(n).padStart(6, '0')}`,
  },
  {
    kind: 'invoice number',
    sql: 'SELECT tenantId, invoiceNumber AS value FROM billing WHERE invoiceNumber IS NOT NULL',
    pattern: /^INV-([A-Z0-9]+)-(\d{6,})$/,
    format: (s, n) => `INV-${s}-${String(n).padStart(6, '0')}`,
  },
];

/** Every series with a gap, in a stable order (kind, then series). */
export function numberSeriesGaps(store: ClinicStore): SeriesGap[] {
  const gaps: SeriesGap[] = [];
  for (const src of SOURCES) {
    const bySeries = new Map<string, { series: string; numbers: Set<number>; max: number }>();
    for (const row of store.read.prepare(src.sql).iterate() as IterableIterator<{
      tenantId: string;
      value: string;
    }>) {
      const m = src.pattern.exec(row.value);
      if (!m?.[1] || !m[2]) continue;
      const key = `${row.tenantId}\u0000${m[1]}`;
      const n = Number(m[2]);
      const s = bySeries.get(key) ?? { series: m[1], numbers: new Set<number>(), max: 0 };
      s.numbers.add(n);
      s.max = Math.max(s.max, n);
      bySeries.set(key, s);
    }
    for (const key of [...bySeries.keys()].sort()) {
      const s = bySeries.get(key);
      if (!s) continue;
      const missing = s.max - s.numbers.size;
      if (missing <= 0) continue;
      let first = 1;
      while (s.numbers.has(first)) first++;
      gaps.push({ kind: src.kind, firstMissing: src.format(s.series, first), missing });
    }
  }
  return gaps;
}
