// The contract of billing: the price list, invoices (drafts from visits,
// issue, void), payments and refunds (insert-only), the daily close, patient
// balances and statements, and the PDF of an invoice or receipt. Money is
// integer minor units of the clinic's currency; rates are basis points.
import { z } from 'zod';
import { channel } from './contract';
import { PaymentMethod } from '../domain/enums';
import {
  BasisPoints,
  Billing,
  DayClose,
  InvoiceLineItem,
  PatientCredit,
  Payment,
  PriceItem,
  Refund,
} from '../domain/billing';
import { CalendarDate, Id, MinorUnits, NonEmptyText } from '../domain/primitives';
import { derivedStatuses } from '../billing/status';

/** An amount of money: whole minor units (a fraction of a cent is refused, not rounded). */
const Money = z
  .number({ error: 'Enter an amount.' })
  .int('Amounts are whole minor units (no fractions of a cent).')
  .nonnegative('Amounts cannot be negative.')
  .max(100_000_000_00, 'That amount is too large.');
const PositiveMoney = Money.positive('The amount must be more than zero.');

const Quantity = z
  .number({ error: 'Enter a quantity.' })
  .int('The quantity must be a whole number.')
  .min(1, 'The quantity must be at least 1.')
  .max(10_000, 'The quantity can be at most 10,000.');

export const LineDiscountInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('amount'),
      amount: Money,
      reason: NonEmptyText(200),
    })
    .strict(),
  z
    .object({
      kind: z.literal('percent'),
      basisPoints: z
        .number()
        .int('A percentage has at most two decimals.')
        .min(0, 'A discount cannot be negative.')
        .max(10_000, 'A discount cannot be more than 100 %.'),
      reason: NonEmptyText(200),
    })
    .strict(),
]);

export const InvoiceLineInput = z
  .object({
    /** A price-list code the line was picked from; null for free text. */
    serviceCode: z.string().max(20).nullable().optional(),
    description: NonEmptyText(300),
    quantity: Quantity,
    unitPrice: Money,
    discount: LineDiscountInput.nullable().optional(),
    taxRateBp: BasisPoints.optional(),
  })
  .strict();
export type InvoiceLineInput = z.infer<typeof InvoiceLineInput>;

export const NewInvoiceRequest = z
  .object({
    patientId: Id,
    appointmentId: Id.nullable().optional(),
    doctorId: Id.nullable().optional(),
    paymentMethod: PaymentMethod.default('cash'),
    lines: z.array(InvoiceLineInput).min(1, 'An invoice needs at least one line.').max(200),
    issue: z.boolean().optional(),
  })
  .strict();

export const FromAppointmentRequest = z.object({ appointmentId: Id }).strict();

export const UpdateDraftRequest = z
  .object({
    id: Id,
    doctorId: Id.nullable().optional(),
    paymentMethod: PaymentMethod.optional(),
    lines: z.array(InvoiceLineInput).min(1, 'An invoice needs at least one line.').max(200),
  })
  .strict();

export const IdRequest = z.object({ id: Id }).strict();
export const VoidRequest = z
  .object({ id: Id, reason: NonEmptyText(500).describe('Why the invoice is void') })
  .strict();

export const PaymentRequest = z
  .object({
    billingId: Id,
    amount: PositiveMoney,
    method: PaymentMethod,
    reference: z.string().max(100).optional(),
    /** Cash only: what the patient handed over (at least the amount). */
    tendered: PositiveMoney.optional(),
    /** Take more than the balance and keep the excess as the patient's credit. */
    excessAsCredit: z.boolean().optional(),
  })
  .strict()
  .refine((p) => p.tendered === undefined || p.method === 'cash', {
    message: 'Only cash has an amount tendered.',
    path: ['tendered'],
  })
  .refine((p) => p.tendered === undefined || p.tendered >= p.amount, {
    message: 'The amount tendered is less than the payment.',
    path: ['tendered'],
  });

export const RefundRequest = z
  .object({
    billingId: Id,
    amount: PositiveMoney,
    method: PaymentMethod,
    reason: NonEmptyText(500),
  })
  .strict();

export const PriceItemRequest = z
  .object({
    id: Id.optional(),
    code: PriceItem.shape.code,
    description: PriceItem.shape.description,
    price: Money,
    taxRateBp: BasisPoints.nullable(),
    active: z.boolean().default(true),
  })
  .strict();

export const DerivedStatusSchema = z.enum(derivedStatuses);

export const InvoiceListRequest = z
  .object({
    status: DerivedStatusSchema.optional(),
    /** Calendar dates in the clinic's zone, inclusive. */
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    doctorId: Id.optional(),
    patientId: Id.optional(),
    /** Invoices with at least one payment of this method. */
    method: PaymentMethod.optional(),
    /** Opaque: the last row's key from the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const InvoiceState = z.object({
  status: DerivedStatusSchema,
  total: MinorUnits,
  paid: MinorUnits,
  fromCredit: MinorUnits,
  refunded: MinorUnits,
  net: MinorUnits,
  balance: MinorUnits,
  overpaid: MinorUnits,
  credit: MinorUnits,
  conflict: z.enum(['overpaid', 'void_with_payments']).nullable(),
});

export const InvoiceSummary = z.object({
  id: Id,
  invoiceNumber: z.string().nullable(),
  date: z.string(),
  patientId: Id,
  patientName: z.string(),
  doctorId: Id.nullable(),
  doctorName: z.string().nullable(),
  currency: z.string(),
  state: InvoiceState,
});
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const ListTotals = z.object({
  count: z.number().int(),
  total: MinorUnits,
  paid: MinorUnits,
  refunded: MinorUnits,
  balance: MinorUnits,
});

export const InvoiceList = z.object({
  items: z.array(InvoiceSummary),
  totals: ListTotals,
  nextCursor: z.string().nullable(),
});
export type InvoiceList = z.infer<typeof InvoiceList>;

export const ClinicHeader = z.object({
  name: z.string(),
  address: z.string().nullable(),
  contactEmail: z.string().nullable(),
  phone: z.string().nullable(),
  currency: z.string(),
});

export const InvoiceDetail = z.object({
  invoice: Billing,
  lines: z.array(InvoiceLineItem),
  payments: z.array(Payment),
  refunds: z.array(Refund),
  /** Credit kept on this invoice or applied to it (live rows). */
  credits: z.array(PatientCredit),
  state: InvoiceState,
  /** The patient's credit available to spend (negative: spent twice offline). */
  patientCredit: MinorUnits,
  patientName: z.string(),
  doctorName: z.string().nullable(),
  clinic: ClinicHeader,
});
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

const ByMethod = z.object({
  cash: MinorUnits,
  card: MinorUnits,
  insurance: MinorUnits,
  bank_transfer: MinorUnits,
});

export const ClosePreview = z.object({
  periodStart: z.string().nullable(),
  payments: ByMethod,
  refunds: ByMethod,
  expected: ByMethod,
  expectedTotal: MinorUnits,
  paymentCount: z.number().int(),
  refundCount: z.number().int(),
});
export type ClosePreview = z.infer<typeof ClosePreview>;

export const CloseDayRequest = z
  .object({
    countedCash: z
      .number({ error: 'Enter the counted cash as a number.' })
      .int('Counted cash is whole minor units.')
      .nonnegative('Counted cash cannot be negative.')
      .max(100_000_000_00),
    note: z.string().max(500).default(''),
  })
  .strict();

export const StatementEntry = z.object({
  date: z.string(),
  kind: z.enum(['invoice', 'payment', 'refund', 'void', 'credit_kept', 'credit_applied']),
  billingId: Id,
  invoiceNumber: z.string().nullable(),
  amount: MinorUnits,
  /** What the entry changed in what the patient owes (negative: less owed). */
  effect: MinorUnits,
  balance: MinorUnits,
});
export const Statement = z.object({
  patientId: Id,
  patientName: z.string(),
  currency: z.string(),
  entries: z.array(StatementEntry),
  balance: MinorUnits,
});
export type Statement = z.infer<typeof Statement>;

export const PatientBalance = z.object({
  patientId: Id,
  currency: z.string(),
  /** Owed by the patient (negative: the clinic holds a credit). */
  balance: MinorUnits,
  openInvoices: z.number().int(),
  /** Credit the patient can spend on an invoice (negative: spent twice offline). */
  credit: MinorUnits,
});

export const DocumentRequest = z
  .object({ id: Id, kind: z.enum(['invoice', 'receipt']).default('invoice') })
  .strict();
export const PdfDocument = z.object({
  fileName: z.string(),
  /** The PDF, base64 (both transports carry JSON). */
  base64: z.string(),
});

/**
 * Something in billing that needs a person after a merge (the Conflicts view):
 * money held beyond an invoice's total that nobody kept as credit (two
 * workstations took payments offline), a void invoice that still holds
 * payments, or a patient's credit spent twice offline. `amount` is what to
 * refund or keep as credit to settle it (for spent credit: how much too much
 * was spent); `method` is that of the invoice's latest payment. For spent
 * credit, `invoice` is the one most recently paid from credit and `creditId`
 * the credit payment to undo.
 */
export const BillingConflict = z.object({
  invoice: InvoiceSummary,
  kind: z.enum(['overpaid', 'void_with_payments', 'credit_overspent']),
  amount: MinorUnits,
  method: PaymentMethod,
  creditId: Id.nullable(),
});
export type BillingConflict = z.infer<typeof BillingConflict>;

/** Keep money an invoice holds beyond its total as the patient's credit. */
export const KeepCreditRequest = z.object({ billingId: Id, amount: PositiveMoney }).strict();
/** Pay (part of) an invoice from the patient's credit. */
export const PayFromCreditRequest = z.object({ billingId: Id, amount: PositiveMoney }).strict();

/** A visit's invoice: its id and number (null while it is a draft), or none. */
export const VisitInvoice = z.object({
  invoice: z.object({ id: Id, invoiceNumber: z.string().nullable() }).nullable(),
});
export type VisitInvoice = z.infer<typeof VisitInvoice>;

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const billingChannels = {
  'billing.list': channel('billing.list', InvoiceListRequest, InvoiceList, 'billing.read'),
  'billing.get': channel('billing.get', IdRequest, InvoiceDetail, 'billing.read'),
  'billing.conflicts': channel(
    'billing.conflicts',
    Empty,
    z.array(BillingConflict),
    'billing.read',
  ),
  'billing.create': channel('billing.create', NewInvoiceRequest, InvoiceDetail, 'billing.write'),
  'billing.createFromAppointment': channel(
    'billing.createFromAppointment',
    FromAppointmentRequest,
    InvoiceDetail,
    'billing.write',
  ),
  /** The visit's invoice (not void), if any: the completed visit's "Open invoice". */
  'billing.forAppointment': channel(
    'billing.forAppointment',
    FromAppointmentRequest,
    VisitInvoice,
    'billing.read',
  ),
  'billing.updateDraft': channel(
    'billing.updateDraft',
    UpdateDraftRequest,
    InvoiceDetail,
    'billing.write',
  ),
  'billing.deleteDraft': channel('billing.deleteDraft', IdRequest, Ok, 'billing.write'),
  'billing.issue': channel('billing.issue', IdRequest, InvoiceDetail, 'billing.write'),
  'billing.void': channel('billing.void', VoidRequest, InvoiceDetail, 'billing.refund'),
  'billing.pay': channel('billing.pay', PaymentRequest, InvoiceDetail, 'billing.write'),
  'billing.refund': channel('billing.refund', RefundRequest, InvoiceDetail, 'billing.refund'),
  'billing.keepCredit': channel(
    'billing.keepCredit',
    KeepCreditRequest,
    InvoiceDetail,
    'billing.write',
  ),
  'billing.payFromCredit': channel(
    'billing.payFromCredit',
    PayFromCreditRequest,
    InvoiceDetail,
    'billing.write',
  ),
  /** Undo a payment from credit (the credit returns to the patient): a correction, like a refund. */
  'billing.undoCreditPayment': channel(
    'billing.undoCreditPayment',
    IdRequest,
    InvoiceDetail,
    'billing.refund',
  ),
  'billing.priceList': channel('billing.priceList', Empty, z.array(PriceItem), 'billing.read'),
  'billing.savePriceItem': channel(
    'billing.savePriceItem',
    PriceItemRequest,
    PriceItem,
    'settings.manage',
  ),
  'billing.closePreview': channel('billing.closePreview', Empty, ClosePreview, 'billing.write'),
  'billing.closeDay': channel('billing.closeDay', CloseDayRequest, DayClose, 'billing.write'),
  'billing.closes': channel('billing.closes', Empty, z.array(DayClose), 'billing.read'),
  /** A sealed close as a PDF: anyone who may list it (its user, or an admin). */
  'billing.closeDocument': channel(
    'billing.closeDocument',
    z.object({ id: Id }).strict(),
    PdfDocument,
    'billing.read',
  ),
  'billing.patientBalance': channel(
    'billing.patientBalance',
    z.object({ patientId: Id }).strict(),
    PatientBalance,
    'billing.read',
  ),
  'billing.document': channel('billing.document', DocumentRequest, PdfDocument, 'billing.read'),
  'billing.statement': channel(
    'billing.statement',
    z.object({ patientId: Id }).strict(),
    Statement,
    'billing.read',
  ),
  'billing.statementDocument': channel(
    'billing.statementDocument',
    z.object({ patientId: Id }).strict(),
    PdfDocument,
    'billing.read',
  ),
} as const;
