// The inbox: one link per conversation, urgent unread ones first, each with
// who it is with, the patient, the last message's first line, time and unread count.
import type { ConversationSummary } from '../../../../shared/api/messages';
import { formatInstant } from '../../lib/format';
import { sortInbox } from './messages-model';
import { messagesRoute } from './route';

interface Props {
  items: readonly ConversationSummary[];
  selected: string | null;
  timeZone: string;
  /** What an empty list says. */
  empty?: string;
}

export function InboxList({ items, selected, timeZone, empty = 'No messages yet.' }: Props) {
  if (items.length === 0)
    return (
      <p className="messages__hint" role="status">
        {empty}
      </p>
    );
  return (
    <ul className="inbox" data-testid="inbox">
      {sortInbox(items).map((c) => (
        <li key={c.id}>
          <a
            href={messagesRoute.href({ kind: 'conversation', id: c.id })}
            className={`inbox__item${c.unread > 0 ? ' inbox__item--unread' : ''}${c.urgent ? ' inbox__item--urgent' : ''}`}
            aria-current={c.id === selected ? 'true' : undefined}
          >
            <span className="inbox__top">
              <span className="inbox__title">{c.title}</span>
              <time dateTime={c.lastAt} className="inbox__time">
                {formatInstant(c.lastAt, timeZone)}
              </time>
            </span>
            {c.patient && <span className="inbox__patient">About {c.patient.name}</span>}
            <span className="inbox__line">
              {c.lastSender}: {c.lastLine}
            </span>
            <span className="inbox__flags">
              {c.urgent && <span className="tag tag--urgent">Urgent</span>}
              {c.unread > 0 && <span className="tag tag--unread">{c.unread} unread</span>}
              {c.handled && <span className="tag">Handled by {c.handled.by.displayName}</span>}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
