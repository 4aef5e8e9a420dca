// Billing: one facade over small parts, each with one responsibility
// (billing/): reads and the invoice view, the invoice list, invoices'
// lifecycle, payments and refunds, the patient's credit, the price list, the daily close, the
// patient's account, documents and reports. Money is integer minor units of
// the clinic's currency. Status and balance are derived
// (shared/billing/status.ts) from the invoice's lifecycle columns and its
// payments and refunds, never stored in a synced column; the list and the
// reports read the same derivation from the local summary invoice_money.
import type { ChannelInput } from '../../../shared/api/channels';
import type { InvoiceLineItem } from '../../../shared/domain/billing';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import type { Session } from './session';
import { BillingReads } from './billing/billing-reads';
import { BillingConflicts } from './billing/billing-conflicts';
import { BillingDocuments } from './billing/billing-documents';
import { DailyClose } from './billing/daily-close';
import { totalsOf } from './billing/invoice-lines';
import { InvoiceListQuery } from './billing/invoice-list';
import { Invoices, type NewInvoice } from './billing/invoices';
import { PatientAccount } from './billing/patient-account';
import { PatientCredits } from './billing/patient-credits';
import { Payments } from './billing/payments';
import { PriceList } from './billing/price-list';
import { BillingReports } from './billing/reports';

export class BillingService {
  private readonly reads: BillingReads;
  private readonly invoices: Invoices;
  private readonly payments: Payments;
  private readonly prices: PriceList;
  private readonly daily: DailyClose;
  private readonly account: PatientAccount;
  private readonly credits: PatientCredits;
  private readonly documents: BillingDocuments;
  private readonly listQuery: InvoiceListQuery;
  private readonly reports: BillingReports;
  private readonly conflictList: BillingConflicts;

  constructor(store: ClinicStore, repos: Repositories) {
    this.reads = new BillingReads(store, repos);
    this.invoices = new Invoices(this.reads);
    this.payments = new Payments(this.reads);
    this.prices = new PriceList(this.reads);
    this.daily = new DailyClose(this.reads);
    this.account = new PatientAccount(this.reads);
    this.credits = new PatientCredits(this.reads);
    this.documents = new BillingDocuments(this.reads, this.account);
    this.listQuery = new InvoiceListQuery(this.reads);
    this.reports = new BillingReports(this.reads);
    this.conflictList = new BillingConflicts(this.reads);
  }

  detail = (session: Session, id: string) => this.reads.detail(session, id);
  list = (session: Session, r: ChannelInput<'billing.list'>) => this.listQuery.list(session, r);
  conflicts = (session: Session) => this.conflictList.list(session);

  createInvoice = (session: Session, inv: NewInvoice) => this.invoices.createInvoice(session, inv);
  create = (session: Session, r: ChannelInput<'billing.create'>) =>
    this.invoices.create(session, r);
  createFromAppointment = (session: Session, r: ChannelInput<'billing.createFromAppointment'>) =>
    this.invoices.createFromAppointment(session, r);
  forAppointment = (session: Session, r: ChannelInput<'billing.forAppointment'>) =>
    this.invoices.forAppointment(session, r);
  updateDraft = (session: Session, r: ChannelInput<'billing.updateDraft'>) =>
    this.invoices.updateDraft(session, r);
  deleteDraft = (session: Session, r: ChannelInput<'billing.deleteDraft'>) =>
    this.invoices.deleteDraft(session, r);
  issue = (session: Session, r: ChannelInput<'billing.issue'>) => this.invoices.issue(session, r);
  void = (session: Session, r: ChannelInput<'billing.void'>) => this.invoices.void(session, r);

  recordPayment = (session: Session, p: ChannelInput<'billing.pay'>) =>
    this.payments.recordPayment(session, p);
  pay = (session: Session, p: ChannelInput<'billing.pay'>) => this.payments.pay(session, p);
  recordRefund = (session: Session, r: ChannelInput<'billing.refund'>) =>
    this.payments.recordRefund(session, r);
  refund = (session: Session, r: ChannelInput<'billing.refund'>) =>
    this.payments.refund(session, r);

  keepCredit = (session: Session, r: ChannelInput<'billing.keepCredit'>) =>
    this.credits.keep(session, r);
  payFromCredit = (session: Session, r: ChannelInput<'billing.payFromCredit'>) =>
    this.credits.payFromCredit(session, r);
  undoCreditPayment = (session: Session, r: ChannelInput<'billing.undoCreditPayment'>) =>
    this.credits.undo(session, r);

  priceList = (session: Session) => this.prices.priceList(session);
  savePriceItem = (session: Session, r: ChannelInput<'billing.savePriceItem'>) =>
    this.prices.savePriceItem(session, r);

  closePreview = (session: Session) => this.daily.closePreview(session);
  closeDay = (session: Session, r: ChannelInput<'billing.closeDay'>) =>
    this.daily.closeDay(session, r);
  closes = (session: Session) => this.daily.closes(session);
  closeDocument = (session: Session, r: ChannelInput<'billing.closeDocument'>) =>
    this.daily.closeDocument(session, r.id);

  statement = (session: Session, r: ChannelInput<'billing.statement'>) =>
    this.account.statement(session, r);
  patientBalance = (session: Session, r: ChannelInput<'billing.patientBalance'>) =>
    this.account.patientBalance(session, r);

  document = (session: Session, r: ChannelInput<'billing.document'>) =>
    this.documents.document(session, r);
  statementDocument = (session: Session, r: ChannelInput<'billing.statementDocument'>) =>
    this.documents.statementDocument(session, r);

  report = (session: Session, r: ChannelInput<'billing.report'>) => this.reports.report(session, r);
  reportCsv = (session: Session, r: ChannelInput<'billing.reportCsv'>) =>
    this.reports.reportCsv(session, r);

  /** Totals of one invoice's lines as the core computed them (used by documents and tests). */
  totalsOf = (lines: readonly InvoiceLineItem[]) => totalsOf(lines);
}
