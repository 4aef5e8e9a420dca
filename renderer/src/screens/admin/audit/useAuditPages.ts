// The audit log's entries for one filter: the newest page first, then older
// pages appended on request. A new filter starts over; an answer for an older
// filter is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntryView, AuditFilter } from '../../../../../shared/api/audit';
import { api } from '../../../api/client';
import { useRequest, type Request } from '../../../lib/useRequest';

const PAGE = 50;

export interface AuditPages {
  entries: readonly AuditEntryView[] | null;
  /** More (older) entries exist. */
  more: boolean;
  /** The last page stopped looking at this instant (a rare match); older entries were not read yet. */
  searchedBackTo: string | null;
  loadOlder(): void;
  request: Request;
}

export function useAuditPages(filter: AuditFilter): AuditPages {
  const key = JSON.stringify(filter);
  const request = useRequest();
  const { run } = request;
  const [state, setState] = useState<{
    key: string;
    entries: AuditEntryView[];
    next: string | null;
    searchedBackTo: string | null;
  } | null>(null);
  const latestKey = useRef(key);

  const load = useCallback(
    async (before: string | null, append: boolean) => {
      const forKey = key;
      const result = await run(() =>
        api('audit.search', { filter, limit: PAGE, ...(before ? { before } : {}) }),
      );
      if (!result.ok || latestKey.current !== forKey) return;
      setState((s) => ({
        key: forKey,
        entries:
          append && s?.key === forKey ? [...s.entries, ...result.value.items] : result.value.items,
        next: result.value.nextBefore,
        searchedBackTo: result.value.searchedBackTo,
      }));
    },
    // The key stands for the filter's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, run],
  );

  useEffect(() => {
    latestKey.current = key;
    void load(null, false);
  }, [key, load]);

  const current = state?.key === key ? state : null;
  return {
    entries: current?.entries ?? null,
    more: current?.next != null,
    searchedBackTo: current?.searchedBackTo ?? null,
    loadOlder: () => void (current?.next ? load(current.next, true) : undefined),
    request,
  };
}
