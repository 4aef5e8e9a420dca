// The SQL reads of messaging: which conversations a user may read, their last
// activity (keyset-paged), unread counts and marks. Metadata only: bodies are
// decrypted by the service, and only for what a screen shows.
import type { Role } from '../../../shared/domain/enums';
import type { MessageMark } from '../../../shared/domain/message';
import type { ClinicStore } from '../clinic/clinic-store';

/** Conversations `userId` (of `role`) may read: a named member, or the role's shared inbox. */
const MINE = `SELECT c.id FROM conversations c
  WHERE c.tenantId = @tenantId AND c.deletedAt IS NULL
    AND (c.recipientRole = @role OR EXISTS (
      SELECT 1 FROM conversation_members cm
      WHERE cm.tenantId = @tenantId AND cm.conversationId = c.id AND cm.userId = @userId AND cm.deletedAt IS NULL))`;

const LAST_KEY = `(SELECT max(m.orderKey) FROM messages m
  WHERE m.tenantId = @tenantId AND m.conversationId = c.id AND m.deletedAt IS NULL)`;

const READ_UP_TO = `coalesce((SELECT max(k.upTo) FROM message_marks k
  WHERE k.tenantId = @tenantId AND k.conversationId = c.id AND k.userId = @userId
    AND k.kind = 'read' AND k.deletedAt IS NULL), '')`;

// A type alias (not an interface) so it passes as named SQL parameters.
export type Reader = {
  tenantId: string;
  userId: string;
  role: Role;
};

export interface Activity {
  id: string;
  lastKey: string;
}

export class MessageQueries {
  constructor(private readonly store: ClinicStore) {}

  canRead(r: Reader, conversationId: string): boolean {
    return (
      this.store.read
        .prepare(`${MINE} AND c.id = @conversationId`)
        .get({ ...r, conversationId }) !== undefined
    );
  }

  /** The reader's conversations by newest activity, after the cursor (exclusive). */
  inboxPage(r: Reader, before: string | null, limit: number): Activity[] {
    return this.store.read
      .prepare(
        `SELECT id, lastKey FROM (SELECT c.id AS id, ${LAST_KEY} AS lastKey FROM conversations c WHERE c.id IN (${MINE}))
         WHERE lastKey IS NOT NULL AND (@before IS NULL OR lastKey < @before)
         ORDER BY lastKey DESC LIMIT @limit`,
      )
      .all({ ...r, before, limit }) as Activity[];
  }

  /** The reader's conversations about one patient, newest activity first (bounded). */
  aboutPatient(r: Reader, patientId: string, limit: number): Activity[] {
    return this.store.read
      .prepare(
        `SELECT id, lastKey FROM (SELECT c.id AS id, ${LAST_KEY} AS lastKey FROM conversations c
           WHERE c.id IN (${MINE}) AND c.patientId = @patientId)
         WHERE lastKey IS NOT NULL ORDER BY lastKey DESC LIMIT @limit`,
      )
      .all({ ...r, patientId, limit }) as Activity[];
  }

  /** Unread (and unread urgent) messages of others in one conversation. */
  unreadIn(r: Reader, conversationId: string): { unread: number; urgent: number } {
    const row = this.store.read
      .prepare(
        `SELECT count(*) AS unread, coalesce(sum(m.urgent), 0) AS urgent
         FROM conversations c JOIN messages m
           ON m.tenantId = @tenantId AND m.conversationId = c.id AND m.deletedAt IS NULL
         WHERE c.tenantId = @tenantId AND c.id = @conversationId
           AND m.senderId != @userId AND m.orderKey > ${READ_UP_TO}`,
      )
      .get({ ...r, conversationId }) as { unread: number; urgent: number };
    return row;
  }

  /** Totals over every conversation the reader may read (the navigation badge). */
  unreadTotal(r: Reader): { unread: number; urgent: number } {
    return this.store.read
      .prepare(
        `SELECT coalesce(sum(n), 0) AS unread, coalesce(sum(u), 0) AS urgent FROM (
           SELECT (SELECT count(*) FROM messages m WHERE m.tenantId = @tenantId AND m.conversationId = c.id
                     AND m.deletedAt IS NULL AND m.senderId != @userId AND m.orderKey > r.upTo) AS n,
                  (SELECT count(*) FROM messages m WHERE m.tenantId = @tenantId AND m.conversationId = c.id
                     AND m.deletedAt IS NULL AND m.senderId != @userId AND m.orderKey > r.upTo AND m.urgent = 1) AS u
           FROM conversations c
           JOIN (SELECT c.id AS cid, ${READ_UP_TO} AS upTo FROM conversations c WHERE c.id IN (${MINE})) r
             ON r.cid = c.id)`,
      )
      .get(r) as { unread: number; urgent: number };
  }

  readUpTo(r: Reader, conversationId: string): string {
    const row = this.store.read
      .prepare(
        `SELECT ${READ_UP_TO} AS upTo FROM conversations c WHERE c.tenantId = @tenantId AND c.id = @conversationId`,
      )
      .get({ ...r, conversationId }) as { upTo: string } | undefined;
    return row?.upTo ?? '';
  }

  marks(tenantId: string, conversationId: string, kind: MessageMark['kind']): MessageMark[] {
    return this.store.read
      .prepare(
        `SELECT conversationId, userId, upTo, at FROM message_marks
         WHERE tenantId = ? AND conversationId = ? AND kind = ? AND deletedAt IS NULL ORDER BY upTo, at`,
      )
      .all(tenantId, conversationId, kind) as MessageMark[];
  }

  /** Which of these message ids are still waiting in this workstation's outbox. */
  pending(ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    const rows = this.store.read
      .prepare(
        `SELECT DISTINCT rowId FROM sync_outbox WHERE tbl = 'messages' AND rowId IN (${ids.map(() => '?').join(', ')})`,
      )
      .all(...ids) as { rowId: string }[];
    return new Set(rows.map((r) => r.rowId));
  }
}
