// One conversation as the inbox lists it (who it is with, the patient, the
// last message's first line and sender, unread and urgent counts, who handled
// a shared-inbox message, archive state), and the lookups the messaging
// service shares with it: a person's name and role, the last message. Only
// the last message is decrypted.
import type { ConversationSummary, Handled, Person } from '../../../shared/api/messages';
import type { Conversation, Message } from '../../../shared/domain/message';
import { AppError } from '../../../shared/errors';
import { firstLine, inboxLabel } from '../../../shared/messaging/labels';
import type { ClinicStore } from '../clinic/clinic-store';
import { decryptField } from '../crypto/field-crypto';
import type { Repositories } from '../repos/repositories';
import type { MessageQueries, Reader } from './message-queries';
import type { Session } from './session';

export const readerOf = (session: Session): Reader => ({
  tenantId: session.actor.tenantId,
  userId: session.user.id,
  role: session.user.role,
});

export class MessageSummaries {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
    private readonly q: MessageQueries,
  ) {}

  person(tenantId: string, id: string, cache = new Map<string, Person>()): Person {
    let p = cache.get(id);
    if (!p) {
      const u = this.repos.users.find(tenantId, id);
      p = { id, displayName: u?.displayName ?? 'Former colleague', role: u?.role ?? 'front_desk' };
      cache.set(id, p);
    }
    return p;
  }

  lastMessage(tenantId: string, conversationId: string): Message | undefined {
    return this.repos.messages.list(tenantId, {
      where: 'conversationId = ?',
      params: [conversationId],
      orderBy: 'orderKey DESC',
      limit: 1,
    })[0];
  }

  summary(
    session: Session,
    id: string,
    cache: Map<string, Person>,
    archived?: boolean,
  ): ConversationSummary {
    const reader = readerOf(session);
    const { tenantId } = reader;
    const c = this.repos.conversations.get(tenantId, id);
    const last = this.lastMessage(tenantId, id);
    if (!last?.orderKey) throw new AppError('NOT_FOUND', 'That conversation has no messages.');
    const participants = this.q
      .memberIds(tenantId, id)
      .map((userId) => this.person(tenantId, userId, cache));
    const others = participants.filter((p) => p.id !== session.user.id);
    const inbox = c.recipientRole ? inboxLabel(c.recipientRole) : null;
    const title =
      inbox && c.recipientRole === session.user.role
        ? `${others.map((p) => p.displayName).join(', ') || 'Colleague'} → ${inbox}`
        : [inbox, ...others.map((p) => p.displayName)].filter(Boolean).join(', ');
    const patientName = c.patientId ? this.q.patientName(tenantId, c.patientId) : null;
    const counts = this.q.unreadIn(reader, id);
    return {
      id,
      kind: c.kind,
      title: title || 'Note to self',
      participants,
      recipientRole: c.recipientRole,
      patient: c.patientId && patientName ? { id: c.patientId, name: patientName } : null,
      lastLine: firstLine(decryptMessage(this.store, tenantId, last)),
      lastSender: this.person(tenantId, last.senderId, cache).displayName,
      lastAt: last.timestamp,
      lastKey: last.orderKey,
      unread: counts.unread,
      urgent: counts.urgent > 0,
      handled: this.handled(tenantId, c, last.orderKey, cache),
      archived: archived ?? this.q.isArchived(reader, id, last.orderKey),
    };
  }

  /** The latest handled mark covering the last message (a newer message re-opens it). */
  private handled(
    tenantId: string,
    c: Conversation,
    lastKey: string,
    cache: Map<string, Person>,
  ): Handled | null {
    if (c.kind !== 'role') return null;
    const marks = this.q.marks(tenantId, c.id, 'handled').filter((m) => m.upTo >= lastKey);
    const latest = marks.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))[0];
    return latest ? { by: this.person(tenantId, latest.userId, cache), at: latest.at } : null;
  }
}

export const decryptMessage = (store: ClinicStore, tenantId: string, m: Message): string =>
  decryptField(
    store.keyring,
    { tenantId, table: 'messages', rowId: m.id },
    {
      ciphertext: m.encryptedMessage,
      wrappedKey: m.encryptionKey,
    },
  );
