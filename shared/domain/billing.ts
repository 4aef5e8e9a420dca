import { z } from 'zod';
import { CurrencyCode, Id, MinorUnits, NonEmptyText, UtcTimestamp, rowBase } from './primitives';
import { BillingStatus, PaymentMethod } from './enums';

/** An invoice (the seed's Billing). Amounts are integer minor units of `currency`. */
export const Billing = z.object({
  ...rowBase,
  patientId: Id,
  appointmentId: Id.nullable(),
  /** Total of the line items. */
  amount: MinorUnits.nonnegative(),
  currency: CurrencyCode,
  /** The method of the (last) payment, or the intended one for a draft. */
  paymentMethod: PaymentMethod,
  status: BillingStatus,
  /** Human-facing, unique per clinic: `INV-<device series>-<number>`. */
  invoiceNumber: NonEmptyText(40),
  issuedAt: UtcTimestamp.nullable(),
  paidAmount: MinorUnits.nonnegative(),
});
export type Billing = z.infer<typeof Billing>;

export const InvoiceLineItem = z.object({
  ...rowBase,
  billingId: Id,
  description: NonEmptyText(300),
  quantity: z.number().int().min(1).max(10_000),
  unitPrice: MinorUnits,
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
});
export type Payment = z.infer<typeof Payment>;
