// The ICD-10 code list of this workstation (table icd10_codes, FTS5 index
// icd10_fts; migration 12): local reference data, never synced. The starter
// list ships with the app and is loaded on open; the official ICD-10-CM order
// file can be loaded on top (`ehrbs codes import`), replacing the starter
// descriptions of the codes it also has.
import { ICD10_STARTER } from '../../../shared/charting/icd10-starter';
import { AppError } from '../../../shared/errors';
import type { Db } from './open-database';
import { cachedStatement } from './statement-cache';

export interface Icd10Code {
  code: string;
  description: string;
  /** False for a header (a category that is not itself a valid diagnosis code in ICD-10-CM). */
  billable: boolean;
}

const UPSERT = `INSERT INTO icd10_codes (code, description, billable, source) VALUES (?, ?, ?, ?)
  ON CONFLICT (code) DO UPDATE SET description = excluded.description,
    billable = excluded.billable, source = excluded.source`;

/** Loads the starter list where it is missing (idempotent; never replaces an imported code). */
export function ensureStarterCodes(db: Db): void {
  const have = (
    db.prepare("SELECT count(*) AS n FROM icd10_codes WHERE source = 'starter'").get() as {
      n: number;
    }
  ).n;
  if (have >= ICD10_STARTER.length) return;
  const insert = db.prepare(
    "INSERT OR IGNORE INTO icd10_codes (code, description, billable, source) VALUES (?, ?, 1, 'starter')",
  );
  db.transaction(() => {
    for (const [code, description] of ICD10_STARTER) insert.run(code, description);
  })();
}

/** The dotted form used everywhere in the app (`E119` in the order file is `E11.9`). */
export const dotted = (raw: string): string =>
  raw.length > 3 ? `${raw.slice(0, 3)}.${raw.slice(3)}` : raw;

/**
 * Parses the official ICD-10-CM order file (icd10cm_order_YYYY.txt): fixed
 * width, per line a 5-digit order number, a space, the code in 7 columns
 * (undotted, space-padded), a space, 0 (header) or 1 (valid for a diagnosis),
 * a space, the short description in 60 columns, a space, the long description.
 * Throws VALIDATION_FAILED naming the first malformed line by number.
 */
export function parseOrderFile(text: string): Icd10Code[] {
  const out: Icd10Code[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const order = line.slice(0, 5);
    const code = line.slice(6, 13).trimEnd();
    const flag = line.slice(14, 15);
    const long = line.slice(77).trim();
    const short = line.slice(16, 76).trim();
    if (
      !/^\d{5}$/.test(order) ||
      line[5] !== ' ' ||
      line[13] !== ' ' ||
      line[15] !== ' ' ||
      !/^[A-Z]\d[0-9A-Z]{1,5}$/.test(code) ||
      (flag !== '0' && flag !== '1') ||
      (short === '' && long === '')
    )
      throw new AppError(
        'VALIDATION_FAILED',
        `Line ${i + 1} is not in the ICD-10-CM order file format (order number, code, header flag, short and long description in fixed columns).`,
      );
    out.push({ code: dotted(code), description: long || short, billable: flag === '1' });
  }
  if (out.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file holds no ICD-10-CM codes.');
  return out;
}

export interface Icd10Codes {
  /** Inserts or replaces `codes` in one transaction; returns how many were loaded. */
  importCodes(codes: readonly Icd10Code[], source: string): number;
  find(code: string): Icd10Code | null;
  search(query: string, limit: number): Icd10Code[];
  count(): number;
}

interface Row {
  code: string;
  description: string;
  billable: number;
}
const toCode = (r: Row): Icd10Code => ({
  code: r.code,
  description: r.description,
  billable: r.billable === 1,
});

/** A query that looks like the start of a code: a letter, then a digit, digits/letters and dots. */
const CODE_LIKE = /^[A-Za-z](\d[0-9A-Za-z]?(\.[0-9A-Za-z]{0,4})?)?$/;

/** FTS5 query: every word must start a word of the code or description. */
function ftsQuery(query: string): string | null {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' AND ');
}

export function icd10Codes(db: Db): Icd10Codes {
  return {
    importCodes(codes, source) {
      const upsert = db.prepare(UPSERT);
      db.transaction(() => {
        for (const c of codes) upsert.run(c.code, c.description, c.billable ? 1 : 0, source);
      })();
      return codes.length;
    },
    find(code) {
      const row = cachedStatement(
        db,
        'SELECT code, description, billable FROM icd10_codes WHERE code = ?',
      ).get(code) as Row | undefined;
      return row ? toCode(row) : null;
    },
    count() {
      return (cachedStatement(db, 'SELECT count(*) AS n FROM icd10_codes').get() as { n: number })
        .n;
    },
    search(query, limit) {
      const q = query.trim();
      if (q === '') return [];
      const out: Icd10Code[] = [];
      const seen = new Set<string>();
      const add = (rows: Row[]) => {
        for (const r of rows)
          if (out.length < limit && !seen.has(r.code)) {
            seen.add(r.code);
            out.push(toCode(r));
          }
      };
      // Codes first, by the primary key's index: `E11` lists E11, E11.0, E11.00, … in code order.
      if (CODE_LIKE.test(q)) {
        const prefix = q.toUpperCase();
        add(
          cachedStatement(
            db,
            `SELECT code, description, billable FROM icd10_codes
             WHERE code >= ? AND code < ? ORDER BY code LIMIT ?`,
          ).all(prefix, `${prefix}\uffff`, limit) as Row[],
        );
      }
      // Then descriptions through the FTS index, in the list's own order (rowid), so a
      // one-letter query stops at the first matches instead of ranking tens of thousands.
      const match = ftsQuery(q);
      if (out.length < limit && match)
        add(
          cachedStatement(
            db,
            `SELECT c.code, c.description, c.billable FROM icd10_fts f
             JOIN icd10_codes c ON c.rowid = f.rowid
             WHERE icd10_fts MATCH ? ORDER BY f.rowid LIMIT ?`,
          ).all(match, limit + out.length) as Row[],
        );
      return out;
    },
  };
}
