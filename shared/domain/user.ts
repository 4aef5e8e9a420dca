import { z } from 'zod';
import { Email, NonEmptyText, rowBase } from './primitives';
import { Role } from './enums';

export const User = z.object({
  ...rowBase,
  email: Email,
  displayName: NonEmptyText(200),
  role: Role,
  /** scrypt hash in PHC-like form; null for users who never log in to the desktop (patients). */
  passwordHash: z.string().nullable(),
  active: z.boolean(),
  /** Set when an admin gives a temporary password: the user must choose a new one at next login. */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof User>;

/** What leaves the core about a user: never the password hash. */
export const PublicUser = User.omit({ passwordHash: true });
export type PublicUser = z.infer<typeof PublicUser>;
