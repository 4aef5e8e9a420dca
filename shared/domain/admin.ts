import { z } from 'zod';
import { Id, rowBase } from './primitives';
import { Permission } from './enums';

export const Admin = z.object({
  ...rowBase,
  userId: Id,
  permissions: z.array(Permission).max(Permission.options.length),
});
export type Admin = z.infer<typeof Admin>;
