// The reply box: Enter sends, Shift+Enter makes a new line.
import { useState, type KeyboardEvent } from 'react';
import { MAX_BODY } from '../../../../shared/messaging/labels';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequest } from '../../lib/useRequest';
import { replyKey } from './messages-model';

interface Props {
  conversationId: string;
  onSent(): void;
}

export function ReplyBox({ conversationId, onSent }: Props) {
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const { busy, failure, run } = useRequest();

  const send = async () => {
    if (busy || body.trim() === '') return;
    const r = await run(() => api('messages.reply', { conversationId, body, urgent }));
    if (r.ok) {
      setBody('');
      setUrgent(false);
      onSent();
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (
      replyKey({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing }) ===
      'send'
    ) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <form
      className="reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <ErrorAlert message={failure?.message ?? null} />
      <label htmlFor="reply-body">Reply</label>
      <p className="field__hint" id="reply-hint">
        Enter sends; Shift+Enter starts a new line.
      </p>
      <textarea
        id="reply-body"
        rows={3}
        maxLength={MAX_BODY}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="reply-hint"
      />
      <div className="button-row">
        <label className="reply__urgent">
          <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />{' '}
          Urgent
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || body.trim() === ''}
        >
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
