// The invoice list: filters (status, date range, doctor, patient, payment
// method), totals over every matching invoice, and keyset pages of 50. It
// reads the local money summary (invoice_money, migration 7), whose rows the
// triggers keep equal to shared/billing's derivation, so neither the totals
// nor a status filter scan payments: a month of a 200,000-invoice clinic is
// one contiguous range of that table.
import type { ChannelInput } from '../../../../shared/api/channels';
import type { InvoiceList, InvoiceSummary } from '../../../../shared/api/billing';
import type { DerivedStatus, InvoiceState } from '../../../../shared/billing';
import type { PaymentMethod } from '../../../../shared/domain/enums';
import { AppError } from '../../../../shared/errors';
import { addDaysToDate, zonedToUtc } from '../../../../shared/scheduling/zoned-time';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';

/** The bit of each method in invoice_money.methods (migration 7). */
export const METHOD_BIT: Record<PaymentMethod, number> = {
  cash: 1,
  card: 2,
  insurance: 4,
  bank_transfer: 8,
};

/** One invoice_money row as the list reads it. */
export interface MoneyRow {
  billingId: string;
  d: string;
  patientId: string;
  doctorId: string | null;
  issuedAt: string | null;
  voidedAt: string | null;
  total: number;
  paid: number;
  fromCredit: number;
  refunded: number;
  methods: number;
  credited: number;
  status: DerivedStatus;
  balance: number;
  overpaid: number;
  credit: number;
}

/** The summary row as shared/billing's InvoiceState (the same fields, already derived). */
export function stateOfRow(row: MoneyRow): InvoiceState {
  const excess = row.overpaid > row.credit;
  return {
    status: row.status,
    total: row.total,
    paid: row.paid,
    fromCredit: row.fromCredit,
    refunded: row.refunded,
    net: row.paid + row.fromCredit - row.refunded,
    balance: row.balance,
    overpaid: row.overpaid,
    credit: row.credit,
    conflict:
      row.status === 'void'
        ? excess
          ? 'void_with_payments'
          : null
        : row.status !== 'draft' && excess
          ? 'overpaid'
          : null,
  };
}

export interface ListRow extends MoneyRow {
  invoiceNumber: string | null;
  currency: string;
  given: string | null;
  family: string | null;
  doctorName: string | null;
}

export const summaryOf = (row: ListRow): InvoiceSummary => ({
  id: row.billingId,
  invoiceNumber: row.invoiceNumber,
  date: row.d,
  patientId: row.patientId,
  patientName: row.given !== null ? `${row.given} ${row.family ?? ''}`.trim() : 'Unknown patient',
  doctorId: row.doctorId,
  doctorName: row.doctorName,
  currency: row.currency,
  state: stateOfRow(row),
});

function parseCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const [d, id] = cursor.split('|');
  if (!d || !id)
    throw new AppError('VALIDATION_FAILED', 'That page of invoices is no longer valid.');
  return [d, id];
}

export class InvoiceListQuery {
  constructor(private readonly reads: BillingReads) {}

  list(session: Session, r: ChannelInput<'billing.list'>): InvoiceList {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    const tz = this.reads.repos.tenants.get(tenantId, tenantId).timeZone;
    const where: string[] = ['m.tenantId = ?'];
    const params: (string | number)[] = [tenantId];
    if (r.from) {
      where.push('m.d >= ?');
      params.push(new Date(zonedToUtc(r.from, '00:00', tz)).toISOString());
    }
    if (r.to) {
      where.push('m.d < ?');
      params.push(new Date(zonedToUtc(addDaysToDate(r.to, 1), '00:00', tz)).toISOString());
    }
    if (r.doctorId) {
      where.push('m.doctorId = ?');
      params.push(r.doctorId);
    }
    if (r.patientId) {
      where.push('m.patientId = ?');
      params.push(r.patientId);
    }
    if (r.status) {
      where.push('m.status = ?');
      params.push(r.status);
    }
    if (r.method) {
      where.push('(m.methods & ?) != 0');
      params.push(METHOD_BIT[r.method]);
    }
    const read = this.reads.store.read;
    const filter = where.join(' AND ');
    // The index is chosen here, not by the planner: a fresh store has no statistics, and
    // without them SQLite walks the clinic's whole date range for a patient's invoices.
    const index = r.patientId
      ? 'invoice_money_patient'
      : r.doctorId
        ? 'invoice_money_doctor'
        : r.status
          ? 'invoice_money_status'
          : null;
    const from = `invoice_money m ${index ? `INDEXED BY ${index}` : ''}`;
    const totals = read
      .prepare(
        `SELECT count(*) AS count, COALESCE(sum(total), 0) AS total, COALESCE(sum(paid), 0) AS paid,
           COALESCE(sum(refunded), 0) AS refunded, COALESCE(sum(balance), 0) AS balance
         FROM ${from} WHERE ${filter}`,
      )
      .get(...params) as InvoiceList['totals'];

    const cursor = parseCursor(r.cursor);
    const cursorWhere = cursor ? ' AND (m.d < ? OR (m.d = ? AND m.billingId < ?))' : '';
    // The page first (50 rows down the index), then the names of those rows only.
    const rows = read
      .prepare(
        `SELECT s.*, b.invoiceNumber, b.currency, pt.givenName AS given, pt.familyName AS family,
           u.displayName AS doctorName
         FROM (SELECT m.* FROM ${from} WHERE ${filter}${cursorWhere}
               ORDER BY m.d DESC, m.billingId DESC LIMIT ?) s
         JOIN billing b ON b.id = s.billingId
         LEFT JOIN patients pt ON pt.id = s.patientId
         LEFT JOIN doctors dr ON dr.id = s.doctorId
         LEFT JOIN users u ON u.id = dr.userId
         ORDER BY s.d DESC, s.billingId DESC`,
      )
      .all(
        ...params,
        ...(cursor ? [cursor[0], cursor[0], cursor[1]] : []),
        r.limit + 1,
      ) as unknown as ListRow[];
    const page = rows.slice(0, r.limit);
    const items: InvoiceSummary[] = page.map(summaryOf);
    const last = page[page.length - 1];
    return {
      items,
      totals,
      nextCursor: rows.length > r.limit && last ? `${last.d}|${last.billingId}` : null,
    };
  }
}
