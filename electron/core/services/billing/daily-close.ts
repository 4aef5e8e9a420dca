// The daily close per workstation and user: expected takings by method
// (payments − refunds since that user's last close here), the counted cash
// and the difference, sealed as a numbered insert-only row.
import { dayClosePdf } from '../../documents/day-close-pdf';
import { AppError } from '../../../../shared/errors';
import type { ChannelInput } from '../../../../shared/api/channels';
import type { ClosePreview } from '../../../../shared/api/billing';
import { closeFigures } from '../../../../shared/billing';
import type { DayClose, Payment } from '../../../../shared/domain/billing';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';

export class DailyClose {
  constructor(private readonly reads: BillingReads) {}

  private lastClose(session: Session): DayClose | null {
    return (
      this.reads.repos.dayCloses.list(session.actor.tenantId, {
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
      this.reads.store.read
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
    const { start, payments, refunds } = this.closePeriod(session, this.reads.store.nowIso());
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
    const store = this.reads.store;
    return store.transaction(() => {
      const periodEnd = store.nowIso();
      const { start, payments, refunds } = this.closePeriod(session, periodEnd);
      const f = closeFigures(payments, refunds, r.countedCash);
      const n = store.nextNumber('close');
      return this.reads.repos.dayCloses.create(session.actor, {
        closeNumber: `CLOSE-${store.seriesCode}-${String(n).padStart(6, '0')}`,
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
    return this.reads.repos.dayCloses.list(session.actor.tenantId, {
      ...(all ? {} : { where: 'userId = ?', params: [session.user.id] }),
      orderBy: 'periodEnd DESC',
      limit: 500,
    });
  }

  /** A close the session may see (its own, or any for an admin) as a PDF; another's is not found. */
  async closeDocument(session: Session, id: string) {
    const c = this.closes(session).find((x) => x.id === id);
    if (!c) throw new AppError('NOT_FOUND', 'That daily close does not exist.');
    const tenantId = session.actor.tenantId;
    const names = {
      userName: this.reads.repos.users.find(tenantId, c.userId)?.displayName ?? 'Unknown user',
      workstationName: this.reads.repos.devices.find(tenantId, c.deviceId)?.name ?? 'Workstation',
    };
    const pdf = await dayClosePdf(
      c,
      names,
      this.reads.clinicHeader(tenantId),
      this.reads.locale(tenantId),
    );
    this.reads.store.audit(session.actor, 'export', 'day_closes', c.id, 'close pdf');
    return { fileName: `close-${c.closeNumber}.pdf`, base64: pdf.toString('base64') };
  }
}
