// The contract of staff messaging. Bodies are encrypted per message in the
// core; the inbox carries metadata and the first line of the last message
// only, and opening a conversation is an audited read.
import { z } from 'zod';
import { channel } from './contract';
import { Id, UtcTimestamp } from '../domain/primitives';
import { Role } from '../domain/enums';
import { ConversationKind, InboxRole } from '../domain/message';
import { MAX_BODY } from '../messaging/labels';
import { isHlcText } from '../sync/hlc';

/**
 * A message's order key (the sender's HLC at sending) used as a paging cursor:
 * anything else is refused before the core reads, so a made-up cursor cannot
 * probe the conversation's keys.
 */
const OrderKeyCursor = z
  .string()
  .max(100)
  .refine(isHlcText, 'that is not the position of a message');

const Body = z
  .string()
  .trim()
  .min(1, 'write a message')
  .max(MAX_BODY, `a message is at most ${MAX_BODY.toLocaleString('en')} characters`);

/** Kept for the demo and older callers: a message to one colleague starts a conversation. */
export const SendMessageRequest = z
  .object({
    receiverId: Id,
    body: Body,
    patientId: Id.nullable().optional(),
  })
  .strict();

export const Recipients = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('users'),
      userIds: z.array(Id).min(1, 'choose at least one colleague').max(20),
    })
    .strict(),
  z.object({ kind: z.literal('role'), role: InboxRole }).strict(),
]);
export type Recipients = z.infer<typeof Recipients>;

export const StartConversationRequest = z
  .object({
    to: Recipients,
    body: Body,
    patientId: Id.nullable().optional(),
    urgent: z.boolean().default(false),
  })
  .strict();

export const ReplyRequest = z
  .object({ conversationId: Id, body: Body, urgent: z.boolean().default(false) })
  .strict();

export const Person = z.object({ id: Id, displayName: z.string(), role: Role });
export type Person = z.infer<typeof Person>;

export const PatientRef = z.object({ id: Id, name: z.string() });

export const Handled = z.object({ by: Person, at: UtcTimestamp });
export type Handled = z.infer<typeof Handled>;

export const ConversationSummary = z.object({
  id: Id,
  kind: ConversationKind,
  /** Who it is with, from the reader's point of view (names, or the shared inbox's name). */
  title: z.string(),
  participants: z.array(Person),
  recipientRole: InboxRole.nullable(),
  patient: PatientRef.nullable(),
  lastLine: z.string(),
  lastSender: z.string(),
  lastAt: UtcTimestamp,
  /** The last message's order key: the inbox's paging cursor. */
  lastKey: z.string(),
  unread: z.number().int().min(0),
  /** An unread urgent message is in it. */
  urgent: z.boolean(),
  /** Shared inboxes: who handled it (null when not, or when a message came after). */
  handled: Handled.nullable(),
  /** Archived by this reader, with no message since (hidden from their inbox). */
  archived: z.boolean(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ReadReceipt = z.object({ userId: Id, displayName: z.string(), at: UtcTimestamp });

export const MessageView = z.object({
  id: Id,
  conversationId: Id,
  sender: Person,
  body: z.string(),
  sentAt: UtcTimestamp,
  orderKey: z.string(),
  urgent: z.boolean(),
  mine: z.boolean(),
  /** Everyone else who has read it, with when they first did. */
  readBy: z.array(ReadReceipt),
  /** Still in this workstation's outbox ("waiting to sync"). */
  pending: z.boolean(),
});
export type MessageView = z.infer<typeof MessageView>;

export const ConversationView = z.object({
  conversation: ConversationSummary,
  messages: z.array(MessageView),
  /** Whether messages earlier than the first of `messages` exist ("Show earlier messages"). */
  hasEarlier: z.boolean(),
  /** Cursor for older messages (null when these are the first): the first message's order key. */
  older: z.string().nullable(),
});
export type ConversationView = z.infer<typeof ConversationView>;

const Page = z.object({ items: z.array(ConversationSummary), next: z.string().nullable() });

export const messageChannels = {
  'messages.recipients': channel(
    'messages.recipients',
    z.object({}).strict(),
    z.object({
      users: z.array(Person),
      roles: z.array(z.object({ role: InboxRole, label: z.string() })),
    }),
    'messages.use',
  ),
  'messages.inbox': channel(
    'messages.inbox',
    z
      .object({
        /** The `lastKey` of the last conversation already shown (keyset paging). */
        before: z.string().max(100).nullable().default(null),
        limit: z.number().int().min(1).max(100).default(30),
        /** The reader's archived conversations instead of the inbox. */
        archived: z.boolean().default(false),
      })
      .strict(),
    Page,
    'messages.use',
  ),
  'messages.archive': channel(
    'messages.archive',
    z.object({ conversationId: Id }).strict(),
    z.object({ archived: z.boolean() }),
    'messages.use',
  ),
  'messages.unarchive': channel(
    'messages.unarchive',
    z.object({ conversationId: Id }).strict(),
    z.object({ archived: z.boolean() }),
    'messages.use',
  ),
  'messages.open': channel(
    'messages.open',
    z
      .object({
        conversationId: Id,
        /** The order key of the oldest message shown: the page before it (newest last). */
        before: OrderKeyCursor.nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    ConversationView,
    'messages.use',
  ),
  'messages.start': channel(
    'messages.start',
    StartConversationRequest,
    z.object({ conversationId: Id, message: MessageView }),
    'messages.use',
  ),
  'messages.reply': channel('messages.reply', ReplyRequest, MessageView, 'messages.use'),
  'messages.markRead': channel(
    'messages.markRead',
    z.object({ conversationId: Id }).strict(),
    z.object({ unread: z.number().int() }),
    'messages.use',
  ),
  'messages.markHandled': channel(
    'messages.markHandled',
    z.object({ conversationId: Id }).strict(),
    Handled,
    'messages.use',
  ),
  'messages.unread': channel(
    'messages.unread',
    z.object({}).strict(),
    z.object({ unread: z.number().int(), urgent: z.number().int() }),
    'messages.use',
  ),
  'messages.aboutPatient': channel(
    'messages.aboutPatient',
    z.object({ patientId: Id }).strict(),
    z.object({ items: z.array(ConversationSummary) }),
    'messages.use',
  ),
  'messages.search': channel(
    'messages.search',
    z.object({ query: z.string().trim().min(2, 'type at least 2 characters').max(100) }).strict(),
    z.object({
      items: z.array(
        z.object({
          conversation: ConversationSummary,
          /** The first message line that matched, when the match was in the text. */
          match: z.string().nullable(),
        }),
      ),
    }),
    'messages.use',
  ),
  'messages.fileToChart': channel(
    'messages.fileToChart',
    z.object({ messageId: Id }).strict(),
    z.object({ recordId: Id, patientId: Id }),
    'records.write',
  ),
} as const;
