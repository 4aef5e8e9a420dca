// The contract of the audit log viewer (Admin → Audit log): filtered pages of
// entries newest first, the chain check `ehrbs verify` runs, and a CSV export.
// Entries never carry patient data; a patient filter names the patient by id.
import { z } from 'zod';
import { channel } from './contract';
import { AuditAction } from '../domain/enums';
import { CalendarDate, Id, UtcTimestamp } from '../domain/primitives';

/** The filters a viewer (and its CSV export) applies; all optional, combined with AND. */
export const AuditFilter = z
  .object({
    userId: Id.optional(),
    /** Every entry about this patient: their details and every row that names them. */
    patientId: Id.optional(),
    action: AuditAction.optional(),
    table: z
      .string()
      .regex(/^[a-z_]{1,64}$/, 'choose a table from the list')
      .optional(),
    deviceId: Id.optional(),
    /** First local date (clinic time zone), inclusive. */
    fromDate: CalendarDate.optional(),
    /** Last local date, inclusive. */
    toDate: CalendarDate.optional(),
  })
  .strict()
  .refine((f) => !f.fromDate || !f.toDate || f.fromDate <= f.toDate, {
    message: 'the last date must not be before the first',
    path: ['toDate'],
  });
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditSearchRequest = z
  .object({
    filter: AuditFilter,
    /** The id of the last entry of the previous page (keyset paging). */
    before: Id.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

/** One entry as the viewer shows it: who, what, which record, when, where. */
export const AuditEntryView = z.object({
  id: Id,
  timestamp: UtcTimestamp,
  action: AuditAction,
  table: z.string(),
  recordId: z.string().nullable(),
  userId: Id.nullable(),
  userName: z.string().nullable(),
  deviceId: Id,
  deviceName: z.string().nullable(),
  /** The patient the entry is about, when its row names one (for the link). */
  patientId: Id.nullable(),
  detail: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({
  items: z.array(AuditEntryView),
  /** Pass as `before` for the next (older) page; null at the oldest entry. */
  nextBefore: Id.nullable(),
  /**
   * Set when the page holds fewer matches than asked because the search read
   * its share of the log first: it looked at everything newer than this
   * instant, and the next page goes on from there.
   */
  searchedBackTo: UtcTimestamp.nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const ChainBreakReason = z.enum(['hash_mismatch', 'broken_link', 'sequence_gap']);

export const DeviceChainStatus = z.object({
  deviceId: Id,
  deviceName: z.string().nullable(),
  entries: z.number().int().nonnegative(),
  /** Null when intact; otherwise the first entry that does not check out. */
  firstBreak: z.object({ deviceSeq: z.number().int(), reason: ChainBreakReason }).nullable(),
});
export type DeviceChainStatus = z.infer<typeof DeviceChainStatus>;

export const AuditCsv = z.object({
  fileName: z.string(),
  csv: z.string(),
  rows: z.number().int().nonnegative(),
  /** True when the filter matched more rows than one export holds (narrow it). */
  truncated: z.boolean(),
});
export type AuditCsv = z.infer<typeof AuditCsv>;

const Empty = z.object({}).strict();

export const auditChannels = {
  'audit.search': channel('audit.search', AuditSearchRequest, AuditPage, 'audit.read'),
  'audit.chainStatus': channel(
    'audit.chainStatus',
    Empty,
    z.array(DeviceChainStatus),
    'audit.read',
  ),
  'audit.exportCsv': channel(
    'audit.exportCsv',
    z.object({ filter: AuditFilter }).strict(),
    AuditCsv,
    'audit.read',
  ),
  'audit.filterOptions': channel(
    'audit.filterOptions',
    Empty,
    z.object({
      users: z.array(z.object({ id: Id, name: z.string() })),
      devices: z.array(z.object({ id: Id, name: z.string() })),
      tables: z.array(z.string()),
    }),
    'audit.read',
  ),
} as const;
