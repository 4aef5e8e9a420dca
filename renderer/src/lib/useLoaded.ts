// Something a screen shows as soon as it opens (a list, a record, settings):
// fetched on mount, again when its key changes or on reload(). An answer for
// an older key or load is dropped, so a slow answer never replaces a newer one;
// a failed reload keeps what was shown, with the failure beside it.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { failureOf, type RequestFailure } from './request-failure';

export interface Loaded<T> {
  /** null until the first answer for this key. */
  value: T | null;
  failure: RequestFailure | null;
  /** Fetch again (after a change made here, or on "Refresh"). */
  reload(): void;
}

interface Answer<T> {
  key: string;
  value: T | null;
  failure: RequestFailure | null;
}

export function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [round, setRound] = useState(0);
  // The latest `load`, so callers may pass a new closure on every render.
  const latest = useRef(load);
  // A layout effect, declared first, so the load below (also a layout effect) calls this render's `load`.
  useLayoutEffect(() => {
    latest.current = load;
  });

  // Started as the screen commits, not after the browser painted it: the
  // request leaves a frame earlier (only the start is synchronous).
  useLayoutEffect(() => {
    let current = true;
    latest.current().then(
      (value) => current && setAnswer({ key, value, failure: null }),
      (e: unknown) =>
        current &&
        setAnswer((a) => ({ key, value: a?.key === key ? a.value : null, failure: failureOf(e) })),
    );
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const mine = answer?.key === key ? answer : null;
  return { value: mine?.value ?? null, failure: mine?.failure ?? null, reload };
}
