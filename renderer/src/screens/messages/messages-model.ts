// The pure parts of the Messages screen: inbox order, read-receipt words, the
// reply box's keys, the badge text, the new-conversation request and the
// merge of earlier pages into a conversation.
import type { ConversationSummary, MessageView, Recipients } from '../../../../shared/api/messages';
import type { InboxRole } from '../../../../shared/domain/message';

/** Conversations with an unread urgent message first, then newest activity first. */
export const sortInbox = (items: readonly ConversationSummary[]): ConversationSummary[] =>
  [...items].sort((a, b) =>
    a.urgent !== b.urgent
      ? a.urgent
        ? -1
        : 1
      : a.lastKey < b.lastKey
        ? 1
        : a.lastKey > b.lastKey
          ? -1
          : 0,
  );

/** Enter sends, Shift+Enter starts a new line (and IME composition is left alone). */
export const replyKey = (e: {
  key: string;
  shiftKey: boolean;
  isComposing?: boolean;
}): 'send' | 'newline' | 'other' => {
  if (e.key !== 'Enter' || e.isComposing) return 'other';
  return e.shiftKey ? 'newline' : 'send';
};

/** What the sender sees under their own message. */
export function deliveryText(m: MessageView, formatTime: (iso: string) => string): string {
  if (!m.mine) return '';
  if (m.pending) return 'Waiting to sync';
  if (m.readBy.length === 0) return 'Sent';
  const first = [...m.readBy].sort((a, b) => (a.at < b.at ? -1 : 1))[0];
  const names = m.readBy.map((r) => r.displayName).join(', ');
  return first ? `Read by ${names} (${formatTime(first.at)})` : 'Sent';
}

/** The navigation badge: nothing when all is read. */
export function badgeText(u: {
  unread: number;
  urgent: number;
}): { shown: string; spoken: string } | null {
  if (u.unread === 0) return null;
  const shown = u.unread > 99 ? '99+' : String(u.unread);
  const spoken = `${u.unread} unread${u.urgent > 0 ? `, ${u.urgent} urgent` : ''}`;
  return { shown, spoken };
}

export type RecipientChoice =
  { mode: 'users'; userIds: readonly string[] } | { mode: 'role'; role: InboxRole | '' };

/** The request's recipients, or the sentence to show when none are chosen. */
export function recipientsOf(
  choice: RecipientChoice,
): { ok: true; to: Recipients } | { ok: false; message: string } {
  if (choice.mode === 'users') {
    if (choice.userIds.length === 0)
      return { ok: false, message: 'Choose at least one colleague.' };
    return { ok: true, to: { kind: 'users', userIds: [...choice.userIds] } };
  }
  if (choice.role === '') return { ok: false, message: 'Choose a shared inbox.' };
  return { ok: true, to: { kind: 'role', role: choice.role } };
}

/** Whether the reader is one of the people a shared inbox is for (who may mark it handled). */
export const handlesInbox = (c: ConversationSummary, role: string): boolean =>
  c.kind === 'role' && c.recipientRole === role;

/**
 * The messages shown, oldest first: earlier pages and the latest page merged
 * by id (a later list's copy wins: it has the newer read receipts), so a page
 * that overlaps another after new messages arrived shows no message twice.
 */
export function mergeMessages(...lists: readonly (readonly MessageView[])[]): MessageView[] {
  const byId = new Map<string, MessageView>();
  for (const list of lists) for (const m of list) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) =>
    a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0,
  );
}
