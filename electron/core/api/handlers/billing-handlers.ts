// billing.*: the Billing screen, the Admin price list and the patient's balance.
import type { HandlerMap } from '../handler-types';

type BillingChannels =
  | 'billing.list'
  | 'billing.get'
  | 'billing.conflicts'
  | 'billing.create'
  | 'billing.createFromAppointment'
  | 'billing.forAppointment'
  | 'billing.updateDraft'
  | 'billing.deleteDraft'
  | 'billing.issue'
  | 'billing.void'
  | 'billing.pay'
  | 'billing.refund'
  | 'billing.keepCredit'
  | 'billing.payFromCredit'
  | 'billing.undoCreditPayment'
  | 'billing.priceList'
  | 'billing.savePriceItem'
  | 'billing.closePreview'
  | 'billing.closeDay'
  | 'billing.closes'
  | 'billing.patientBalance'
  | 'billing.statement'
  | 'billing.document'
  | 'billing.statementDocument'
  | 'billing.closeDocument'
  | 'billing.report'
  | 'billing.reportCsv';

export const billingHandlers: HandlerMap<BillingChannels> = {
  'billing.list': (r, { session, services }) => services.billing.list(session, r),
  'billing.get': (r, { session, services }) => services.billing.detail(session, r.id),
  'billing.conflicts': (_r, { session, services }) => services.billing.conflicts(session),
  'billing.create': (r, { session, services }) => services.billing.create(session, r),
  'billing.createFromAppointment': (r, { session, services }) =>
    services.billing.createFromAppointment(session, r),
  'billing.forAppointment': (r, { session, services }) =>
    services.billing.forAppointment(session, r),
  'billing.updateDraft': (r, { session, services }) => services.billing.updateDraft(session, r),
  'billing.deleteDraft': (r, { session, services }) => services.billing.deleteDraft(session, r),
  'billing.issue': (r, { session, services }) => services.billing.issue(session, r),
  'billing.void': (r, { session, services }) => services.billing.void(session, r),
  'billing.pay': (r, { session, services }) => services.billing.pay(session, r),
  'billing.refund': (r, { session, services }) => services.billing.refund(session, r),
  'billing.keepCredit': (r, { session, services }) => services.billing.keepCredit(session, r),
  'billing.payFromCredit': (r, { session, services }) => services.billing.payFromCredit(session, r),
  'billing.undoCreditPayment': (r, { session, services }) =>
    services.billing.undoCreditPayment(session, r),
  'billing.priceList': (_r, { session, services }) => services.billing.priceList(session),
  'billing.savePriceItem': (r, { session, services }) => services.billing.savePriceItem(session, r),
  'billing.closePreview': (_r, { session, services }) => services.billing.closePreview(session),
  'billing.closeDay': (r, { session, services }) => services.billing.closeDay(session, r),
  'billing.closes': (_r, { session, services }) => services.billing.closes(session),
  'billing.patientBalance': (r, { session, services }) =>
    services.billing.patientBalance(session, r),
  'billing.statement': (r, { session, services }) => services.billing.statement(session, r),
  'billing.document': (r, { session, services }) => services.billing.document(session, r),
  'billing.statementDocument': (r, { session, services }) =>
    services.billing.statementDocument(session, r),
  'billing.closeDocument': (r, { session, services }) => services.billing.closeDocument(session, r),
  'billing.report': (r, { session, services }) => services.billing.report(session, r),
  'billing.reportCsv': (r, { session, services }) => services.billing.reportCsv(session, r),
};
