// Migration 4: conversations. Messages join a conversation (one colleague,
// several, or a role's shared inbox); read and "handled" state are marks.
//
// Merge decisions (sync):
// - conversations, conversation_members, message_marks and messages are
//   insert-only: nothing ever updates them, so per-column LWW never has two
//   writers and concurrent offline sends or reads simply add rows.
// - Message order is `messages.orderKey`, the sender's HLC at sending: the same
//   total order on every workstation.
// - Unread counts and "handled by" are derived from the highest mark per user
//   (or the latest handled mark), never stored as counters.
// Messages written before this migration have no conversation; they stay in
// the store and the export but are not in the inbox (urgent = 0 for them).
import type { Migration } from './migration';

const entity = (name: string, columns: string) => `
CREATE TABLE ${name} (
  id TEXT PRIMARY KEY NOT NULL,
  tenantId TEXT NOT NULL REFERENCES tenants(id),
  createdAt TEXT,
  updatedAt TEXT,
  deletedAt TEXT,
  ${columns},
  _hlc TEXT NOT NULL,
  _clocks TEXT NOT NULL DEFAULT '{}'
) STRICT;`;

export const migration004: Migration = {
  version: 4,
  name: 'messaging conversations',
  sql: `
${entity(
  'conversations',
  'kind TEXT, recipientRole TEXT, patientId TEXT REFERENCES patients(id), startedBy TEXT REFERENCES users(id), startedAt TEXT',
)}
CREATE INDEX conversations_role ON conversations(tenantId, recipientRole);
CREATE INDEX conversations_patient ON conversations(tenantId, patientId);
${entity(
  'conversation_members',
  'conversationId TEXT REFERENCES conversations(id), userId TEXT REFERENCES users(id)',
)}
CREATE INDEX conversation_members_user ON conversation_members(tenantId, userId, conversationId);
CREATE INDEX conversation_members_conversation ON conversation_members(tenantId, conversationId);
${entity(
  'message_marks',
  'conversationId TEXT REFERENCES conversations(id), userId TEXT REFERENCES users(id), kind TEXT, upTo TEXT, at TEXT',
)}
CREATE INDEX message_marks_conversation ON message_marks(tenantId, conversationId, kind, userId, upTo);
ALTER TABLE messages ADD COLUMN conversationId TEXT REFERENCES conversations(id);
ALTER TABLE messages ADD COLUMN urgent INTEGER;
ALTER TABLE messages ADD COLUMN orderKey TEXT;
UPDATE messages SET urgent = 0;
CREATE INDEX messages_conversation ON messages(tenantId, conversationId, orderKey);
`,
  backfills: [{ table: 'messages', columns: ['urgent'] }],
};
