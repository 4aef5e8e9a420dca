// Billing: the price list, invoices (drafts from visits, issue, void),
// payments and refunds as insert-only rows, the daily close, patient balances
// and statements. Money is integer minor units of the clinic's currency.
// Status and balance are derived (shared/billing/status.ts) from the
// invoice's lifecycle columns and its payments and refunds, never stored.
import type { z } from 'zod';
import type { ChannelInput } from '../../../shared/api/channels';
import type {
  ClosePreview,
  InvoiceDetail,
  InvoiceLineInput,
  InvoiceList,
  InvoiceSummary,
  NewInvoiceRequest,
  Statement,
} from '../../../shared/api/billing';
import {
  closeFigures,
  invoiceState,
  invoiceTotals,
  lineTotals,
  owedOn,
  paymentRefusal,
  refundRefusal,
  statement,
  type DerivedStatus,
  type InvoiceState,
  type LineDiscount,
} from '../../../shared/billing';
import type {
  Billing,
  DayClose,
  InvoiceLineItem,
  Payment,
  PriceItem,
  Refund,
} from '../../../shared/domain/billing';
import type { AppointmentStatus } from '../../../shared/domain/enums';
import { addDaysToDate, zonedToUtc } from '../../../shared/scheduling/zoned-time';
import { AppError } from '../../../shared/errors';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { requireCap, type Session } from './session';
import { invoicePdf } from '../documents/invoice-pdf';

type NewInvoice = z.input<typeof NewInvoiceRequest>;

/** Appointments that can be invoiced: the patient has arrived. */
const BILLABLE: readonly AppointmentStatus[] = ['checked_in', 'in_progress', 'completed'];

/** The SQL mirror of invoiceState's status (tested against it in tests/core/services/billing.test.ts). */
const STATUS_SQL = `CASE
  WHEN voidedAt IS NOT NULL THEN 'void'
  WHEN issuedAt IS NULL THEN 'draft'
  WHEN paid - refunded > total THEN 'overpaid'
  WHEN refunded > 0 AND paid - refunded <= 0 THEN 'refunded'
  WHEN refunded > 0 THEN 'partially_refunded'
  WHEN paid = 0 THEN 'issued'
  WHEN paid >= total THEN 'paid'
  ELSE 'partially_paid' END`;
const BALANCE_SQL = `CASE WHEN voidedAt IS NOT NULL OR issuedAt IS NULL THEN 0
  WHEN total > paid THEN total - paid ELSE 0 END`;

interface ListRow {
  id: string;
  invoiceNumber: string | null;
  d: string;
  patientId: string;
  doctorId: string | null;
  currency: string;
  total: number;
  issuedAt: string | null;
  voidedAt: string | null;
  paid: number;
  refunded: number;
  status: DerivedStatus;
  given: string | null;
  family: string | null;
  doctorName: string | null;
}

export class BillingService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  // ---- reading -------------------------------------------------------------

  private movements(tenantId: string, billingId: string) {
    const q = { where: 'billingId = ?', params: [billingId], orderBy: 'createdAt, id' };
    return {
      payments: this.repos.payments.list(tenantId, q),
      refunds: this.repos.refunds.list(tenantId, q),
    };
  }

  private stateOf(bill: Billing, payments: readonly Payment[], refunds: readonly Refund[]) {
    return invoiceState(
      { total: bill.amount, issuedAt: bill.issuedAt, voidedAt: bill.voidedAt },
      payments,
      refunds,
    );
  }

  private invoice(session: Session, id: string): Billing {
    const bill = this.repos.billing.find(session.actor.tenantId, id);
    if (!bill) throw new AppError('NOT_FOUND', 'That invoice does not exist.');
    return bill;
  }

  private patientName(tenantId: string, patientId: string): string {
    const p = this.repos.patients.find(tenantId, patientId);
    return p ? `${p.givenName} ${p.familyName}` : 'Unknown patient';
  }

  private doctorName(tenantId: string, doctorId: string | null): string | null {
    if (!doctorId) return null;
    const d = this.repos.doctors.find(tenantId, doctorId);
    return d ? (this.repos.users.find(tenantId, d.userId)?.displayName ?? null) : null;
  }

  private clinicHeader(tenantId: string) {
    const t = this.repos.tenants.get(tenantId, tenantId);
    return {
      name: t.name,
      address: t.address,
      contactEmail: t.contactEmail,
      currency: t.currency,
    };
  }

  detail(session: Session, id: string): InvoiceDetail {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    const invoice = this.invoice(session, id);
    const lines = this.repos.invoiceLineItems.list(tenantId, {
      where: 'billingId = ?',
      params: [id],
      orderBy: 'position, createdAt, id',
    });
    const { payments, refunds } = this.movements(tenantId, id);
    return {
      invoice,
      lines,
      payments,
      refunds,
      state: this.stateOf(invoice, payments, refunds),
      patientName: this.patientName(tenantId, invoice.patientId),
      doctorName: this.doctorName(tenantId, invoice.doctorId),
      clinic: this.clinicHeader(tenantId),
    };
  }

  list(session: Session, r: ChannelInput<'billing.list'>): InvoiceList {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    const tz = this.repos.tenants.get(tenantId, tenantId).timeZone;
    const where: string[] = ['b.tenantId = ?', 'b.deletedAt IS NULL'];
    const params: (string | number)[] = [tenantId];
    const date = 'COALESCE(b.issuedAt, b.createdAt)';
    if (r.from) {
      where.push(`${date} >= ?`);
      params.push(new Date(zonedToUtc(r.from, '00:00', tz)).toISOString());
    }
    if (r.to) {
      where.push(`${date} < ?`);
      params.push(new Date(zonedToUtc(addDaysToDate(r.to, 1), '00:00', tz)).toISOString());
    }
    if (r.doctorId) {
      where.push('b.doctorId = ?');
      params.push(r.doctorId);
    }
    if (r.patientId) {
      where.push('b.patientId = ?');
      params.push(r.patientId);
    }
    if (r.method) {
      where.push(
        'EXISTS (SELECT 1 FROM payments m WHERE m.tenantId = b.tenantId AND m.billingId = b.id AND m.method = ? AND m.deletedAt IS NULL)',
      );
      params.push(r.method);
    }
    const inner = `SELECT b.id, b.invoiceNumber, ${date} AS d, b.patientId, b.doctorId, b.currency,
        b.amount AS total, b.issuedAt, b.voidedAt,
        COALESCE((SELECT sum(p.amount) FROM payments p WHERE p.tenantId = b.tenantId AND p.billingId = b.id AND p.deletedAt IS NULL), 0) AS paid,
        COALESCE((SELECT sum(x.amount) FROM refunds x WHERE x.tenantId = b.tenantId AND x.billingId = b.id AND x.deletedAt IS NULL), 0) AS refunded
      FROM billing b WHERE ${where.join(' AND ')}`;
    // Materialized: the money sums are computed once per invoice, not once per use in the CASEs.
    const cte = `WITH i AS MATERIALIZED (${inner})`;
    const withStatus = `SELECT i.*, ${STATUS_SQL} AS status, ${BALANCE_SQL} AS balance FROM i`;
    const statusWhere = r.status ? 'WHERE s.status = ?' : '';
    const statusParams = r.status ? [r.status] : [];

    const totals = this.store.read
      .prepare(
        `${cte} SELECT count(*) AS count, COALESCE(sum(s.total), 0) AS total, COALESCE(sum(s.paid), 0) AS paid,
           COALESCE(sum(s.refunded), 0) AS refunded, COALESCE(sum(s.balance), 0) AS balance
         FROM (${withStatus}) s ${statusWhere}`,
      )
      .get(...params, ...statusParams) as InvoiceList['totals'];

    let cursor: [string, string] | null = null;
    if (r.cursor) {
      const [d, id] = r.cursor.split('|');
      if (!d || !id)
        throw new AppError('VALIDATION_FAILED', 'That page of invoices is no longer valid.');
      cursor = [d, id];
    }
    const names = `LEFT JOIN patients pt ON pt.id = s.patientId
         LEFT JOIN doctors dr ON dr.id = s.doctorId
         LEFT JOIN users u ON u.id = dr.userId`;
    let rows: ListRow[];
    if (r.status) {
      // The status is derived, so the filter runs over the (date-, doctor-, patient-) filtered set.
      const cursorWhere = cursor ? ' AND (s.d < ? OR (s.d = ? AND s.id < ?))' : '';
      rows = this.store.read
        .prepare(
          `${cte} SELECT s.*, pt.givenName AS given, pt.familyName AS family, u.displayName AS doctorName
           FROM (${withStatus}) s ${names}
           ${statusWhere}${cursorWhere}
           ORDER BY s.d DESC, s.id DESC LIMIT ?`,
        )
        .all(
          ...params,
          ...statusParams,
          ...(cursor ? [cursor[0], cursor[0], cursor[1]] : []),
          r.limit + 1,
        ) as unknown as ListRow[];
    } else {
      // No status: walk the date index and compute money for this page's rows only.
      const cursorWhere = cursor ? ` AND (${date} < ? OR (${date} = ? AND b.id < ?))` : '';
      rows = this.store.read
        .prepare(
          `SELECT s.*, ${STATUS_SQL} AS status, pt.givenName AS given, pt.familyName AS family,
             u.displayName AS doctorName
           FROM (${inner}${cursorWhere} ORDER BY ${date} DESC, b.id DESC LIMIT ?) s ${names}
           ORDER BY s.d DESC, s.id DESC`,
        )
        .all(
          ...params,
          ...(cursor ? [cursor[0], cursor[0], cursor[1]] : []),
          r.limit + 1,
        ) as unknown as ListRow[];
    }
    const page = rows.slice(0, r.limit);
    const items: InvoiceSummary[] = page.map((row) => ({
      id: row.id,
      invoiceNumber: row.invoiceNumber,
      date: row.d,
      patientId: row.patientId,
      patientName:
        row.given !== null ? `${row.given} ${row.family ?? ''}`.trim() : 'Unknown patient',
      doctorId: row.doctorId,
      doctorName: row.doctorName,
      currency: row.currency,
      state: invoiceState(
        { total: row.total, issuedAt: row.issuedAt, voidedAt: row.voidedAt },
        row.paid > 0 ? [{ amount: row.paid, method: 'cash' }] : [],
        row.refunded > 0 ? [{ amount: row.refunded, method: 'cash' }] : [],
      ),
    }));
    const last = page[page.length - 1];
    return {
      items,
      totals,
      nextCursor: rows.length > r.limit && last ? `${last.d}|${last.id}` : null,
    };
  }

  // ---- drafts --------------------------------------------------------------

  private lineRows(tenantId: string, lines: readonly InvoiceLineInput[]) {
    return lines.map((l, i) => {
      const discount: LineDiscount | null = l.discount ?? null;
      const gross = l.quantity * l.unitPrice;
      if (discount?.kind === 'amount' && discount.amount > gross)
        throw new AppError('VALIDATION_FAILED', 'A discount cannot be more than its line.', [
          { path: `lines.${i}.discount.amount`, message: 'The discount is more than the line.' },
        ]);
      let taxRateBp = l.taxRateBp;
      if (taxRateBp === undefined && l.serviceCode) {
        taxRateBp = this.priceItemByCode(tenantId, l.serviceCode)?.taxRateBp ?? 0;
      }
      const t = lineTotals({ quantity: l.quantity, unitPrice: l.unitPrice, discount, taxRateBp });
      if (!Number.isSafeInteger(t.total))
        throw new AppError('VALIDATION_FAILED', 'That line is too large.');
      return {
        position: i,
        serviceCode: l.serviceCode ?? null,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discountKind: discount?.kind ?? null,
        discountValue:
          discount === null
            ? null
            : discount.kind === 'amount'
              ? discount.amount
              : discount.basisPoints,
        discountReason: discount?.reason ?? null,
        discountAmount: t.discount,
        taxRateBp: taxRateBp ?? 0,
        taxAmount: t.tax,
        amount: t.total,
      } satisfies Partial<InvoiceLineItem>;
    });
  }

  private checkPatient(tenantId: string, patientId: string): void {
    // A patient of another clinic is simply not found here.
    if (!this.repos.patients.find(tenantId, patientId))
      throw new AppError('NOT_FOUND', 'That patient is not a patient of this clinic.');
  }

  private checkDoctor(tenantId: string, doctorId: string | null | undefined): void {
    if (doctorId && !this.repos.doctors.find(tenantId, doctorId))
      throw new AppError('NOT_FOUND', 'That doctor is not a doctor of this clinic.');
  }

  createInvoice(session: Session, inv: NewInvoice): Billing {
    requireCap(session, 'billing.write');
    const tenantId = session.actor.tenantId;
    const tenant = this.repos.tenants.get(tenantId, tenantId);
    this.checkPatient(tenantId, inv.patientId);
    let doctorId = inv.doctorId ?? null;
    if (inv.appointmentId) {
      const appt = this.repos.appointments.find(tenantId, inv.appointmentId);
      if (!appt || appt.patientId !== inv.patientId)
        throw new AppError('NOT_FOUND', 'That appointment is not this patient’s.');
      doctorId ??= appt.doctorId;
    }
    this.checkDoctor(tenantId, doctorId);
    if (inv.lines.length === 0)
      throw new AppError('VALIDATION_FAILED', 'An invoice needs at least one line.');
    const rows = this.lineRows(tenantId, inv.lines);
    return this.store.transaction(() => {
      const bill = this.repos.billing.create(session.actor, {
        patientId: inv.patientId,
        appointmentId: inv.appointmentId ?? null,
        doctorId,
        amount: rows.reduce((s, l) => s + l.amount, 0),
        currency: tenant.currency,
        paymentMethod: inv.paymentMethod ?? 'cash',
        invoiceNumber: null,
        issuedAt: null,
        voidedAt: null,
        voidReason: null,
      });
      for (const l of rows)
        this.repos.invoiceLineItems.create(session.actor, { billingId: bill.id, ...l });
      return inv.issue ? this.issueBill(session, bill) : bill;
    });
  }

  create(session: Session, r: ChannelInput<'billing.create'>): InvoiceDetail {
    return this.detail(session, this.createInvoice(session, r).id);
  }

  createFromAppointment(
    session: Session,
    r: ChannelInput<'billing.createFromAppointment'>,
  ): InvoiceDetail {
    requireCap(session, 'billing.write');
    const tenantId = session.actor.tenantId;
    const appt = this.repos.appointments.find(tenantId, r.appointmentId);
    if (!appt) throw new AppError('NOT_FOUND', 'That appointment does not exist.');
    if (!BILLABLE.includes(appt.status))
      throw new AppError(
        'INVALID_TRANSITION',
        'Only a checked-in or completed visit can be invoiced.',
      );
    const existing = this.repos.billing.list(tenantId, {
      where: 'appointmentId = ? AND voidedAt IS NULL',
      params: [appt.id],
      limit: 1,
    })[0];
    if (existing)
      throw new AppError('CONFLICT', 'This visit already has an invoice; open it from the list.');
    const doctor = this.repos.doctors.get(tenantId, appt.doctorId);
    const consult = this.priceItemByCode(tenantId, 'CONSULT');
    const name = this.doctorName(tenantId, doctor.id);
    const bill = this.createInvoice(session, {
      patientId: appt.patientId,
      appointmentId: appt.id,
      doctorId: doctor.id,
      lines: [
        {
          serviceCode: consult ? consult.code : null,
          description: `Consultation${name ? ` with ${name}` : ''}`,
          quantity: 1,
          unitPrice: doctor.consultationFee,
          taxRateBp: consult?.taxRateBp ?? 0,
        },
      ],
    });
    return this.detail(session, bill.id);
  }

  private requireDraft(bill: Billing): void {
    if (bill.voidedAt !== null)
      throw new AppError('INVALID_TRANSITION', 'A void invoice cannot be changed.');
    if (bill.issuedAt !== null)
      throw new AppError(
        'INVALID_TRANSITION',
        'An issued invoice cannot be edited; void it (while nothing is paid) or refund instead.',
      );
  }

  private dropLines(session: Session, billingId: string): void {
    for (const l of this.repos.invoiceLineItems.list(session.actor.tenantId, {
      where: 'billingId = ?',
      params: [billingId],
    }))
      this.repos.invoiceLineItems.delete(session.actor, l.id);
  }

  updateDraft(session: Session, r: ChannelInput<'billing.updateDraft'>): InvoiceDetail {
    requireCap(session, 'billing.write');
    const tenantId = session.actor.tenantId;
    const bill = this.invoice(session, r.id);
    this.requireDraft(bill);
    this.checkDoctor(tenantId, r.doctorId);
    const rows = this.lineRows(tenantId, r.lines);
    this.store.transaction(() => {
      this.dropLines(session, bill.id);
      for (const l of rows)
        this.repos.invoiceLineItems.create(session.actor, { billingId: bill.id, ...l });
      this.repos.billing.update(session.actor, bill.id, {
        amount: rows.reduce((s, l) => s + l.amount, 0),
        ...(r.doctorId !== undefined ? { doctorId: r.doctorId } : {}),
        ...(r.paymentMethod ? { paymentMethod: r.paymentMethod } : {}),
      });
    });
    return this.detail(session, bill.id);
  }

  deleteDraft(session: Session, r: ChannelInput<'billing.deleteDraft'>): { ok: true } {
    requireCap(session, 'billing.write');
    const bill = this.invoice(session, r.id);
    this.requireDraft(bill);
    this.store.transaction(() => {
      this.dropLines(session, bill.id);
      this.repos.billing.delete(session.actor, bill.id);
    });
    return { ok: true };
  }

  private issueBill(session: Session, bill: Billing): Billing {
    const lines = this.repos.invoiceLineItems.list(session.actor.tenantId, {
      where: 'billingId = ?',
      params: [bill.id],
    });
    if (lines.length === 0)
      throw new AppError('VALIDATION_FAILED', 'An invoice needs at least one line.');
    return this.store.transaction(() => {
      const n = this.store.nextNumber('invoice');
      return this.repos.billing.update(session.actor, bill.id, {
        amount: lines.reduce((s, l) => s + l.amount, 0),
        invoiceNumber: `INV-${this.store.seriesCode}-${String(n).padStart(6, '0')}`,
        issuedAt: this.store.nowIso(),
      });
    });
  }

  issue(session: Session, r: ChannelInput<'billing.issue'>): InvoiceDetail {
    requireCap(session, 'billing.write');
    const bill = this.invoice(session, r.id);
    this.requireDraft(bill);
    this.issueBill(session, bill);
    return this.detail(session, bill.id);
  }

  // ---- corrections, payments, refunds --------------------------------------

  void(session: Session, r: ChannelInput<'billing.void'>): InvoiceDetail {
    requireCap(session, 'billing.refund');
    const tenantId = session.actor.tenantId;
    const bill = this.invoice(session, r.id);
    if (bill.voidedAt !== null)
      throw new AppError('INVALID_TRANSITION', 'This invoice is already void.');
    if (bill.issuedAt === null)
      throw new AppError('INVALID_TRANSITION', 'A draft is deleted, not voided.');
    const { payments, refunds } = this.movements(tenantId, bill.id);
    if (this.stateOf(bill, payments, refunds).net !== 0)
      throw new AppError(
        'INVALID_TRANSITION',
        'An invoice with money paid on it cannot be voided; refund the payments first.',
      );
    this.repos.billing.update(session.actor, bill.id, {
      voidedAt: this.store.nowIso(),
      voidReason: r.reason,
    });
    return this.detail(session, bill.id);
  }

  private currentState(
    session: Session,
    billingId: string,
  ): { bill: Billing; state: InvoiceState } {
    const bill = this.invoice(session, billingId);
    const { payments, refunds } = this.movements(session.actor.tenantId, billingId);
    return { bill, state: this.stateOf(bill, payments, refunds) };
  }

  recordPayment(session: Session, p: ChannelInput<'billing.pay'>): Payment {
    requireCap(session, 'billing.write');
    const { state } = this.currentState(session, p.billingId);
    const refusal = paymentRefusal(state, p.amount);
    if (refusal)
      throw new AppError(
        state.status === 'draft' || state.status === 'void'
          ? 'INVALID_TRANSITION'
          : 'VALIDATION_FAILED',
        refusal,
      );
    if (p.tendered !== undefined && p.method !== 'cash')
      throw new AppError('VALIDATION_FAILED', 'Only cash has an amount tendered.');
    if (p.tendered !== undefined && p.tendered < p.amount)
      throw new AppError('VALIDATION_FAILED', 'The amount tendered is less than the payment.');
    return this.repos.payments.create(session.actor, {
      billingId: p.billingId,
      amount: p.amount,
      method: p.method,
      receivedAt: this.store.nowIso(),
      reference: p.reference ?? '',
      tenderedAmount: p.tendered ?? null,
      changeGiven: p.tendered !== undefined ? p.tendered - p.amount : null,
      receivedBy: session.user.id,
      deviceId: session.actor.deviceId,
    });
  }

  pay(session: Session, p: ChannelInput<'billing.pay'>): InvoiceDetail {
    this.recordPayment(session, p);
    return this.detail(session, p.billingId);
  }

  recordRefund(session: Session, r: ChannelInput<'billing.refund'>): Refund {
    requireCap(session, 'billing.refund');
    const { state } = this.currentState(session, r.billingId);
    const refusal = refundRefusal(state, r.amount);
    if (refusal)
      throw new AppError(
        state.status === 'draft' ? 'INVALID_TRANSITION' : 'VALIDATION_FAILED',
        refusal,
      );
    return this.repos.refunds.create(session.actor, {
      billingId: r.billingId,
      amount: r.amount,
      method: r.method,
      reason: r.reason,
      refundedAt: this.store.nowIso(),
      refundedBy: session.user.id,
      deviceId: session.actor.deviceId,
    });
  }

  refund(session: Session, r: ChannelInput<'billing.refund'>): InvoiceDetail {
    this.recordRefund(session, r);
    return this.detail(session, r.billingId);
  }

  // ---- price list ----------------------------------------------------------

  private priceItemByCode(tenantId: string, code: string): PriceItem | null {
    return (
      this.repos.priceItems.list(tenantId, {
        where: 'code = ?',
        params: [code],
        orderBy: 'createdAt',
        limit: 1,
      })[0] ?? null
    );
  }

  priceList(session: Session): PriceItem[] {
    requireCap(session, 'billing.read');
    return this.repos.priceItems.list(session.actor.tenantId, { orderBy: 'code, id' });
  }

  savePriceItem(session: Session, r: ChannelInput<'billing.savePriceItem'>): PriceItem {
    requireCap(session, 'settings.manage');
    const tenantId = session.actor.tenantId;
    const same = this.priceItemByCode(tenantId, r.code);
    if (same && same.id !== r.id)
      throw new AppError('CONFLICT', `The code ${r.code} is already on the price list.`, [
        { path: 'code', message: 'That code is already used.' },
      ]);
    const values = {
      code: r.code,
      description: r.description,
      price: r.price,
      taxRateBp: r.taxRateBp,
      active: r.active,
    };
    if (r.id) {
      if (!this.repos.priceItems.find(tenantId, r.id))
        throw new AppError('NOT_FOUND', 'That service is not on the price list.');
      return this.repos.priceItems.update(session.actor, r.id, values);
    }
    return this.repos.priceItems.create(session.actor, values);
  }

  // ---- daily close ---------------------------------------------------------

  private lastClose(session: Session): DayClose | null {
    return (
      this.repos.dayCloses.list(session.actor.tenantId, {
        where: 'deviceId = ? AND userId = ?',
        params: [session.actor.deviceId, session.user.id],
        orderBy: 'periodEnd DESC',
        limit: 1,
      })[0] ?? null
    );
  }

  private closePeriod(session: Session, periodEnd: string) {
    const start = this.lastClose(session)?.periodEnd ?? null;
    const read = (table: 'payments' | 'refunds', by: string, at: string) =>
      this.store.read
        .prepare(
          `SELECT amount, method FROM ${table}
           WHERE tenantId = ? AND deviceId = ? AND ${by} = ? AND ${at} > ? AND ${at} <= ? AND deletedAt IS NULL`,
        )
        .all(
          session.actor.tenantId,
          session.actor.deviceId,
          session.user.id,
          start ?? '',
          periodEnd,
        ) as { amount: number; method: Payment['method'] }[];
    return {
      start,
      payments: read('payments', 'receivedBy', 'receivedAt'),
      refunds: read('refunds', 'refundedBy', 'refundedAt'),
    };
  }

  closePreview(session: Session): ClosePreview {
    requireCap(session, 'billing.write');
    const { start, payments, refunds } = this.closePeriod(session, this.store.nowIso());
    const f = closeFigures(payments, refunds, 0);
    return {
      periodStart: start,
      payments: f.payments,
      refunds: f.refunds,
      expected: f.expected,
      expectedTotal: f.expectedTotal,
      paymentCount: payments.length,
      refundCount: refunds.length,
    };
  }

  closeDay(session: Session, r: ChannelInput<'billing.closeDay'>): DayClose {
    requireCap(session, 'billing.write');
    return this.store.transaction(() => {
      const periodEnd = this.store.nowIso();
      const { start, payments, refunds } = this.closePeriod(session, periodEnd);
      const f = closeFigures(payments, refunds, r.countedCash);
      const n = this.store.nextNumber('close');
      return this.repos.dayCloses.create(session.actor, {
        closeNumber: `CLOSE-${this.store.seriesCode}-${String(n).padStart(6, '0')}`,
        deviceId: session.actor.deviceId,
        userId: session.user.id,
        periodStart: start,
        periodEnd,
        expectedCash: f.expected.cash,
        expectedCard: f.expected.card,
        expectedInsurance: f.expected.insurance,
        expectedBankTransfer: f.expected.bank_transfer,
        countedCash: r.countedCash,
        difference: f.difference,
        paymentCount: payments.length,
        refundCount: refunds.length,
        note: r.note,
      });
    });
  }

  /** Admins see every close of the clinic; others their own. */
  closes(session: Session): DayClose[] {
    requireCap(session, 'billing.read');
    const all = session.capabilities.has('admin.access');
    return this.repos.dayCloses.list(session.actor.tenantId, {
      ...(all ? {} : { where: 'userId = ?', params: [session.user.id] }),
      orderBy: 'periodEnd DESC',
      limit: 500,
    });
  }

  // ---- patient balance and statement ---------------------------------------

  statement(session: Session, r: ChannelInput<'billing.statement'>): Statement {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    this.checkPatient(tenantId, r.patientId);
    const bills = this.repos.billing.list(tenantId, {
      where: 'patientId = ? AND issuedAt IS NOT NULL',
      params: [r.patientId],
    });
    const ids = bills.map((b) => b.id);
    const inIds = ids.map(() => '?').join(',');
    const payments = ids.length
      ? this.repos.payments.list(tenantId, { where: `billingId IN (${inIds})`, params: ids })
      : [];
    const refunds = ids.length
      ? this.repos.refunds.list(tenantId, { where: `billingId IN (${inIds})`, params: ids })
      : [];
    const s = statement(
      bills.map((b) => ({
        id: b.id,
        invoiceNumber: b.invoiceNumber,
        total: b.amount,
        issuedAt: b.issuedAt,
        voidedAt: b.voidedAt,
      })),
      payments.map((p) => ({
        billingId: p.billingId,
        amount: p.amount,
        method: p.method,
        at: p.receivedAt,
      })),
      refunds.map((x) => ({
        billingId: x.billingId,
        amount: x.amount,
        method: x.method,
        at: x.refundedAt,
      })),
    );
    return {
      patientId: r.patientId,
      patientName: this.patientName(tenantId, r.patientId),
      currency: this.repos.tenants.get(tenantId, tenantId).currency,
      entries: s.entries,
      balance: s.balance,
    };
  }

  patientBalance(session: Session, r: ChannelInput<'billing.patientBalance'>) {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    this.checkPatient(tenantId, r.patientId);
    let balance = 0;
    let openInvoices = 0;
    for (const b of this.repos.billing.list(tenantId, {
      where: 'patientId = ? AND issuedAt IS NOT NULL',
      params: [r.patientId],
    })) {
      const { payments, refunds } = this.movements(tenantId, b.id);
      const owed = owedOn(this.stateOf(b, payments, refunds));
      balance += owed;
      if (owed > 0) openInvoices++;
    }
    return {
      patientId: r.patientId,
      currency: this.repos.tenants.get(tenantId, tenantId).currency,
      balance,
      openInvoices,
    };
  }

  /** The invoice or receipt as a PDF (only once issued: a draft has no number yet). */
  async document(session: Session, r: ChannelInput<'billing.document'>) {
    const d = this.detail(session, r.id);
    if (!d.invoice.issuedAt)
      throw new AppError('INVALID_TRANSITION', 'Issue the invoice before printing it.');
    const pdf = await invoicePdf(d, r.kind);
    // A printed document leaves the app with the patient's name and services on it: audited as an export.
    this.store.audit(session.actor, 'export', 'billing', d.invoice.id, `${r.kind} pdf`);
    const name = `${r.kind === 'receipt' ? 'receipt' : 'invoice'}-${d.invoice.invoiceNumber ?? d.invoice.id}.pdf`;
    return { fileName: name, base64: pdf.toString('base64') };
  }

  /** Totals of one invoice's lines as the core computed them (used by documents and tests). */
  totalsOf(lines: readonly InvoiceLineItem[]) {
    return invoiceTotals(
      lines.map((l) => ({
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discount:
          l.discountKind === 'amount'
            ? { kind: 'amount', amount: l.discountValue ?? 0, reason: l.discountReason ?? '' }
            : l.discountKind === 'percent'
              ? {
                  kind: 'percent',
                  basisPoints: l.discountValue ?? 0,
                  reason: l.discountReason ?? '',
                }
              : null,
        taxRateBp: l.taxRateBp,
      })),
    );
  }
}
