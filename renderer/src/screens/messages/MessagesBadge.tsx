// The unread count beside "Messages" in the navigation. Refreshed every 2
// seconds and when a sync round lands, so a message that arrives by sync shows
// without a reload.
import '../../styles/messages.css';
import { useEffect } from 'react';
import { useSync } from '../../stores/sync-store';
import { badgeText } from './messages-model';
import { useUnread } from './unread-store';

// Short: a message pulled by the idle head probe shows here within a couple of seconds (a cheap local count).
export const UNREAD_POLL_MS = 2_000;

export function MessagesBadge() {
  const { unread, urgent, refresh } = useUnread();
  const lastSyncAt = useSync((s) => s.status?.lastSyncAt ?? null);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), UNREAD_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  useEffect(() => void refresh(), [lastSyncAt, refresh]);

  const text = badgeText({ unread, urgent });
  if (!text) return null;
  return (
    <span
      className={`nav-badge${urgent > 0 ? ' nav-badge--urgent' : ''}`}
      data-testid="messages-badge"
    >
      <span aria-hidden="true">{text.shown}</span>
      <span className="visually-hidden"> ({text.spoken})</span>
    </span>
  );
}
