// Messages: the inbox on the left (newest first, "Show older conversations"
// below it), and on the right the open conversation or the form for a new
// one. The inbox reloads when the unread totals change (polled by the
// navigation badge, and after every sync round).
import '../../styles/messages.css';
import { useCallback, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/api/messages';
import type { ScreenProps } from '../../app/screen-definition';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Segmented } from '../../components/Segmented';
import { useNav } from '../../stores/nav-store';
import { ConversationPane } from './ConversationPane';
import { InboxList } from './InboxList';
import { MessageSearch } from './MessageSearch';
import { NewConversationForm } from './NewConversationForm';
import { messagesRoute, type MessagesView } from './route';
import { useInbox } from './useInbox';
import { useUnread } from './unread-store';

export function MessagesScreen({ view, session }: ScreenProps<MessagesView>) {
  const go = useNav((s) => s.go);
  const version = useUnread((s) => s.version);
  const refreshUnread = useUnread((s) => s.refresh);
  // Archived conversations (mine only) are listed on their own, not in the inbox.
  const [archived, setArchived] = useState(false);
  const inbox = useInbox(version, archived);
  const reloadInbox = inbox.reload;
  const changed = useCallback(() => {
    reloadInbox();
    void refreshUnread();
  }, [reloadInbox, refreshUnread]);
  const [found, setFound] = useState<ConversationSummary[] | null>(null);
  const selected = view.kind === 'conversation' ? view.id : null;

  return (
    <div className="messages">
      <div className="messages__head">
        <ScreenHeading autoFocus={view.kind === 'inbox'}>Messages</ScreenHeading>
        <button
          type="button"
          className="button button--primary"
          onClick={() => go(messagesRoute.href({ kind: 'new' }))}
        >
          New message
        </button>
      </div>
      <div className="messages__body">
        <section className="messages__inbox" aria-label="Inbox">
          <MessageSearch onResults={setFound} />
          <Segmented<'inbox' | 'archived'>
            label="Show"
            segments={[
              { value: 'inbox', label: 'Inbox' },
              { value: 'archived', label: 'Archived' },
            ]}
            value={archived ? 'archived' : 'inbox'}
            onChange={(v) => setArchived(v === 'archived')}
          />
          <ErrorAlert message={inbox.failure?.message ?? null} />
          {found ? (
            <InboxList
              items={found}
              selected={selected}
              timeZone={session.tenant.timeZone}
              empty="No conversations match."
            />
          ) : inbox.items ? (
            <>
              <InboxList
                items={inbox.items}
                selected={selected}
                timeZone={session.tenant.timeZone}
                {...(archived ? { empty: 'No archived conversations.' } : {})}
              />
              {inbox.hasOlder && (
                <button
                  type="button"
                  className="inbox__older"
                  disabled={inbox.loadingOlder}
                  onClick={inbox.showOlder}
                >
                  {inbox.loadingOlder ? 'Loading older conversations…' : 'Show older conversations'}
                </button>
              )}
            </>
          ) : (
            !inbox.failure && <p role="status">Loading messages…</p>
          )}
        </section>
        <section className="messages__pane" aria-label="Conversation">
          {view.kind === 'conversation' && (
            <ConversationPane
              key={view.id}
              conversationId={view.id}
              session={session}
              onChanged={changed}
            />
          )}
          {view.kind === 'new' && (
            <NewConversationForm
              onSent={(id) => {
                changed();
                go(messagesRoute.href({ kind: 'conversation', id }));
              }}
            />
          )}
          {view.kind === 'inbox' && (
            <p className="messages__hint">Choose a conversation, or start a new message.</p>
          )}
        </section>
      </div>
    </div>
  );
}
