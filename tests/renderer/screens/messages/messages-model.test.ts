// The Messages screen's pure rules: inbox order, the reply box's keys, what the
// sender sees under a message, the navigation badge, the recipients of a
// new conversation, and earlier pages merged into a conversation.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary, MessageView } from '../../../../shared/api/messages';
import {
  badgeText,
  deliveryText,
  handlesInbox,
  mergeMessages,
  recipientsOf,
  replyKey,
  sortInbox,
} from '../../../../renderer/src/screens/messages/messages-model';
import { firstLine, inboxLabel } from '../../../../shared/messaging/labels';

const ID = '0f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b';
const conv = (over: Partial<ConversationSummary>): ConversationSummary => ({
  id: ID,
  kind: 'direct',
  title: 'Dr Ada Lovelace',
  participants: [],
  recipientRole: null,
  patient: null,
  lastLine: 'Hello',
  lastSender: 'Fran Desk',
  lastAt: '2026-12-02T09:00:00.000Z',
  lastKey: '000001800000000-0000-a',
  unread: 0,
  urgent: false,
  handled: null,
  archived: false,
  ...over,
});
const msg = (over: Partial<MessageView>): MessageView => ({
  id: ID,
  conversationId: ID,
  sender: { id: ID, displayName: 'Fran Desk', role: 'front_desk' },
  body: 'Hello',
  sentAt: '2026-12-02T09:00:00.000Z',
  orderKey: 'k',
  urgent: false,
  mine: true,
  readBy: [],
  pending: false,
  ...over,
});

describe('inbox order', () => {
  it('puts conversations with an unread urgent message first, then the newest activity', () => {
    const items = [
      conv({ title: 'old', lastKey: '1' }),
      conv({ title: 'new', lastKey: '3' }),
      conv({ title: 'urgent but older', lastKey: '2', urgent: true }),
    ];
    expect(sortInbox(items).map((c) => c.title)).toEqual(['urgent but older', 'new', 'old']);
    expect(items[0]?.title).toBe('old');
  });
});

describe('reply box keys', () => {
  it('Enter sends, Shift+Enter is a new line, composing text is left alone', () => {
    expect(replyKey({ key: 'Enter', shiftKey: false })).toBe('send');
    expect(replyKey({ key: 'Enter', shiftKey: true })).toBe('newline');
    expect(replyKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe('other');
    expect(replyKey({ key: 'a', shiftKey: false })).toBe('other');
  });
});

describe('delivery state under my own messages', () => {
  const time = (iso: string) => iso.slice(11, 16);
  it('says waiting to sync, sent, or read by whom and when', () => {
    expect(deliveryText(msg({ pending: true }), time)).toBe('Waiting to sync');
    expect(deliveryText(msg({}), time)).toBe('Sent');
    expect(
      deliveryText(
        msg({
          readBy: [
            { userId: ID, displayName: 'Dr Ada Lovelace', at: '2026-12-02T09:05:00.000Z' },
            { userId: ID, displayName: 'Dr Alan Turing', at: '2026-12-02T09:02:00.000Z' },
          ],
        }),
        time,
      ),
    ).toBe('Read by Dr Ada Lovelace, Dr Alan Turing (09:02)');
    expect(deliveryText(msg({ mine: false }), time)).toBe('');
  });
});

describe('navigation badge', () => {
  it('is hidden at zero, caps what it shows, and says the urgent count in words', () => {
    expect(badgeText({ unread: 0, urgent: 0 })).toBeNull();
    expect(badgeText({ unread: 3, urgent: 1 })).toEqual({
      shown: '3',
      spoken: '3 unread, 1 urgent',
    });
    expect(badgeText({ unread: 120, urgent: 0 })).toEqual({ shown: '99+', spoken: '120 unread' });
  });
});

describe('recipients of a new conversation', () => {
  it('needs a colleague or a shared inbox', () => {
    expect(recipientsOf({ mode: 'users', userIds: [] })).toEqual({
      ok: false,
      message: 'Choose at least one colleague.',
    });
    expect(recipientsOf({ mode: 'role', role: '' })).toEqual({
      ok: false,
      message: 'Choose a shared inbox.',
    });
    expect(recipientsOf({ mode: 'users', userIds: [ID] })).toEqual({
      ok: true,
      to: { kind: 'users', userIds: [ID] },
    });
    expect(recipientsOf({ mode: 'role', role: 'front_desk' })).toEqual({
      ok: true,
      to: { kind: 'role', role: 'front_desk' },
    });
  });

  it('lets only the inbox role mark a shared message handled', () => {
    const c = conv({ kind: 'role', recipientRole: 'front_desk' });
    expect(handlesInbox(c, 'front_desk')).toBe(true);
    expect(handlesInbox(c, 'doctor')).toBe(false);
    expect(handlesInbox(conv({}), 'front_desk')).toBe(false);
  });
});

describe('labels', () => {
  it('names shared inboxes and shortens a message to its first non-empty line', () => {
    expect(inboxLabel('front_desk')).toBe('Front desk');
    expect(firstLine('\n  Room 2 is ready  \nsecond line')).toBe('Room 2 is ready');
    expect(firstLine('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('earlier pages merged into a conversation', () => {
  const m = (id: string, orderKey: string, readBy: MessageView['readBy'] = []) =>
    msg({ id, orderKey, body: id, readBy });

  it('shows each message once, oldest first, the later copy winning', () => {
    const earlier = [m('a', '1'), m('b', '2'), m('c', '3')];
    const read = [{ userId: ID, displayName: 'Dr Ada Lovelace', at: '2026-12-02T09:05:00.000Z' }];
    // The latest page overlaps the earlier one (new messages pushed it back).
    const latest = [m('c', '3', read), m('d', '4'), m('e', '5')];
    const merged = mergeMessages(earlier, latest);
    expect(merged.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(merged[2]?.readBy).toEqual(read);
    expect(mergeMessages(latest, [m('z', '0')]).map((x) => x.id)).toEqual(['z', 'c', 'd', 'e']);
    expect(mergeMessages()).toEqual([]);
  });
});
