import { z } from 'zod';
import { CurrencyCode, Id, MinorUnits, NonEmptyText, UtcTimestamp, rowBase } from './primitives';
import { PaymentMethod } from './enums';

// Merge decisions (sync), recorded once here and in migration 5:
// - billing: per-column last-writer-wins, but its lifecycle is two columns
//   that are each set once (issuedAt, voidedAt), so a void on one workstation
//   and a payment on another are both kept. Status, paid amount and balance
//   are derived (shared/billing/status.ts), never stored.
// - invoice_line_items: LWW, written only while the invoice is a draft.
// - payments, refunds, day_closes: insert-only immutable rows (the core has no
//   channel that changes them), so concurrent ones all survive.
// - price_items: LWW per column; invoices copy prices into their lines.

/** Basis points (1 % = 100): tax rates and percentage discounts, 0..10 000. */
export const BasisPoints = z.number().int().min(0).max(10_000);

/** An invoice (the seed's Billing). Amounts are integer minor units of `currency`. */
export const Billing = z.object({
  ...rowBase,
  patientId: Id,
  appointmentId: Id.nullable(),
  /** The doctor the invoice is for (the seed's Billing.DoctorId). */
  doctorId: Id.nullable().default(null),
  /** Total of the line items (tax included); frozen once issued. */
  amount: MinorUnits.nonnegative(),
  currency: CurrencyCode,
  /** The intended method (a hint for the payment form). */
  paymentMethod: PaymentMethod,
  /** Human-facing, unique per clinic: `INV-<device series>-<number>`, given at issue. */
  invoiceNumber: NonEmptyText(40).nullable(),
  issuedAt: UtcTimestamp.nullable(),
  voidedAt: UtcTimestamp.nullable().default(null),
  voidReason: z.string().max(500).nullable().default(null),
});
export type Billing = z.infer<typeof Billing>;

export const DiscountKind = z.enum(['amount', 'percent']);
export type DiscountKind = z.infer<typeof DiscountKind>;

export const InvoiceLineItem = z.object({
  ...rowBase,
  billingId: Id,
  /** Order on the invoice (0 first). */
  position: z.number().int().min(0).max(1000).default(0),
  /** The price-list code it was copied from, or null for a free-text line. */
  serviceCode: z.string().max(20).nullable().default(null),
  description: NonEmptyText(300),
  quantity: z.number().int().min(1).max(10_000),
  unitPrice: MinorUnits,
  discountKind: DiscountKind.nullable().default(null),
  /** Minor units for 'amount', basis points for 'percent'. */
  discountValue: MinorUnits.nonnegative().nullable().default(null),
  discountReason: z.string().max(200).nullable().default(null),
  discountAmount: MinorUnits.nonnegative().default(0),
  taxRateBp: BasisPoints.default(0),
  taxAmount: MinorUnits.nonnegative().default(0),
  /** The line's total: quantity × unit price − discount + tax. */
  amount: MinorUnits,
});
export type InvoiceLineItem = z.infer<typeof InvoiceLineItem>;

export const Payment = z.object({
  ...rowBase,
  billingId: Id,
  amount: MinorUnits.positive(),
  method: PaymentMethod,
  receivedAt: UtcTimestamp,
  reference: z.string().max(100),
  /** Cash only: what the patient handed over, and the change given back. */
  tenderedAmount: MinorUnits.positive().nullable().default(null),
  changeGiven: MinorUnits.nonnegative().nullable().default(null),
  receivedBy: Id.nullable().default(null),
  /** The workstation that took it (its daily close counts it). */
  deviceId: Id.nullable().default(null),
  /**
   * The part of `amount` taken beyond the balance due, kept on purpose as the
   * patient's credit (so that excess is not an overpayment conflict).
   */
  creditAmount: MinorUnits.nonnegative().nullable().default(null),
});
export type Payment = z.infer<typeof Payment>;

export const Refund = z.object({
  ...rowBase,
  billingId: Id,
  amount: MinorUnits.positive(),
  method: PaymentMethod,
  reason: NonEmptyText(500),
  refundedAt: UtcTimestamp,
  refundedBy: Id,
  deviceId: Id,
});
export type Refund = z.infer<typeof Refund>;

/** A service on the clinic's price list. */
export const PriceItem = z.object({
  ...rowBase,
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{1,20}$/, 'Use 1 to 20 capital letters, digits or dashes.'),
  description: NonEmptyText(300),
  price: MinorUnits.nonnegative(),
  taxRateBp: BasisPoints.nullable(),
  active: z.boolean(),
});
export type PriceItem = z.infer<typeof PriceItem>;

/** A sealed daily close of one workstation and user (insert-only). */
export const DayClose = z.object({
  ...rowBase,
  /** `CLOSE-<device series>-<number>`. */
  closeNumber: NonEmptyText(40),
  deviceId: Id,
  userId: Id,
  /** The previous close's end (exclusive start), or null for the first close. */
  periodStart: UtcTimestamp.nullable(),
  periodEnd: UtcTimestamp,
  expectedCash: MinorUnits,
  expectedCard: MinorUnits,
  expectedInsurance: MinorUnits,
  expectedBankTransfer: MinorUnits,
  countedCash: MinorUnits.nonnegative(),
  difference: MinorUnits,
  paymentCount: z.number().int().nonnegative(),
  refundCount: z.number().int().nonnegative(),
  note: z.string().max(500),
});
export type DayClose = z.infer<typeof DayClose>;

export const creditKinds = ['kept', 'applied'] as const;
export type CreditKind = (typeof creditKinds)[number];

/**
 * One movement of a patient's credit (migration 15). `kept`: money an invoice
 * holds beyond its total, kept on purpose as the patient's credit after the
 * fact (the Conflicts view's "Keep as credit"). `applied`: part of an invoice
 * paid from that credit. Rows are created with their own ids and never
 * edited, so two workstations' offline movements are a union; an applied
 * credit is undone by tombstoning it (deletedAt). The patient's available
 * credit is derived (kept credit, capped per invoice at what it holds, minus
 * credit applied), never stored. Applying credit is not a payment: no money
 * changes hands, so the day close and revenue never count it.
 */
export const PatientCredit = z.object({
  ...rowBase,
  patientId: Id,
  billingId: Id,
  kind: z.enum(creditKinds),
  amount: MinorUnits.positive(),
  recordedAt: UtcTimestamp,
  recordedBy: Id,
  deviceId: Id,
});
export type PatientCredit = z.infer<typeof PatientCredit>;
