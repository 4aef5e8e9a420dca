// The contract of staff messaging. Bodies are encrypted per message in the
// core; lists carry metadata only.
import { z } from 'zod';
import { Id } from '../domain/primitives';

export const SendMessageRequest = z
  .object({
    receiverId: Id,
    body: z.string().trim().min(1, 'write a message').max(10_000),
    patientId: Id.nullable().optional(),
  })
  .strict();
