// The admin's billing reports over a period (revenue by day, payment method
// and doctor; outstanding balances aged by days since issue) and their CSV
// export, audited as an export. Money movements are read by date through the
// payments_received / refunds_refunded indexes, invoices and balances from the
// local money summary (invoice_money).
import type { ChannelInput } from '../../../../shared/api/channels';
import type { BillingReport, ReportTable } from '../../../../shared/api/billing-reports';
import {
  agedBalances,
  revenueReport,
  type ReportInvoice,
  type ReportMovement,
} from '../../../../shared/billing';
import { addDaysToDate, localDateOf, zonedToUtc } from '../../../../shared/scheduling/zoned-time';
import { csvField } from '../audit-csv';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';

/** Every calendar day from `from` to `to`, inclusive. */
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDaysToDate(d, 1)) out.push(d);
  return out;
}

/** The clinic-zone day of an instant by binary search over the days' starts (no Intl per row). */
function dayFinder(days: readonly string[], starts: readonly number[]) {
  return (iso: string): string => {
    const t = Date.parse(iso);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= t) lo = mid;
      else hi = mid - 1;
    }
    return days[lo] ?? '';
  };
}

export class BillingReports {
  constructor(private readonly reads: BillingReads) {}

  report(session: Session, r: { from: string; to: string }): BillingReport {
    requireCap(session, 'admin.access');
    const tenantId = session.actor.tenantId;
    const tenant = this.reads.repos.tenants.get(tenantId, tenantId);
    const tz = tenant.timeZone;
    const days = daysOf(r.from, r.to);
    const starts = days.map((d) => zonedToUtc(d, '00:00', tz));
    const start = new Date(starts[0] ?? 0).toISOString();
    const end = new Date(zonedToUtc(addDaysToDate(r.to, 1), '00:00', tz)).toISOString();
    const read = this.reads.store.read;
    const movements = (table: 'payments' | 'refunds', at: string) =>
      read
        .prepare(
          `SELECT x.amount, x.method, x.${at} AS at, b.doctorId
           FROM ${table} x JOIN billing b ON b.id = x.billingId
           WHERE x.tenantId = ? AND x.${at} >= ? AND x.${at} < ? AND x.deletedAt IS NULL
             AND b.deletedAt IS NULL`,
        )
        .all(tenantId, start, end) as ReportMovement[];
    const invoices = read
      .prepare(
        `SELECT total, issuedAt, doctorId FROM invoice_money
         WHERE tenantId = ? AND d >= ? AND d < ? AND issuedAt IS NOT NULL AND voidedAt IS NULL`,
      )
      .all(tenantId, start, end) as ReportInvoice[];
    const rev = revenueReport(
      days,
      dayFinder(days, starts),
      invoices,
      movements('payments', 'receivedAt'),
      movements('refunds', 'refundedAt'),
    );
    const owed = read
      .prepare(
        `SELECT issuedAt, balance FROM invoice_money INDEXED BY invoice_money_owed
         WHERE tenantId = ? AND balance > 0`,
      )
      .all(tenantId) as { issuedAt: string; balance: number }[];
    const now = this.reads.store.now();
    return {
      from: r.from,
      to: r.to,
      currency: tenant.currency,
      byDay: rev.byDay,
      byMethod: rev.byMethod,
      byDoctor: rev.byDoctor
        .map((d) => ({
          ...d,
          doctorName: this.reads.doctorName(tenantId, d.doctorId) ?? 'No doctor',
        }))
        .sort((a, b) => a.doctorName.localeCompare(b.doctorName)),
      totals: rev.totals,
      aged: { asOf: localDateOf(now, tz), rows: agedBalances(owed, now) },
    };
  }

  /** One table of the report as CSV (amounts in minor units), audited as an export. */
  reportCsv(session: Session, r: ChannelInput<'billing.reportCsv'>) {
    const rep = this.report(session, r);
    const csv = reportCsv(rep, r.table);
    // Ids and dates only in the audit entry: never patient data.
    this.reads.store.audit(
      session.actor,
      'export',
      'billing',
      null,
      `report ${r.table} ${r.from}..${r.to}`,
    );
    return { fileName: `billing-${r.table}-${r.from}-to-${r.to}.csv`, csv };
  }
}

/** The CSV of one table: a header line, then one line per row (RFC 4180, CRLF). */
export function reportCsv(rep: BillingReport, table: ReportTable): string {
  const money = ['invoiced', 'payments', 'refunds', 'net'] as const;
  let lines: (string | number)[][];
  switch (table) {
    case 'day':
      lines = [['date', ...money], ...rep.byDay.map((d) => [d.date, ...money.map((k) => d[k])])];
      break;
    case 'method':
      lines = [
        ['method', 'payments', 'refunds', 'net'],
        ...rep.byMethod.map((m) => [m.method, m.payments, m.refunds, m.net]),
      ];
      break;
    case 'doctor':
      lines = [
        ['doctor', ...money],
        ...rep.byDoctor.map((d) => [csvField(d.doctorName), ...money.map((k) => d[k])]),
      ];
      break;
    case 'aged':
      lines = [
        ['age_days', 'invoices', 'balance'],
        ...rep.aged.rows.map((a) => [a.bucket, a.invoices, a.balance]),
      ];
      break;
  }
  // Amounts are minor units of the clinic's currency, named on every line.
  return (
    lines.map((l, i) => [...l, i === 0 ? 'currency' : rep.currency].join(',')).join('\r\n') + '\r\n'
  );
}
