import { z } from 'zod';
import {
  ClinicPhone,
  DEFAULT_DATE_FORMAT,
  DEFAULT_TIME_FORMAT,
  DEFAULT_UNIT_SYSTEM,
  DateFormat,
  TimeFormat,
  UnitSystem,
} from './clinic-locale';
import { CurrencyCode, Email, NonEmptyText, TimeZone, rowBase } from './primitives';

// A stored null (a row from before migration 009 that a workstation received
// without the backfill) reads as the default, so a profile is always complete.
const orDefault = <T extends z.ZodType>(schema: T, fallback: z.infer<T>) =>
  z.preprocess((v) => v ?? fallback, schema);

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
  /** The clinic's phone number, printed on documents (migration 009). */
  phone: ClinicPhone.nullable().default(null),
  /** How dates are written everywhere in the app and on documents (migration 009). */
  dateFormat: orDefault(DateFormat, DEFAULT_DATE_FORMAT),
  /** 24-hour or 12-hour times (migration 009). */
  timeFormat: orDefault(TimeFormat, DEFAULT_TIME_FORMAT),
  /** Metric or imperial units for vitals on screens and documents (migration 014). */
  unitSystem: orDefault(UnitSystem, DEFAULT_UNIT_SYSTEM),
});
export type Tenant = z.infer<typeof Tenant>;
