// Staff messaging: conversations with colleagues or a role's shared inbox,
// optionally about a patient. Bodies are encrypted per message; the inbox
// decrypts only the last message of each conversation it shows, opening a
// conversation is an audited read, and only the sender and the recipients (or
// the members of the recipient role) can read it, whatever their role.
// Every row written here is insert-only (see migration 004).
import { randomUUID } from 'node:crypto';
import type { ChannelInput } from '../../../shared/api/channels';
import type {
  ConversationSummary,
  ConversationView,
  Handled,
  MessageView,
  Person,
} from '../../../shared/api/messages';
import type { z } from 'zod';
import type { SendMessageRequest } from '../../../shared/api/messages';
import type { Conversation, Message, MessageMark } from '../../../shared/domain/message';
import { InboxRole } from '../../../shared/domain/message';
import { AppError } from '../../../shared/errors';
import { inboxLabel } from '../../../shared/messaging/labels';
import { encryptField } from '../crypto/field-crypto';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { MessageQueries, type Reader } from './message-queries';
import { decryptMessage, MessageSummaries, readerOf } from './message-summaries';
import { searchConversations } from './message-search';
import { RecordsService } from './records-service';
import { requireOpen } from './sensitive-patients-service';
import { requireCap, type Session } from './session';

const NOT_YOURS = 'You are not part of this conversation.';

export class MessagesService {
  private readonly q: MessageQueries;
  private readonly records: RecordsService;
  private readonly s: MessageSummaries;

  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {
    this.q = new MessageQueries(store);
    this.s = new MessageSummaries(store, repos, this.q);
    this.records = new RecordsService(store, repos);
  }

  private reader(session: Session): Reader {
    return readerOf(session);
  }

  private person(tenantId: string, id: string, cache?: Map<string, Person>): Person {
    return this.s.person(tenantId, id, cache);
  }

  private lastMessage(tenantId: string, conversationId: string): Message | undefined {
    return this.s.lastMessage(tenantId, conversationId);
  }

  private summary(session: Session, id: string, cache: Map<string, Person>, archived?: boolean) {
    return this.s.summary(session, id, cache, archived);
  }

  /** The conversation, if the session may read it; a clear refusal otherwise. */
  private readable(session: Session, conversationId: string): Conversation {
    const c = this.repos.conversations.get(session.actor.tenantId, conversationId);
    if (!this.q.canRead(this.reader(session), c.id)) throw new AppError('FORBIDDEN', NOT_YOURS);
    return c;
  }

  recipients(session: Session, _r: ChannelInput<'messages.recipients'>) {
    requireCap(session, 'messages.use');
    const users = this.repos.users
      .list(session.actor.tenantId, {
        where: "active = 1 AND role != 'patient' AND id != ?",
        params: [session.user.id],
        orderBy: 'displayName',
      })
      .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }));
    return { users, roles: InboxRole.options.map((role) => ({ role, label: inboxLabel(role) })) };
  }

  start(session: Session, r: ChannelInput<'messages.start'>) {
    requireCap(session, 'messages.use');
    const tenantId = session.actor.tenantId;
    const members = new Set([session.user.id]);
    if (r.to.kind === 'users') {
      for (const id of r.to.userIds) {
        if (id === session.user.id) continue;
        const u = this.repos.users.find(tenantId, id);
        if (!u || u.role === 'patient')
          throw new AppError('VALIDATION_FAILED', 'That colleague is not in this clinic.');
        if (!u.active)
          throw new AppError('VALIDATION_FAILED', `${u.displayName}'s account is deactivated.`);
        members.add(id);
      }
      if (members.size < 2)
        throw new AppError('VALIDATION_FAILED', 'Choose a colleague other than yourself.');
    }
    const patientId = r.patientId ?? null;
    if (patientId && !this.repos.patients.find(tenantId, patientId))
      throw new AppError('VALIDATION_FAILED', 'That patient is not in this clinic.');
    return this.store.transaction(() => {
      const conversation = this.repos.conversations.create(session.actor, {
        kind: r.to.kind === 'role' ? 'role' : members.size > 2 ? 'group' : 'direct',
        recipientRole: r.to.kind === 'role' ? r.to.role : null,
        patientId,
        startedBy: session.user.id,
        startedAt: this.store.nowIso(),
      });
      for (const userId of members)
        this.repos.conversationMembers.create(session.actor, {
          conversationId: conversation.id,
          userId,
        });
      const message = this.add(session, conversation, r.body, r.urgent);
      return { conversationId: conversation.id, message };
    });
  }

  /** A message to one colleague (the demo's and older callers' shape): a new conversation. */
  send(session: Session, m: z.input<typeof SendMessageRequest>): Message {
    const { message } = this.start(session, {
      to: { kind: 'users', userIds: [m.receiverId] },
      body: m.body.trim(),
      patientId: m.patientId ?? null,
      urgent: false,
    });
    return this.repos.messages.get(session.actor.tenantId, message.id);
  }

  reply(session: Session, r: ChannelInput<'messages.reply'>): MessageView {
    requireCap(session, 'messages.use');
    const c = this.readable(session, r.conversationId);
    return this.store.transaction(() => {
      const view = this.add(session, c, r.body, r.urgent);
      // In a shared inbox, a reply from someone of that role handles it.
      if (c.kind === 'role' && c.recipientRole === session.user.role)
        this.mark(session, c.id, 'handled', view.orderKey);
      return view;
    });
  }

  private add(session: Session, c: Conversation, body: string, urgent: boolean): MessageView {
    const tenantId = session.actor.tenantId;
    const id = randomUUID();
    const sealed = encryptField(
      this.store.keyring,
      { tenantId, table: 'messages', rowId: id },
      body,
    );
    const m = this.repos.messages.create(
      session.actor,
      {
        senderId: session.user.id,
        receiverId: null,
        encryptedMessage: sealed.ciphertext,
        encryptionKey: sealed.wrappedKey,
        timestamp: this.store.nowIso(),
        readAt: null,
        patientId: c.patientId,
        conversationId: c.id,
        urgent,
        orderKey: this.store.clock.tick(),
      },
      id,
    );
    // The sender has read their own message.
    this.mark(session, c.id, 'read', m.orderKey ?? '');
    return this.view(session, m, body, [], new Set([m.id]), new Map());
  }

  private mark(session: Session, conversationId: string, kind: MessageMark['kind'], upTo: string) {
    return this.repos.messageMarks.create(session.actor, {
      conversationId,
      userId: session.user.id,
      kind,
      upTo,
      at: this.store.nowIso(),
    });
  }

  markRead(session: Session, r: ChannelInput<'messages.markRead'>) {
    requireCap(session, 'messages.use');
    const c = this.readable(session, r.conversationId);
    const reader = this.reader(session);
    const last = this.lastMessage(reader.tenantId, c.id);
    // A mark only when it moves forward: reopening a read conversation writes nothing.
    if (last?.orderKey && last.orderKey > this.q.readUpTo(reader, c.id))
      this.mark(session, c.id, 'read', last.orderKey);
    return { unread: this.q.unreadIn(reader, c.id).unread };
  }

  markHandled(session: Session, r: ChannelInput<'messages.markHandled'>): Handled {
    requireCap(session, 'messages.use');
    const c = this.readable(session, r.conversationId);
    if (c.kind !== 'role')
      throw new AppError('INVALID_TRANSITION', 'Only shared inbox messages are marked handled.');
    const last = this.lastMessage(session.actor.tenantId, c.id);
    const mark = this.mark(session, c.id, 'handled', last?.orderKey ?? '0');
    return { by: this.person(session.actor.tenantId, session.user.id), at: mark.at };
  }

  /**
   * Hides the conversation from this user's inbox until a new message arrives
   * (a mark, synced, per user). It also reads it: nothing unread stays hidden
   * behind the badge.
   */
  archive(session: Session, r: ChannelInput<'messages.archive'>) {
    requireCap(session, 'messages.use');
    const c = this.readable(session, r.conversationId);
    const reader = this.reader(session);
    const last = this.lastMessage(reader.tenantId, c.id);
    if (!last?.orderKey) throw new AppError('NOT_FOUND', 'That conversation has no messages.');
    const lastKey = last.orderKey;
    if (this.q.isArchived(reader, c.id, lastKey)) return { archived: true };
    this.store.transaction(() => {
      if (lastKey > this.q.readUpTo(reader, c.id)) this.mark(session, c.id, 'read', lastKey);
      this.mark(session, c.id, 'archived', lastKey);
    });
    return { archived: true };
  }

  /** Back in the inbox now (an archived conversation also comes back by itself with a new message). */
  unarchive(session: Session, r: ChannelInput<'messages.unarchive'>) {
    requireCap(session, 'messages.use');
    const c = this.readable(session, r.conversationId);
    const reader = this.reader(session);
    const last = this.lastMessage(reader.tenantId, c.id);
    if (last?.orderKey && this.q.isArchived(reader, c.id, last.orderKey))
      this.mark(session, c.id, 'unarchived', last.orderKey);
    return { archived: false };
  }

  unread(session: Session, _r: ChannelInput<'messages.unread'>) {
    requireCap(session, 'messages.use');
    return this.q.unreadTotal(this.reader(session));
  }

  inbox(session: Session, r: ChannelInput<'messages.inbox'>) {
    requireCap(session, 'messages.use');
    const page = this.q.inboxPage(this.reader(session), r.before, r.limit + 1, r.archived);
    const shown = page.slice(0, r.limit);
    // The page was chosen by archive state: no need to ask again per conversation.
    const items = this.summaries(
      session,
      shown.map((a) => a.id),
      r.archived,
    );
    return { items, next: page.length > r.limit ? (shown.at(-1)?.lastKey ?? null) : null };
  }

  aboutPatient(session: Session, r: ChannelInput<'messages.aboutPatient'>) {
    requireCap(session, 'messages.use');
    // A patient of no clinic of this session's (or of another clinic) is not found, not "no messages".
    this.repos.patients.get(session.actor.tenantId, r.patientId);
    requireOpen(this.store, session, r.patientId);
    const activity = this.q.aboutPatient(this.reader(session), r.patientId, 100);
    return {
      items: this.summaries(
        session,
        activity.map((a) => a.id),
      ),
    };
  }

  /** One row per conversation; decrypts each one's last message (one audit entry for the page). */
  private summaries(
    session: Session,
    ids: readonly string[],
    archived?: boolean,
  ): ConversationSummary[] {
    const cache = new Map<string, Person>();
    const out = ids.map((id) => this.summary(session, id, cache, archived));
    if (out.length > 0)
      this.store.audit(session.actor, 'read', 'messages', null, `inbox: ${out.length} previews`);
    return out;
  }

  open(session: Session, r: ChannelInput<'messages.open'>): ConversationView {
    requireCap(session, 'messages.use');
    const tenantId = session.actor.tenantId;
    const c = this.readable(session, r.conversationId);
    const rows = this.repos.messages.list(tenantId, {
      where: r.before ? 'conversationId = ? AND orderKey < ?' : 'conversationId = ?',
      params: r.before ? [c.id, r.before] : [c.id],
      orderBy: 'orderKey DESC',
      limit: r.limit + 1,
    });
    const page = rows.slice(0, r.limit).reverse();
    const cache = new Map<string, Person>();
    const reads = this.q.marks(tenantId, c.id, 'read');
    const pending = this.store.sync.identity()
      ? this.q.pending(page.map((m) => m.id))
      : new Set<string>();
    const messages = page.map((m) =>
      this.view(session, m, decryptMessage(this.store, tenantId, m), reads, pending, cache),
    );
    this.store.audit(session.actor, 'read', 'conversations', c.id, `${messages.length} messages`);
    // One row past the page says whether earlier ones exist without counting them.
    const hasEarlier = rows.length > r.limit;
    return {
      conversation: this.summary(session, c.id, cache),
      messages,
      hasEarlier,
      older: hasEarlier ? (page[0]?.orderKey ?? null) : null,
    };
  }

  private view(
    session: Session,
    m: Message,
    body: string,
    reads: readonly MessageMark[],
    pending: ReadonlySet<string>,
    cache: Map<string, Person>,
  ): MessageView {
    const tenantId = session.actor.tenantId;
    const key = m.orderKey ?? '';
    const firstRead = new Map<string, string>();
    for (const k of reads) {
      if (k.userId === m.senderId || k.upTo < key) continue;
      const seen = firstRead.get(k.userId);
      if (!seen || k.at < seen) firstRead.set(k.userId, k.at);
    }
    return {
      id: m.id,
      conversationId: m.conversationId ?? '',
      sender: this.person(tenantId, m.senderId, cache),
      body,
      sentAt: m.timestamp,
      orderKey: key,
      urgent: m.urgent,
      mine: m.senderId === session.user.id,
      readBy: [...firstRead].map(([userId, at]) => ({
        userId,
        displayName: this.person(tenantId, userId, cache).displayName,
        at,
      })),
      pending: pending.has(m.id) && this.store.sync.identity() !== null,
    };
  }

  search(session: Session, r: ChannelInput<'messages.search'>) {
    return searchConversations(
      { store: this.store, repos: this.repos, q: this.q, summaries: this.s },
      session,
      r,
    );
  }

  /** One message's body, for the people of its conversation only; audited as a read. */
  readBody(session: Session, id: string): string {
    requireCap(session, 'messages.use');
    const tenantId = session.actor.tenantId;
    const m = this.repos.messages.get(tenantId, id);
    if (!m.conversationId) throw new AppError('FORBIDDEN', NOT_YOURS);
    this.readable(session, m.conversationId);
    const body = decryptMessage(this.store, tenantId, m);
    this.store.audit(session.actor, 'read', 'messages', m.id);
    return body;
  }

  /** Doctors only: the message becomes a note in the patient's chart (a new record, audited). */
  fileToChart(session: Session, r: ChannelInput<'messages.fileToChart'>) {
    requireCap(session, 'records.write');
    const tenantId = session.actor.tenantId;
    const m = this.repos.messages.get(tenantId, r.messageId);
    if (!m.conversationId) throw new AppError('FORBIDDEN', NOT_YOURS);
    const c = this.readable(session, m.conversationId);
    if (!c.patientId)
      throw new AppError('VALIDATION_FAILED', 'This conversation is not about a patient.');
    const body = decryptMessage(this.store, tenantId, m);
    this.store.audit(session.actor, 'read', 'messages', m.id, 'filed into the chart');
    const sender = this.person(tenantId, m.senderId);
    const record = this.records.create(session, {
      patientId: c.patientId,
      recordType: 'note',
      content: {
        text: body,
        source: 'message',
        messageId: m.id,
        from: sender.displayName,
        sentAt: m.timestamp,
      },
    });
    return { recordId: record.id, patientId: c.patientId };
  }
}

export { decryptMessage };
