// One conversation: its messages in order (sender, time, read state), the
// patient it is about (its chart for doctors, details otherwise), "mark handled" for a shared
// inbox, "file into chart" for doctors, and the reply box. Opening it marks it
// read for this user. It opens on the latest page; "Show earlier messages"
// prepends the page before it (useEarlierMessages).
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatInstant } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { useSync } from '../../stores/sync-store';
import { chartHref } from '../chart/route';
import { patientsRoute } from '../patients/route';
import { deliveryText, handlesInbox } from './messages-model';
import { ReplyBox } from './ReplyBox';
import { useUnread } from './unread-store';
import { useEarlierMessages } from './useEarlierMessages';

interface Props {
  conversationId: string;
  session: SessionInfo;
  onChanged(): void;
}

export function ConversationPane({ conversationId, session, onChanged }: Props) {
  const version = useUnread((s) => s.version);
  // A sync round may bring replies or read receipts: reload after each one.
  const lastSyncAt = useSync((s) => s.status?.lastSyncAt ?? '');
  const [round, setRound] = useState(0);
  const loaded = useLoaded(`${conversationId}:${version}:${round}:${lastSyncAt}`, () =>
    api('messages.open', { conversationId }),
  );
  const {
    messages,
    hasEarlier,
    added,
    request: earlierRequest,
    showEarlier,
    listRef,
  } = useEarlierMessages(conversationId, loaded.value);
  const action = useRequest();
  const [notice, setNotice] = useState<string | null>(null);
  const time = (iso: string) => formatInstant(iso, session.tenant.timeZone);

  const unread = loaded.value?.conversation.unread ?? 0;
  useEffect(() => {
    if (unread === 0) return;
    void api('messages.markRead', { conversationId }).then(onChanged, () => undefined);
  }, [unread, conversationId, onChanged]);

  if (loaded.failure && !loaded.value) return <ErrorAlert message={loaded.failure.message} />;
  if (!loaded.value) return <p role="status">Opening…</p>;
  const { conversation: c } = loaded.value;
  const canFile = holds(session.capabilities, 'records.write') && c.patient !== null;

  const markHandled = async () => {
    const r = await action.run(() => api('messages.markHandled', { conversationId }));
    if (r.ok) {
      setNotice(`Marked handled by ${r.value.by.displayName}.`);
      setRound((n) => n + 1);
      onChanged();
    }
  };
  // Per user: hidden from my inbox until a new message arrives.
  const toggleArchive = async () => {
    const r = await action.run(() =>
      c.archived
        ? api('messages.unarchive', { conversationId })
        : api('messages.archive', { conversationId }),
    );
    if (r.ok) {
      setNotice(
        r.value.archived
          ? 'Archived: it comes back to your inbox when a new message arrives.'
          : 'Moved back to your inbox.',
      );
      setRound((n) => n + 1);
      onChanged();
    }
  };
  const file = async (messageId: string) => {
    const r = await action.run(() => api('messages.fileToChart', { messageId }));
    if (r.ok) setNotice('Filed into the chart as a note.');
  };

  return (
    <article className="conversation" aria-labelledby="conversation-title">
      <ScreenHeading level={2} id="conversation-title" autoFocus={false}>
        {c.title}
      </ScreenHeading>
      <p className="conversation__archive">
        <button
          type="button"
          className="button button--small"
          disabled={action.busy}
          onClick={() => void toggleArchive()}
        >
          {c.archived ? 'Move to inbox' : 'Archive'}
        </button>
      </p>
      {c.patient && (
        <p className="conversation__patient">
          About{' '}
          <a
            href={
              // A doctor goes to the chart, everyone else to the patient's details (as in Patients).
              holds(session.capabilities, 'records.write')
                ? chartHref(c.patient.id)
                : patientsRoute.href({ kind: 'view', id: c.patient.id })
            }
          >
            {c.patient.name}
          </a>
        </p>
      )}
      {c.kind === 'role' && (
        <p className="conversation__handled" role="status">
          {c.handled
            ? `Handled by ${c.handled.by.displayName} (${time(c.handled.at)})`
            : 'Not handled yet'}
          {handlesInbox(c, session.user.role) && !c.handled && (
            <>
              {' '}
              <button
                type="button"
                className="button"
                disabled={action.busy}
                onClick={() => void markHandled()}
              >
                Mark handled
              </button>
            </>
          )}
        </p>
      )}
      {notice && (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <ErrorAlert
        message={
          action.failure?.message ??
          earlierRequest.failure?.message ??
          loaded.failure?.message ??
          null
        }
      />
      {hasEarlier && (
        <p className="conversation__earlier">
          <button
            type="button"
            className="button button--small"
            disabled={earlierRequest.busy}
            onClick={() => void showEarlier()}
          >
            {earlierRequest.busy ? 'Loading earlier messages…' : 'Show earlier messages'}
          </button>
        </p>
      )}
      <p className="visually-hidden" role="status">
        {added === null
          ? ''
          : `${added} earlier messages shown.${hasEarlier ? '' : ' This is the start of the conversation.'}`}
      </p>
      <ol className="conversation__messages" aria-label="Messages" ref={listRef}>
        {messages.map((m) => (
          <li
            key={m.id}
            data-message-id={m.id}
            // Focus lands here when the first page is shown (the button is gone).
            tabIndex={-1}
            className={`message${m.mine ? ' message--mine' : ''}${m.urgent ? ' message--urgent' : ''}`}
          >
            <p className="message__meta">
              <span className="message__sender">{m.sender.displayName}</span>{' '}
              <time dateTime={m.sentAt}>{time(m.sentAt)}</time>
              {m.urgent && <span className="tag tag--urgent">Urgent</span>}
            </p>
            <p className="message__body">{m.body}</p>
            <p className="message__state">
              {deliveryText(m, time)}
              {canFile && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={action.busy}
                  onClick={() => void file(m.id)}
                >
                  File into chart
                </button>
              )}
            </p>
          </li>
        ))}
      </ol>
      <ReplyBox
        conversationId={conversationId}
        onSent={() => {
          setRound((n) => n + 1);
          onChanged();
        }}
      />
    </article>
  );
}
