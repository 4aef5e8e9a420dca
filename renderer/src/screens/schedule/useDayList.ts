// Today's appointments for the front desk's list and the doctors' queues,
// fetched from the core and again after each change made here. Polled every
// 30 seconds so arrivals checked in at another desk appear without a click.
import { useCallback, useEffect, useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { api, errorMessage } from '../../api/client';

const POLL_MS = 30_000;

export function useDayList(date: string) {
  const [items, setItems] = useState<AppointmentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped after each change made here, to fetch again. */
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const fetchDay = () => {
      api('schedule.range', { fromDate: date, toDate: date })
        .then((r) => {
          if (!live) return;
          setItems([...r.appointments].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt)));
          setError(null);
        })
        .catch((e: unknown) => live && setError(errorMessage(e)));
    };
    fetchDay();
    const timer = window.setInterval(fetchDay, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [date, tick]);

  /** Runs a change; on refusal keeps the core's message. */
  const act = useCallback(async (call: () => Promise<unknown>) => {
    try {
      await call();
      setTick((t) => t + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  return { items, error, act };
}
