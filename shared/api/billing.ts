// The contract of billing: invoices with line items, and payments. Money is
// integer minor units of the clinic's currency.
import { z } from 'zod';
import { PaymentMethod } from '../domain/enums';
import { Id, MinorUnits, NonEmptyText } from '../domain/primitives';

export const InvoiceLineInput = z
  .object({
    description: NonEmptyText(300),
    quantity: z.number().int().min(1).max(10_000),
    unitPrice: MinorUnits.nonnegative(),
  })
  .strict();

export const NewInvoiceRequest = z
  .object({
    patientId: Id,
    appointmentId: Id.nullable().optional(),
    paymentMethod: PaymentMethod,
    lines: z.array(InvoiceLineInput).min(1).max(200),
    issue: z.boolean().optional(),
  })
  .strict();

export const PaymentRequest = z
  .object({
    billingId: Id,
    amount: MinorUnits.positive(),
    method: PaymentMethod,
    reference: z.string().max(100).optional(),
  })
  .strict();
