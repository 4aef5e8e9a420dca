// One typed entry point to the app core. In Electron the preload exposes
// `window.ehrbs[channel]`; in the browser host the same channels are served at
// POST /api/<channel>. Callers get the typed response or an ApiError, and never
// need to know which transport is underneath.
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import type { ApiResult } from '../../../shared/api/contract';
import type { ErrorCode, ErrorPayload, FieldIssue } from '../../../shared/errors';
import { hostSecret } from './secret';

type Bridge = {
  [N in ChannelName]: (request: ApiRequest<N>) => Promise<ApiResult<ApiResponse<N>>>;
};

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by the preload via contextBridge). */
    ehrbs?: Bridge;
  }
}

/** A failed call, carrying the core's stable code, a message for people, and field issues. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.issues = payload.issues;
  }
}

export type Transport = 'electron' | 'web' | 'none';

export function currentTransport(): Transport {
  if (window.ehrbs) return 'electron';
  return hostSecret() ? 'web' : 'none';
}

async function callWeb<N extends ChannelName>(
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResult<ApiResponse<N>>> {
  const secret = hostSecret();
  if (!secret) {
    return {
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: 'Open the address printed by `npm run web`.',
        issues: [],
      },
    };
  }
  let response: Response;
  try {
    response = await fetch('/api/' + channel, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ehrbs-secret': secret },
      body: JSON.stringify(request),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: 'The app is not running any more. Start it again with `npm run web`.',
        issues: [],
      },
    };
  }
  try {
    return (await response.json()) as ApiResult<ApiResponse<N>>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `The app answered with status ${response.status}.`,
        issues: [],
      },
    };
  }
}

let sessionLost: (() => void) | null = null;

/**
 * Called when the core says the session is gone or locked (another window
 * locked it, the app restarted), so the app can show login or lock again
 * instead of a screen of failing calls.
 */
export function onSessionLost(handler: () => void): void {
  sessionLost = handler;
}

let succeeded: ((channel: ChannelName) => void) | null = null;

/**
 * Called after every call the core accepted, so views derived from the whole
 * store (the sync area's "changes waiting") can refresh right after a local
 * change instead of at their next poll.
 */
export function onCallSucceeded(handler: ((channel: ChannelName) => void) | null): void {
  succeeded = handler;
}

export async function api<N extends ChannelName>(
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const bridge = window.ehrbs;
  const result = bridge ? await bridge[channel](request) : await callWeb(channel, request);
  if (!result.ok) {
    const { code } = result.error;
    // setup.status is how the state is re-read, so it never triggers a re-read.
    if ((code === 'UNAUTHENTICATED' || code === 'LOCKED') && channel !== 'setup.status') {
      sessionLost?.();
    }
    throw new ApiError(result.error);
  }
  succeeded?.(channel);
  return result.value;
}

/** A message safe to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Something went wrong. The action was not completed.';
}
