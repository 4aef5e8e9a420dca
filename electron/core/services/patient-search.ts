// Patient search by name prefix (given or family, in either order), MRN prefix,
// or phone digits. Built for 100,000 patients: prefix LIKEs on NOCASE columns
// use the (tenantId, familyName, givenName) and (tenantId, givenName, familyName)
// indexes, so a search touches only matching rows.
import type { SqlValue } from '../store/row-codec';

export interface SearchCondition {
  where: string;
  params: SqlValue[];
}

// LIKE wildcards typed by a user would defeat the index and match too much.
const clean = (token: string) => token.replace(/[%_\\]/g, '');

export function patientSearchCondition(query: string): SearchCondition | null {
  const tokens = query.trim().split(/\s+/).map(clean).filter(Boolean).slice(0, 3);
  const [a, b] = tokens;
  if (!a) return null;
  if (b === undefined) {
    const digits = a.replace(/[^0-9]/g, '');
    const byPhone = digits.length >= 4 && digits.length === a.replace(/[\s()+-]/g, '').length;
    return {
      where: `familyName LIKE ? OR givenName LIKE ? OR medicalRecordNumber LIKE ?${byPhone ? ' OR phone LIKE ?' : ''}`,
      params: [`${a}%`, `${a}%`, `${a}%`, ...(byPhone ? [`%${digits}%`] : [])],
    };
  }
  return {
    where: '(givenName LIKE ? AND familyName LIKE ?) OR (familyName LIKE ? AND givenName LIKE ?)',
    params: [`${a}%`, `${b}%`, `${a}%`, `${b}%`],
  };
}
