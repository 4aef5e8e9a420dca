// The SQL reads of messaging: which conversations a user may read, their last
// activity (keyset-paged), unread counts and marks. Metadata only: bodies are
// decrypted by the service, and only for what a screen shows.
import type { Role } from '../../../shared/domain/enums';
import type { MessageMark } from '../../../shared/domain/message';
import type { ClinicStore } from '../clinic/clinic-store';

/**
 * Conversations `userId` (of `role`) may read: a named member, or the role's
 * shared inbox. Driven by the indexes on members and on recipientRole, so the
 * cost follows the reader's conversations, not the clinic's.
 */
const MINE = `SELECT cm.conversationId AS id FROM conversation_members cm
    JOIN conversations c ON c.id = cm.conversationId AND c.deletedAt IS NULL
    WHERE cm.tenantId = @tenantId AND cm.userId = @userId AND cm.deletedAt IS NULL
  UNION
  SELECT c.id AS id FROM conversations c
    WHERE c.tenantId = @tenantId AND c.recipientRole = @role AND c.deletedAt IS NULL`;

/** The last live message's key: a backwards walk of messages_conversation that stops at the first. */
const lastKeyOf = (conversation: string) => `(SELECT m.orderKey FROM messages m
  WHERE m.tenantId = @tenantId AND m.conversationId = ${conversation} AND m.deletedAt IS NULL
  ORDER BY m.orderKey DESC LIMIT 1)`;

/**
 * How far the reader has read. Marks are insert-only and never deleted, so
 * the highest one is read from the covering index alone.
 */
const readUpToOf = (conversation: string) => `coalesce((SELECT max(k.upTo) FROM message_marks k
  WHERE k.tenantId = @tenantId AND k.conversationId = ${conversation} AND k.kind = 'read'
    AND k.userId = @userId), '')`;

/**
 * Whether the reader archived the conversation after its last message: their
 * latest archived/unarchived mark is an archive covering `lastKey`. "Latest"
 * is by the HLC the mark was written with, so concurrent marks on two
 * workstations resolve the same everywhere: a local insert keeps it in
 * `_hlc`; a replicated one has `_hlc = '0'` and its columns' HLC in `_clocks`
 * (sync/apply-remote.ts), the same for every column of an insert.
 */
const archivedOf = (conversation: string, lastKey: string) => `coalesce((SELECT k.kind = 'archived'
  AND k.upTo >= ${lastKey} FROM message_marks k
  WHERE k.tenantId = @tenantId AND k.conversationId = ${conversation}
    AND k.kind IN ('archived', 'unarchived') AND k.userId = @userId AND k.deletedAt IS NULL
  ORDER BY max(k._hlc, coalesce(json_extract(k._clocks, '$.kind'), '')) DESC LIMIT 1), 0)`;

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

export interface SealedMessage {
  id: string;
  conversationId: string;
  encryptedMessage: string;
  encryptionKey: string;
}

export class MessageQueries {
  constructor(private readonly store: ClinicStore) {}

  canRead(r: Reader, conversationId: string): boolean {
    return (
      this.store.read
        .prepare(
          `SELECT 1 FROM conversations c
           WHERE c.tenantId = @tenantId AND c.id = @conversationId AND c.deletedAt IS NULL
             AND (c.recipientRole = @role OR EXISTS (SELECT 1 FROM conversation_members cm
               WHERE cm.tenantId = @tenantId AND cm.userId = @userId AND cm.conversationId = c.id
                 AND cm.deletedAt IS NULL))`,
        )
        .get({ ...r, conversationId }) !== undefined
    );
  }

  /**
   * The reader's conversations (inbox, or archived) by newest activity, after
   * the cursor (exclusive). Sorted first, then filtered by archive state while
   * scanning the sorted list, so the archive check runs for about one page of
   * conversations instead of every one the reader is in.
   */
  inboxPage(r: Reader, before: string | null, limit: number, archived = false): Activity[] {
    return this.store.read
      .prepare(
        `WITH mine AS MATERIALIZED (${MINE}),
         activity AS MATERIALIZED (SELECT mine.id AS id, ${lastKeyOf('mine.id')} AS lastKey FROM mine),
         newest AS MATERIALIZED (SELECT id, lastKey FROM activity
           WHERE lastKey IS NOT NULL AND (@before IS NULL OR lastKey < @before)
           ORDER BY lastKey DESC)
         SELECT id, lastKey FROM newest
         WHERE ${archivedOf('newest.id', 'newest.lastKey')} = @archived LIMIT @limit`,
      )
      .all({ ...r, before, limit, archived: archived ? 1 : 0 }) as Activity[];
  }

  isArchived(r: Reader, conversationId: string, lastKey: string): boolean {
    const row = this.store.read
      .prepare(`SELECT ${archivedOf('@conversationId', '@lastKey')} AS archived`)
      .get({ ...r, conversationId, lastKey }) as { archived: number } | undefined;
    return row?.archived === 1;
  }

  /** The reader's conversations about one patient, newest activity first (bounded). */
  aboutPatient(r: Reader, patientId: string, limit: number): Activity[] {
    return this.store.read
      .prepare(
        `WITH mine AS MATERIALIZED (${MINE}),
         activity AS MATERIALIZED (SELECT mine.id AS id, ${lastKeyOf('mine.id')} AS lastKey
           FROM mine JOIN conversations c ON c.id = mine.id WHERE c.patientId = @patientId)
         SELECT id, lastKey FROM activity WHERE lastKey IS NOT NULL ORDER BY lastKey DESC LIMIT @limit`,
      )
      .all({ ...r, patientId, limit }) as Activity[];
  }

  /** Unread (and unread urgent) messages of others in one conversation. */
  unreadIn(r: Reader, conversationId: string): { unread: number; urgent: number } {
    return this.store.read
      .prepare(
        `SELECT count(*) AS unread, coalesce(sum(m.urgent), 0) AS urgent FROM messages m
         WHERE m.tenantId = @tenantId AND m.conversationId = @conversationId
           AND m.orderKey > ${readUpToOf('@conversationId')}
           AND m.deletedAt IS NULL AND m.senderId != @userId`,
      )
      .get({ ...r, conversationId }) as { unread: number; urgent: number };
  }

  /**
   * Totals over every conversation the reader may read (the navigation badge).
   * CROSS JOIN keeps the reader's conversations as the outer loop (SQLite does
   * not reorder it), so each is one range seek past its read mark; the planner
   * otherwise scanned every message (2.8 s at 100,000 messages).
   */
  unreadTotal(r: Reader): { unread: number; urgent: number } {
    return this.store.read
      .prepare(
        `WITH mine AS MATERIALIZED (${MINE}),
         reads AS MATERIALIZED (SELECT mine.id AS id, ${readUpToOf('mine.id')} AS upTo FROM mine)
         SELECT count(*) AS unread, coalesce(sum(m.urgent), 0) AS urgent
         FROM reads CROSS JOIN messages m
         WHERE m.tenantId = @tenantId AND m.conversationId = reads.id AND m.orderKey > reads.upTo
           AND m.deletedAt IS NULL AND m.senderId != @userId`,
      )
      .get(r) as { unread: number; urgent: number };
  }

  readUpTo(r: Reader, conversationId: string): string {
    const row = this.store.read
      .prepare(`SELECT ${readUpToOf('@conversationId')} AS upTo`)
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

  /** One conversation's message ids, newest first, in keyset pages (`before` an orderKey). */
  messageKeys(
    tenantId: string,
    conversationId: string,
    before: string | null,
    limit: number,
  ): { id: string; orderKey: string }[] {
    return this.store.read
      .prepare(
        `SELECT id, orderKey FROM messages
         WHERE tenantId = @tenantId AND conversationId = @conversationId AND deletedAt IS NULL
           AND (@before IS NULL OR orderKey < @before)
         ORDER BY orderKey DESC LIMIT @limit`,
      )
      .all({ tenantId, conversationId, before, limit }) as { id: string; orderKey: string }[];
  }

  /** One message's sealed body (what a search decrypts when its cache does not hold it). */
  sealed(tenantId: string, id: string): SealedMessage | undefined {
    return this.store.read
      .prepare(
        'SELECT id, conversationId, encryptedMessage, encryptionKey FROM messages WHERE id = ? AND tenantId = ?',
      )
      .get(id, tenantId) as SealedMessage | undefined;
  }

  /** Who is named in a conversation (ids only: no row parsing on the inbox's path). */
  memberIds(tenantId: string, conversationId: string): string[] {
    return (
      this.store.read
        .prepare(
          `SELECT userId FROM conversation_members
           WHERE tenantId = ? AND conversationId = ? AND deletedAt IS NULL LIMIT 50`,
        )
        .all(tenantId, conversationId) as { userId: string }[]
    ).map((r) => r.userId);
  }

  /** A patient's name as a list shows it, or null (not in this clinic, or deleted). */
  patientName(tenantId: string, patientId: string): string | null {
    const row = this.store.read
      .prepare(
        'SELECT givenName, familyName FROM patients WHERE id = ? AND tenantId = ? AND deletedAt IS NULL',
      )
      .get(patientId, tenantId) as { givenName: string; familyName: string } | undefined;
    return row ? `${row.givenName} ${row.familyName}` : null;
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
