// Primitive value schemas used by every entity. Timestamps are UTC ISO-8601
// strings ending in Z; calendar dates are plain YYYY-MM-DD; money is integer
// minor units (cents), never a float.
import { z } from 'zod';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** An instant in UTC, e.g. 2026-11-27T09:30:00.000Z. Offsets other than Z are refused. */
export const UtcTimestamp = z.iso.datetime({ offset: false });
export type UtcTimestamp = z.infer<typeof UtcTimestamp>;

/** A calendar date with no time zone, e.g. a date of birth. */
export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** Wall-clock time of day in the clinic's time zone, HH:MM (24 h). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/** Amount of money in integer minor units (e.g. cents) of the clinic's currency. */
export const MinorUnits = z.number().int().safe();
export type MinorUnits = z.infer<typeof MinorUnits>;

/** ISO 4217 currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

// Names this runtime accepted. Building a DateTimeFormat to test a name costs
// more than the rest of a tenant's validation (profiled: ~10% of a patient
// create, which reads its tenant's zone); the runtime's zone database cannot
// change under a running process, so an accepted name stays accepted. Bounded
// by the IANA list (a few hundred names); rejected names are never cached.
const knownZones = new Set<string>();

/** An IANA time zone name, checked against the runtime's time-zone database. */
export const TimeZone = z.string().refine((tz) => {
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return false;
  }
  knownZones.add(tz);
  return true;
}, 'Unknown time zone: enter an IANA name such as Europe/London.');

export const Email = z.email().max(254);
export const NonEmptyText = (max: number) => z.string().trim().min(1).max(max);

/** Columns every entity row carries. `deletedAt` non-null marks a tombstone (sync never forgets a delete). */
export const rowBase = {
  id: Id,
  tenantId: Id,
  createdAt: UtcTimestamp,
  updatedAt: UtcTimestamp,
  deletedAt: UtcTimestamp.nullable(),
};
