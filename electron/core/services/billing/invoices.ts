// An invoice's lifecycle: a draft (from a visit or by hand), edited or
// deleted while a draft, issued (numbered from this workstation's series and
// locked), and voided with a reason while no money is held on it.
import type { z } from 'zod';
import type { ChannelInput } from '../../../../shared/api/channels';
import type { InvoiceDetail, NewInvoiceRequest } from '../../../../shared/api/billing';
import type { Billing } from '../../../../shared/domain/billing';
import type { AppointmentStatus } from '../../../../shared/domain/enums';
import { AppError } from '../../../../shared/errors';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';
import { lineRows } from './invoice-lines';

export type NewInvoice = z.input<typeof NewInvoiceRequest>;

/** Appointments that can be invoiced: the patient has arrived. */
const BILLABLE: readonly AppointmentStatus[] = ['checked_in', 'in_progress', 'completed'];

export class Invoices {
  constructor(private readonly reads: BillingReads) {}

  private get store() {
    return this.reads.store;
  }
  private get repos() {
    return this.reads.repos;
  }

  createInvoice(session: Session, inv: NewInvoice): Billing {
    requireCap(session, 'billing.write');
    const tenantId = session.actor.tenantId;
    const tenant = this.repos.tenants.get(tenantId, tenantId);
    this.reads.checkPatient(tenantId, inv.patientId);
    let doctorId = inv.doctorId ?? null;
    if (inv.appointmentId) {
      const appt = this.repos.appointments.find(tenantId, inv.appointmentId);
      if (!appt || appt.patientId !== inv.patientId)
        throw new AppError('NOT_FOUND', 'That appointment is not this patient’s.');
      this.refuseSecondInvoice(tenantId, appt.id);
      doctorId ??= appt.doctorId;
    }
    this.reads.checkDoctor(tenantId, doctorId);
    if (inv.lines.length === 0)
      throw new AppError('VALIDATION_FAILED', 'An invoice needs at least one line.');
    const rows = lineRows(this.reads, tenantId, inv.lines);
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

  /** The visit's invoice that is not void (a draft or issued), if it has one. */
  openInvoiceOf(tenantId: string, appointmentId: string): Billing | undefined {
    return this.repos.billing.list(tenantId, {
      where: 'appointmentId = ? AND voidedAt IS NULL',
      params: [appointmentId],
      orderBy: 'createdAt',
      limit: 1,
    })[0];
  }

  /**
   * One invoice per visit, whichever way it is made (from the visit or by
   * hand with the visit picked): a second would bill the patient twice. A
   * void invoice does not count, so a visit whose invoice was voided can be
   * billed again.
   */
  private refuseSecondInvoice(tenantId: string, appointmentId: string): void {
    if (this.openInvoiceOf(tenantId, appointmentId))
      throw new AppError(
        'CONFLICT',
        'This visit already has an invoice; open it instead of creating another.',
      );
  }

  /** billing.forAppointment: which invoice a visit has, so its screen can open it. */
  forAppointment(
    session: Session,
    r: ChannelInput<'billing.forAppointment'>,
  ): { invoice: { id: string; invoiceNumber: string | null } | null } {
    requireCap(session, 'billing.read');
    const tenantId = session.actor.tenantId;
    if (!this.repos.appointments.find(tenantId, r.appointmentId))
      throw new AppError('NOT_FOUND', 'That appointment does not exist.');
    const bill = this.openInvoiceOf(tenantId, r.appointmentId);
    return { invoice: bill ? { id: bill.id, invoiceNumber: bill.invoiceNumber } : null };
  }

  create(session: Session, r: ChannelInput<'billing.create'>): InvoiceDetail {
    return this.reads.detail(session, this.createInvoice(session, r).id);
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
    this.refuseSecondInvoice(tenantId, appt.id);
    const doctor = this.repos.doctors.get(tenantId, appt.doctorId);
    const consult = this.reads.priceItemByCode(tenantId, 'CONSULT');
    const name = this.reads.doctorName(tenantId, doctor.id);
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
    return this.reads.detail(session, bill.id);
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
    const bill = this.reads.invoice(session, r.id);
    this.requireDraft(bill);
    this.reads.checkDoctor(tenantId, r.doctorId);
    const rows = lineRows(this.reads, tenantId, r.lines);
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
    return this.reads.detail(session, bill.id);
  }

  deleteDraft(session: Session, r: ChannelInput<'billing.deleteDraft'>): { ok: true } {
    requireCap(session, 'billing.write');
    const bill = this.reads.invoice(session, r.id);
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
    const bill = this.reads.invoice(session, r.id);
    this.requireDraft(bill);
    this.issueBill(session, bill);
    return this.reads.detail(session, bill.id);
  }

  void(session: Session, r: ChannelInput<'billing.void'>): InvoiceDetail {
    requireCap(session, 'billing.refund');
    const { bill, state } = this.reads.currentState(session, r.id);
    if (bill.voidedAt !== null)
      throw new AppError('INVALID_TRANSITION', 'This invoice is already void.');
    if (bill.issuedAt === null)
      throw new AppError('INVALID_TRANSITION', 'A draft is deleted, not voided.');
    if (state.net !== 0)
      throw new AppError(
        'INVALID_TRANSITION',
        'An invoice with money paid on it cannot be voided; refund the payments (or undo payments from credit) first.',
      );
    this.repos.billing.update(session.actor, bill.id, {
      voidedAt: this.store.nowIso(),
      voidReason: r.reason,
    });
    return this.reads.detail(session, bill.id);
  }
}
