// Patient search by name prefix (given or family, in either order), MRN prefix,
// or phone digits. Built for 100,000 patients: each alternative is its own
// prefix range on a NOCASE index ((tenantId, familyName, givenName),
// (tenantId, givenName, familyName), (tenantId, medicalRecordNumber)), combined
// with UNION, because SQLite cannot use an index range for an OR of LIKEs and
// would read every patient instead (measured: p95 2.1 s → tens of ms). The
// ranges select rowid, which every index holds, so they never touch the table;
// selecting the TEXT id instead cost one table lookup per match, and another
// through the id index outside (a 2-letter prefix: p50 156 ms → 25 ms).
import type { SqlValue } from '../store/row-codec';

export interface SearchCondition {
  /** A condition on the patients table: `rowid IN (...)`. */
  where: string;
  params: SqlValue[];
}

// LIKE wildcards typed by a user would defeat the index and match too much.
const clean = (token: string) => token.replace(/[%_\\]/g, '');

const range = (condition: string) =>
  `SELECT rowid FROM patients WHERE tenantId = ? AND ${condition}`;

export function patientSearchCondition(tenantId: string, query: string): SearchCondition | null {
  const tokens = query.trim().split(/\s+/).map(clean).filter(Boolean).slice(0, 3);
  const [a, b] = tokens;
  if (!a) return null;
  const parts: { sql: string; params: SqlValue[] }[] = [];
  if (b === undefined) {
    parts.push({ sql: range('familyName LIKE ?'), params: [tenantId, `${a}%`] });
    parts.push({ sql: range('givenName LIKE ?'), params: [tenantId, `${a}%`] });
    parts.push({ sql: range('medicalRecordNumber LIKE ?'), params: [tenantId, `${a}%`] });
    const digits = a.replace(/[^0-9]/g, '');
    // Phone digits anywhere in the number: a scan, so only for a plausible number.
    if (digits.length >= 4 && digits.length === a.replace(/[\s()+-]/g, '').length) {
      parts.push({
        sql: range("replace(replace(phone, ' ', ''), '-', '') LIKE ?"),
        params: [tenantId, `%${digits}%`],
      });
    }
  } else {
    parts.push({
      sql: range('givenName LIKE ? AND familyName LIKE ?'),
      params: [tenantId, `${a}%`, `${b}%`],
    });
    parts.push({
      sql: range('familyName LIKE ? AND givenName LIKE ?'),
      params: [tenantId, `${a}%`, `${b}%`],
    });
  }
  return {
    where: `rowid IN (${parts.map((p) => p.sql).join(' UNION ')})`,
    params: parts.flatMap((p) => p.params),
  };
}
