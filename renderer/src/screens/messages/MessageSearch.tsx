// Search in my conversations (by text, person or patient). The core decrypts
// and matches; nothing typed here is stored.
import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/api/messages';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

const DEBOUNCE_MS = 200;

interface Props {
  /** The matching conversations, or null while the box holds fewer than 2 characters. */
  onResults(items: ConversationSummary[] | null): void;
}

export function MessageSearch({ onResults }: Props) {
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      onResults(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      api('messages.search', { query: q })
        .then((r) => live && (onResults(r.items.map((i) => i.conversation)), setError(null)))
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, onResults]);

  return (
    <div className="field search-field">
      <label htmlFor="message-search">Search messages</label>
      <input
        id="message-search"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby="message-search-hint"
      />
      <p className="field__hint" id="message-search-hint">
        Words in a message, a colleague or a patient.
      </p>
      <ErrorAlert message={error} />
    </div>
  );
}
