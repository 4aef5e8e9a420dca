// The inbox (or the archived list) as pages: the first page loads with the
// screen and again whenever the unread totals change (a message arrived, one
// was read); "Show older conversations" appends the next page by keyset
// (`before`: the last conversation's activity key). The first page is small
// (what a screen shows, and the inbox's first paint pays for every row it
// asks for); older pages are fetched only when asked for. A reload starts
// again from the newest, so nothing is listed twice.
import { useState } from 'react';
import type { ConversationSummary } from '../../../../shared/api/messages';
import { api } from '../../api/client';
import { useLoaded } from '../../lib/useLoaded';
import type { RequestFailure } from '../../lib/request-failure';
import { useRequest } from '../../lib/useRequest';

/** Conversations per page: about two screens of the inbox column. */
export const INBOX_PAGE = 30;

interface Older {
  key: string;
  items: ConversationSummary[];
  next: string | null;
}

export interface InboxPages {
  items: ConversationSummary[] | null;
  /** True while older conversations exist that are not listed yet. */
  hasOlder: boolean;
  showOlder(): void;
  loadingOlder: boolean;
  failure: RequestFailure | null;
  reload(): void;
}

export function useInbox(version: number, archived: boolean): InboxPages {
  const key = `inbox:${version}:${archived ? 'archived' : 'inbox'}`;
  const first = useLoaded(key, () => api('messages.inbox', { limit: INBOX_PAGE, archived }));
  const [older, setOlder] = useState<Older | null>(null);
  const more = useRequest();
  // Older pages belong to the first page they followed; a reload drops them.
  const mine = older?.key === key ? older : null;
  const next = mine ? mine.next : (first.value?.next ?? null);
  const items = first.value ? [...first.value.items, ...(mine?.items ?? [])] : null;
  const showOlder = () => {
    if (next === null) return;
    void more
      .run(() => api('messages.inbox', { limit: INBOX_PAGE, archived, before: next }))
      .then((r) => {
        if (r.ok)
          setOlder({ key, items: [...(mine?.items ?? []), ...r.value.items], next: r.value.next });
      });
  };
  return {
    items,
    hasOlder: next !== null,
    showOlder,
    loadingOlder: more.busy,
    failure: first.failure ?? more.failure,
    reload: first.reload,
  };
}
