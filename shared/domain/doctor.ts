import { z } from 'zod';
import { Id, MinorUnits, NonEmptyText, rowBase } from './primitives';
import { Availability } from './availability';

export const Doctor = z.object({
  ...rowBase,
  /** The doctor's login (a user with role `doctor`). */
  userId: Id,
  specialty: NonEmptyText(100),
  licenseNumber: NonEmptyText(50),
  /** In minor units of the clinic's currency. */
  consultationFee: MinorUnits.nonnegative(),
  availability: Availability,
  experienceYears: z.number().int().min(0).max(80),
});
export type Doctor = z.infer<typeof Doctor>;
