// For `ehrbs verify`: every signed record's decrypted content against the hash
// its signature stored (crypto/content-hash.ts). Read-only, and not audited as
// a clinical read: nothing is shown, only whether the bytes still match.
import { decryptField } from '../crypto/field-crypto';
import { contentMatchesHash } from '../crypto/content-hash';
import type { ClinicStore } from './clinic-store';

export interface SignedContentReport {
  /** Signed records whose hash was checked. */
  checked: number;
  /** Signed before hashes existed (migration 12): nothing to check against. */
  unhashed: number;
  /** Ids of signed records whose content no longer matches (or no longer decrypts). */
  mismatched: string[];
}

interface Row {
  id: string;
  tenantId: string;
  encryptedData: string;
  encryptionKey: string;
  signedContentHash: string | null;
}

export function checkSignedContent(store: ClinicStore): SignedContentReport {
  const report: SignedContentReport = { checked: 0, unhashed: 0, mismatched: [] };
  const columns = store.read
    .prepare("SELECT name FROM pragma_table_info('medical_records')")
    .all() as { name: string }[];
  // A store at a schema older than 12 is verified as it is: no hashes to check.
  const hasHash = columns.some((c) => c.name === 'signedContentHash');
  const rows = store.read
    .prepare(
      `SELECT id, tenantId, encryptedData, encryptionKey, ${hasHash ? 'signedContentHash' : 'NULL AS signedContentHash'}
       FROM medical_records WHERE signedAt IS NOT NULL ORDER BY id`,
    )
    .iterate() as IterableIterator<Row>;
  for (const row of rows) {
    if (!row.signedContentHash) {
      report.unhashed++;
      continue;
    }
    report.checked++;
    let ok: boolean;
    try {
      const plaintext = decryptField(
        store.keyring,
        { tenantId: row.tenantId, table: 'medical_records', rowId: row.id },
        { ciphertext: row.encryptedData, wrappedKey: row.encryptionKey },
      );
      ok = contentMatchesHash(
        store.keyring,
        { tenantId: row.tenantId, recordId: row.id },
        plaintext,
        row.signedContentHash,
      );
    } catch {
      ok = false; // content that no longer decrypts (or parses) does not match either
    }
    if (!ok) report.mismatched.push(row.id);
  }
  return report;
}
