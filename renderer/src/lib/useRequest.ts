// The state of one request a screen makes on the user's behalf: idle, busy
// (buttons disabled, "Saving…"), failed (with the core's message) or
// succeeded ("Saved"). Every button that calls the core goes through one.
import { useCallback, useState } from 'react';
import { failureOf, refusal, type RequestFailure } from './request-failure';

export type RequestState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'succeeded' }
  | { status: 'failed'; failure: RequestFailure };

export type RequestResult<T> = { ok: true; value: T } | { ok: false; failure: RequestFailure };

export interface Request {
  busy: boolean;
  failure: RequestFailure | null;
  succeeded: boolean;
  /** Runs the call: busy until it settles, then succeeded or failed. Never throws. */
  run<T>(call: () => Promise<T>): Promise<RequestResult<T>>;
  /** Shows a refusal made here (e.g. "Enter your password") as a failure. */
  refuse(message: string): void;
  /** Back to idle: no failure, no success. */
  reset(): void;
  /** The user changed something: a "saved" note no longer holds (a failure stays). */
  edited(): void;
}

export function useRequest(): Request {
  const [state, setState] = useState<RequestState>({ status: 'idle' });

  const run = useCallback(async <T>(call: () => Promise<T>): Promise<RequestResult<T>> => {
    setState({ status: 'busy' });
    try {
      const value = await call();
      setState({ status: 'succeeded' });
      return { ok: true, value };
    } catch (e) {
      const failure = failureOf(e);
      setState({ status: 'failed', failure });
      return { ok: false, failure };
    }
  }, []);
  const refuse = useCallback(
    (message: string) => setState({ status: 'failed', failure: refusal(message) }),
    [],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  const edited = useCallback(
    () => setState((s) => (s.status === 'succeeded' ? { status: 'idle' } : s)),
    [],
  );

  return {
    busy: state.status === 'busy',
    failure: state.status === 'failed' ? state.failure : null,
    succeeded: state.status === 'succeeded',
    run,
    refuse,
    reset,
    edited,
  };
}
