// Searching the reader's conversations by who is in them, the patient, or
// the words of a message (messages.search), without any index on disk: bodies
// are decrypted in the core and kept lower-cased only in this session's
// bounded in-memory cache (message-search-cache.ts).
import type { ChannelInput } from '../../../shared/api/channels';
import type { Person } from '../../../shared/api/messages';
import { firstLine, inboxLabel } from '../../../shared/messaging/labels';
import type { ClinicStore } from '../clinic/clinic-store';
import { decryptField } from '../crypto/field-crypto';
import type { Repositories } from '../repos/repositories';
import type { MessageQueries } from './message-queries';
import { searchCacheOf } from './message-search-cache';
import { readerOf, type MessageSummaries } from './message-summaries';
import { requireCap, type Session } from './session';

/** A search walks the reader's conversations and their messages in keyset pages of these sizes. */
const SEARCH_CONVERSATIONS_PAGE = 500;
const SEARCH_MESSAGES_PAGE = 500;
const SEARCH_RESULTS = 30;

export interface SearchContext {
  store: ClinicStore;
  repos: Repositories;
  q: MessageQueries;
  summaries: MessageSummaries;
}

/**
 * Conversations matching the text by who is in them, the patient, or the
 * words of a message, newest activity first, at most SEARCH_RESULTS. It walks
 * all of the reader's inbox conversations and their messages in keyset pages
 * (so old messages are found too) and stops at SEARCH_RESULTS matches.
 * Message text is decrypted here, in the core, and kept only in this
 * session's bounded in-memory cache (message-search-cache.ts): there is no
 * index on disk. The query is neither stored nor logged (the audit entry says
 * how many messages were read).
 */
export function searchConversations(
  { store, repos, q, summaries }: SearchContext,
  session: Session,
  r: ChannelInput<'messages.search'>,
) {
  requireCap(session, 'messages.use');
  const reader = readerOf(session);
  const needle = r.query.trim().toLocaleLowerCase();
  const hits = new Map<string, string | null>();
  const order: string[] = [];
  const cache = new Map<string, Person>();
  const bodies = searchCacheOf(session);
  let scanned = 0;
  const decrypt = (id: string): string | null => {
    const m = q.sealed(reader.tenantId, id);
    if (!m) return null;
    return decryptField(
      store.keyring,
      { tenantId: reader.tenantId, table: 'messages', rowId: m.id },
      { ciphertext: m.encryptedMessage, wrappedKey: m.encryptionKey },
    );
  };
  // The cache holds each body lower-cased (what matching needs); the one matching
  // message of a conversation is decrypted again for its line as written.
  const matchingLine = (conversationId: string): string | null => {
    for (let before: string | null = null; ;) {
      const page = q.messageKeys(reader.tenantId, conversationId, before, SEARCH_MESSAGES_PAGE);
      for (const { id } of page) {
        scanned++;
        let lower = bodies.get(id);
        let body: string | null = null;
        if (lower === undefined) {
          body = decrypt(id);
          if (body === null) continue;
          lower = body.toLocaleLowerCase();
          bodies.put(id, lower);
        }
        if (!lower.includes(needle)) continue;
        body ??= decrypt(id);
        const line = body?.split('\n').find((l) => l.toLocaleLowerCase().includes(needle));
        if (line !== undefined) return firstLine(line);
      }
      const last = page[page.length - 1];
      if (!last || page.length < SEARCH_MESSAGES_PAGE) return null;
      before = last.orderKey;
    }
  };
  for (let before: string | null = null; hits.size < SEARCH_RESULTS;) {
    const conversations = q.inboxPage(reader, before, SEARCH_CONVERSATIONS_PAGE);
    for (const { id } of conversations) {
      order.push(id);
      const c = repos.conversations.get(reader.tenantId, id);
      const names = repos.conversationMembers
        .list(reader.tenantId, { where: 'conversationId = ?', params: [id], limit: 50 })
        .map((m) => summaries.person(reader.tenantId, m.userId, cache).displayName);
      if (c.recipientRole) names.push(inboxLabel(c.recipientRole));
      const p = c.patientId ? repos.patients.find(reader.tenantId, c.patientId) : null;
      if (p) names.push(`${p.givenName} ${p.familyName}`, p.medicalRecordNumber);
      const byName = names.some((n) => n.toLocaleLowerCase().includes(needle));
      // A match by name needs no decryption; otherwise the first matching line is shown.
      const line = byName ? null : matchingLine(id);
      if (byName || line !== null) hits.set(id, line);
      if (hits.size >= SEARCH_RESULTS) break;
    }
    const last = conversations[conversations.length - 1];
    if (!last || conversations.length < SEARCH_CONVERSATIONS_PAGE) break;
    before = last.lastKey;
  }
  // In inbox order (newest activity first), at most SEARCH_RESULTS.
  const shown = order.filter((id) => hits.has(id)).slice(0, SEARCH_RESULTS);
  store.transaction(() => {
    store.audit(
      session.actor,
      'read',
      'messages',
      null,
      `search: ${scanned} messages read, ${shown.length} conversations found`,
    );
    // Each conversation whose matching line is shown: which records were read, not only how many.
    for (const id of shown) store.audit(session.actor, 'read', 'conversations', id, 'search match');
  });
  return {
    items: shown.map((id) => ({
      conversation: summaries.summary(session, id, cache),
      match: hits.get(id) ?? null,
    })),
  };
}
