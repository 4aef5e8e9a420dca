import { z } from 'zod';
import { CurrencyCode, Email, NonEmptyText, TimeZone, rowBase } from './primitives';

/** A clinic. Its `tenantId` equals its `id`, so every entity, this one included, carries a tenant. */
export const Tenant = z.object({
  ...rowBase,
  name: NonEmptyText(200),
  /** IANA zone used for display and availability rules; instants are stored in UTC. */
  timeZone: TimeZone,
  currency: CurrencyCode,
  /** Minutes of inactivity before the app locks itself (set by admins). */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Whether iCalendar exports may include patient names. Off by default. */
  icalIncludePatientNames: z.boolean(),
  /** Printed on receipts and invoices (the seed's Tenants.Address). */
  address: z.string().trim().max(500).nullable().default(null),
  /** Printed on receipts and invoices (the seed's Tenants.ContactEmail). */
  contactEmail: Email.nullable().default(null),
});
export type Tenant = z.infer<typeof Tenant>;
