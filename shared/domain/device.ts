import { z } from 'zod';
import { NonEmptyText, UtcTimestamp, rowBase } from './primitives';

/** A workstation. Its series code prefixes the numbers it issues (MRNs, invoices). */
export const Device = z.object({
  ...rowBase,
  name: NonEmptyText(100),
  /** Unique per clinic; makes offline-issued numbers collision-free. */
  seriesCode: z.string().regex(/^[A-Z0-9]{2,8}$/),
  revokedAt: UtcTimestamp.nullable(),
});
export type Device = z.infer<typeof Device>;
