import { z } from 'zod';
import { Id, UtcTimestamp, rowBase } from './primitives';
import { Role } from './enums';

/**
 * A message in a conversation. The body is encrypted per value, like clinical
 * records. Rows are insert-only (never updated): two workstations that send
 * offline into the same conversation each add a row, so both survive a sync.
 * `orderKey` is the sender's HLC at sending, so every workstation shows a
 * conversation in the same order (ties are impossible: an HLC names its device).
 * `receiverId` and `readAt` are from before conversations (migration 4): new
 * messages leave them null, and read state is derived from `message_marks`.
 */
export const Message = z.object({
  ...rowBase,
  senderId: Id,
  receiverId: Id.nullable(),
  encryptedMessage: z.string().min(1),
  /** The per-message data key, wrapped by the clinic key (never usable as is). */
  encryptionKey: z.string().min(1),
  timestamp: UtcTimestamp,
  readAt: UtcTimestamp.nullable(),
  /** Optional patient the message is about (the conversation's patient). */
  patientId: Id.nullable(),
  /** Null only on messages written before conversations existed. */
  conversationId: Id.nullable(),
  urgent: z.boolean(),
  orderKey: z.string().min(1).nullable(),
});
export type Message = z.infer<typeof Message>;

export const ConversationKind = z.enum(['direct', 'group', 'role']);
export type ConversationKind = z.infer<typeof ConversationKind>;

/** Roles with a shared inbox (patients have no desktop access). */
export const InboxRole = Role.exclude(['patient']);
export type InboxRole = z.infer<typeof InboxRole>;

/**
 * A conversation: with one colleague (direct), several (group), or a role's
 * shared inbox (every user of `recipientRole` may read it). Insert-only: who is
 * in it and which patient it is about are fixed when it starts.
 */
export const Conversation = z.object({
  ...rowBase,
  kind: ConversationKind,
  recipientRole: InboxRole.nullable(),
  patientId: Id.nullable(),
  startedBy: Id,
  startedAt: UtcTimestamp,
});
export type Conversation = z.infer<typeof Conversation>;

/** One named participant of a conversation (its starter included). Insert-only. */
export const ConversationMember = z.object({
  ...rowBase,
  conversationId: Id,
  userId: Id,
});
export type ConversationMember = z.infer<typeof ConversationMember>;

/**
 * read / handled: up to a message. archived / unarchived: the user's own
 * inbox view of the conversation (per user, synced): the latest of the two
 * (by HLC) decides, and an archive covers only messages up to `upTo`, so a new
 * message brings the conversation back.
 */
export const MarkKind = z.enum(['read', 'handled', 'archived', 'unarchived']);
export type MarkKind = z.infer<typeof MarkKind>;

/**
 * "User read (or handled) this conversation up to the message with this
 * orderKey, at this time." Insert-only facts: read state and unread counts are
 * derived from the highest mark per user, so concurrent marks on two
 * workstations merge without loss and never move backwards.
 */
export const MessageMark = z.object({
  ...rowBase,
  conversationId: Id,
  userId: Id,
  kind: MarkKind,
  upTo: z.string().min(1),
  at: UtcTimestamp,
});
export type MessageMark = z.infer<typeof MessageMark>;
