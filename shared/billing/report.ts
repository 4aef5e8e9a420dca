// The admin's billing reports, pure so they are tested without a store:
// revenue over a period by day, by payment method and by doctor (money taken
// is payments − refunds, dated when the money moved; invoiced is the total of
// invoices issued in the period and not void), and outstanding balances aged
// by days since issue (0–30, 31–60, 61–90, over 90).
import { PaymentMethod } from '../domain/enums';

export interface ReportMovement {
  amount: number;
  method: PaymentMethod;
  /** ISO instant the money moved. */
  at: string;
  doctorId: string | null;
}
export interface ReportInvoice {
  total: number;
  issuedAt: string;
  doctorId: string | null;
}
export interface RevenueFigures {
  invoiced: number;
  payments: number;
  refunds: number;
  /** payments − refunds. */
  net: number;
}
export const noRevenue = (): RevenueFigures => ({ invoiced: 0, payments: 0, refunds: 0, net: 0 });

export interface RevenueReport {
  byDay: (RevenueFigures & { date: string })[];
  byMethod: (Omit<RevenueFigures, 'invoiced'> & { method: PaymentMethod })[];
  byDoctor: (RevenueFigures & { doctorId: string | null })[];
  totals: RevenueFigures;
}

/**
 * Groups the period's movements and invoices. `days` lists every calendar day
 * of the period (so a day without money still shows), `dayOf` maps an instant
 * to its calendar day in the clinic's zone.
 */
export function revenueReport(
  days: readonly string[],
  dayOf: (iso: string) => string,
  invoices: readonly ReportInvoice[],
  payments: readonly ReportMovement[],
  refunds: readonly ReportMovement[],
): RevenueReport {
  const byDay = new Map(days.map((d) => [d, noRevenue()]));
  const byMethod = new Map(PaymentMethod.options.map((m) => [m, noRevenue()]));
  const byDoctor = new Map<string | null, RevenueFigures>();
  const totals = noRevenue();
  const doctor = (id: string | null) => {
    let f = byDoctor.get(id);
    if (!f) byDoctor.set(id, (f = noRevenue()));
    return f;
  };
  const add = (
    f: RevenueFigures | undefined,
    key: 'invoiced' | 'payments' | 'refunds',
    n: number,
  ) => {
    if (!f) return;
    f[key] += n;
    f.net = f.payments - f.refunds;
  };
  for (const i of invoices) {
    for (const f of [byDay.get(dayOf(i.issuedAt)), doctor(i.doctorId), totals])
      add(f, 'invoiced', i.total);
  }
  for (const [list, key] of [
    [payments, 'payments'],
    [refunds, 'refunds'],
  ] as const)
    for (const m of list)
      for (const f of [byDay.get(dayOf(m.at)), byMethod.get(m.method), doctor(m.doctorId), totals])
        add(f, key, m.amount);
  return {
    byDay: [...byDay].map(([date, f]) => ({ date, ...f })),
    byMethod: [...byMethod].map(([method, f]) => ({
      method,
      payments: f.payments,
      refunds: f.refunds,
      net: f.net,
    })),
    byDoctor: [...byDoctor].map(([doctorId, f]) => ({ doctorId, ...f })),
    totals,
  };
}

export const agedBuckets = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgedBucket = (typeof agedBuckets)[number];

const DAY_MS = 86_400_000;

/** The bucket of an invoice issued at `issuedAt`, `nowMs` being today. */
export function ageBucket(issuedAt: string, nowMs: number): AgedBucket {
  const days = Math.max(0, Math.floor((nowMs - Date.parse(issuedAt)) / DAY_MS));
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

export interface AgedRow {
  bucket: AgedBucket;
  invoices: number;
  balance: number;
}

/** Outstanding balances (only invoices with something due) by age. */
export function agedBalances(
  owed: readonly { issuedAt: string; balance: number }[],
  nowMs: number,
): AgedRow[] {
  const rows = new Map(agedBuckets.map((b) => [b, { bucket: b, invoices: 0, balance: 0 }]));
  for (const o of owed) {
    if (o.balance <= 0) continue;
    const r = rows.get(ageBucket(o.issuedAt, nowMs));
    if (!r) continue;
    r.invoices++;
    r.balance += o.balance;
  }
  return [...rows.values()];
}
