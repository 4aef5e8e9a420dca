// The contract of the admin's billing reports: revenue over a period by day,
// payment method and doctor, outstanding balances aged by days since issue,
// and each table as CSV (audited as an export). Admins only (admin.access).
import { z } from 'zod';
import { channel } from './contract';
import { PaymentMethod } from '../domain/enums';
import { CalendarDate, Id, MinorUnits } from '../domain/primitives';
import { agedBuckets } from '../billing/report';

/** At most a year and a day, so a report stays one screen and one request. */
const MAX_DAYS = 366;

export const ReportRequest = z
  .object({
    /** Calendar dates in the clinic's zone, inclusive. */
    from: CalendarDate,
    to: CalendarDate,
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The period ends before it starts.', path: ['to'] })
  .refine(
    (r) =>
      (Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000 < MAX_DAYS,
    { message: 'A report covers at most a year.', path: ['to'] },
  );

const Figures = {
  invoiced: MinorUnits,
  payments: MinorUnits,
  refunds: MinorUnits,
  net: MinorUnits,
};

export const BillingReport = z.object({
  from: CalendarDate,
  to: CalendarDate,
  currency: z.string(),
  byDay: z.array(z.object({ date: CalendarDate, ...Figures })),
  byMethod: z.array(
    z.object({
      method: PaymentMethod,
      payments: MinorUnits,
      refunds: MinorUnits,
      net: MinorUnits,
    }),
  ),
  byDoctor: z.array(z.object({ doctorId: Id.nullable(), doctorName: z.string(), ...Figures })),
  totals: z.object(Figures),
  /** Outstanding today, whatever the period. */
  aged: z.object({
    asOf: CalendarDate,
    rows: z.array(
      z.object({ bucket: z.enum(agedBuckets), invoices: z.number().int(), balance: MinorUnits }),
    ),
  }),
});
export type BillingReport = z.infer<typeof BillingReport>;

export const ReportTable = z.enum(['day', 'method', 'doctor', 'aged']);
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportCsvRequest = z
  .object({ from: CalendarDate, to: CalendarDate, table: ReportTable })
  .strict();

export const ReportCsv = z.object({ fileName: z.string(), csv: z.string() });

export const billingReportChannels = {
  'billing.report': channel('billing.report', ReportRequest, BillingReport, 'admin.access'),
  'billing.reportCsv': channel('billing.reportCsv', ReportCsvRequest, ReportCsv, 'admin.access'),
} as const;
