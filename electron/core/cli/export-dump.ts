// The clinic as JSON: one array per entity, named after its table. Clinical
// content is decrypted (`data` on medical_records, `body` on messages) and the
// ciphertext and wrapped keys are left out, since they are useless outside this
// store. Users never carry password hashes. Tombstoned rows are included (with
// their deletedAt) so the export is the whole clinic. Rows are read and written
// in batches (in id order) so a 100,000-patient clinic never has to fit in one
// string.
import { decryptBytes } from '../crypto/field-crypto';
import { PublicUser } from '../../../shared/domain/user';
import type { EntityTable } from '../../../shared/domain/entities';
import type { Services } from '../services/services';
import { decryptMessage } from '../services/messages-service';
import { decryptRecord } from '../services/records-service';
import type { ClinicStore } from '../clinic/clinic-store';

/** Order of the arrays in the export (every entity, then the audit log). */
export const EXPORT_TABLES = [
  'tenants',
  'users',
  'doctors',
  'patients',
  'admins',
  'appointments',
  'medical_records',
  'messages',
  'billing',
  'invoice_line_items',
  'payments',
  'devices',
  'conversations',
  'conversation_members',
  'message_marks',
  'refunds',
  'price_items',
  'day_closes',
  'duplicate_dismissals',
  'documents',
  'document_chunks',
  'patient_credits',
  'audit_logs',
] as const satisfies readonly (EntityTable | 'audit_logs')[];
export type ExportTable = (typeof EXPORT_TABLES)[number];

const BATCH = 1000;

type Row = { id: string };
type Page = (afterId: string) => Row[];

/** Each table's rows after an id, in id order (keyset paging on the primary key). */
function pagesFor(
  store: ClinicStore,
  services: Services,
  tenantId: string,
): Record<ExportTable, Page> {
  const r = services.repos;
  const q = (afterId: string) => ({
    includeDeleted: true,
    where: 'id > ?',
    params: [afterId],
    orderBy: 'id',
    limit: BATCH,
  });
  return {
    tenants: (a) => r.tenants.list(tenantId, q(a)),
    users: (a) => r.users.list(tenantId, q(a)).map((u) => PublicUser.parse(u)),
    doctors: (a) => r.doctors.list(tenantId, q(a)),
    patients: (a) => r.patients.list(tenantId, q(a)),
    admins: (a) => r.admins.list(tenantId, q(a)),
    appointments: (a) => r.appointments.list(tenantId, q(a)),
    medical_records: (a) =>
      r.medicalRecords.list(tenantId, q(a)).map((rec) => {
        const { encryptedData: _data, encryptionKey: _key, ...rest } = rec;
        return { ...rest, data: decryptRecord(store, tenantId, rec, null) };
      }),
    messages: (a) =>
      r.messages.list(tenantId, q(a)).map((m) => {
        const { encryptedMessage: _body, encryptionKey: _key, ...rest } = m;
        return { ...rest, body: decryptMessage(store, tenantId, m) };
      }),
    billing: (a) => r.billing.list(tenantId, q(a)),
    invoice_line_items: (a) => r.invoiceLineItems.list(tenantId, q(a)),
    payments: (a) => r.payments.list(tenantId, q(a)),
    devices: (a) => r.devices.list(tenantId, q(a)),
    conversations: (a) => r.conversations.list(tenantId, q(a)),
    conversation_members: (a) => r.conversationMembers.list(tenantId, q(a)),
    message_marks: (a) => r.messageMarks.list(tenantId, q(a)),
    refunds: (a) => r.refunds.list(tenantId, q(a)),
    price_items: (a) => r.priceItems.list(tenantId, q(a)),
    day_closes: (a) => r.dayCloses.list(tenantId, q(a)),
    duplicate_dismissals: (a) => r.duplicateDismissals.list(tenantId, q(a)),
    documents: (a) => r.documents.list(tenantId, q(a)),
    patient_credits: (a) => r.patientCredits.list(tenantId, q(a)),
    // The file's bytes, decrypted like record content (base64, in chunk order per document).
    document_chunks: (a) =>
      r.documentChunks.list(tenantId, q(a)).map((c) => {
        const { encryptedData, encryptionKey, ...rest } = c;
        const bytes = decryptBytes(
          store.keyring,
          { tenantId, table: 'document_chunks', rowId: c.id },
          { ciphertext: encryptedData, wrappedKey: encryptionKey },
        );
        return { ...rest, dataBase64: bytes.toString('base64') };
      }),
    audit_logs: (a) =>
      store.read
        .prepare(
          `SELECT id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail
           FROM audit_logs WHERE tenantId = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .all(tenantId, a, BATCH) as Row[],
  };
}

/** Row counts per array, for the audit entry written before the data leaves on stdout. */
export function countExport(store: ClinicStore, tenantId: string): Record<ExportTable, number> {
  const counts = {} as Record<ExportTable, number>;
  for (const table of EXPORT_TABLES) {
    counts[table] = (
      store.read.prepare(`SELECT count(*) AS n FROM ${table} WHERE tenantId = ?`).get(tenantId) as {
        n: number;
      }
    ).n;
  }
  return counts;
}

/** Writes the export through `write`; returns the number of rows per array. */
export function writeExport(
  store: ClinicStore,
  services: Services,
  tenantId: string,
  write: (chunk: string) => void,
): Record<ExportTable, number> {
  const header = { version: 1, exportedAt: store.nowIso(), schemaVersion: store.schemaVersion };
  write(`{\n"ehrbsExport": ${JSON.stringify(header)}`);
  const pages = pagesFor(store, services, tenantId);
  const counts = {} as Record<ExportTable, number>;
  for (const table of EXPORT_TABLES) counts[table] = writeArray(table, write, pages[table]);
  write('\n}\n');
  return counts;
}

function writeArray(name: string, write: (chunk: string) => void, page: Page): number {
  write(`,\n${JSON.stringify(name)}: [`);
  let n = 0;
  let after = '';
  for (;;) {
    const rows = page(after);
    if (rows.length === 0) break;
    write(rows.map((r, i) => `${n + i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join(''));
    n += rows.length;
    after = rows.at(-1)?.id ?? after;
    if (rows.length < BATCH) break;
  }
  write(n === 0 ? ']' : '\n]');
  return n;
}
