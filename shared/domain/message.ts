import { z } from 'zod';
import { Id, UtcTimestamp, rowBase } from './primitives';

/** A message between users. The body is encrypted per value, like clinical records. */
export const Message = z.object({
  ...rowBase,
  senderId: Id,
  receiverId: Id,
  encryptedMessage: z.string().min(1),
  /** The per-message data key, wrapped by the clinic key (never usable as is). */
  encryptionKey: z.string().min(1),
  timestamp: UtcTimestamp,
  readAt: UtcTimestamp.nullable(),
  /** Optional patient the message is about. */
  patientId: Id.nullable(),
});
export type Message = z.infer<typeof Message>;
