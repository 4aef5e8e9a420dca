// A handler receives its request already validated (defaults applied) by its
// channel's schema, and a context that dispatch built from the channel's
// declared access: 'public' channels get the workstation's services only;
// every other channel also gets the checked session and the domain services.
import type {
  ApiChannels,
  ApiResponse,
  ChannelInput,
  ChannelName,
} from '../../../shared/api/channels';
import type { Services } from '../services/services';
import type { Session } from '../services/session';
import type { WorkstationServices } from '../workstation/workstation-services';

export interface PublicContext {
  readonly workstation: WorkstationServices;
}

export interface SessionContext extends PublicContext {
  readonly session: Session;
  readonly services: Services;
}

export type ContextOf<N extends ChannelName> = ApiChannels[N]['access'] extends 'public'
  ? PublicContext
  : SessionContext;

export type Handler<N extends ChannelName> = (
  request: ChannelInput<N>,
  ctx: ContextOf<N>,
) => Promise<ApiResponse<N>> | ApiResponse<N>;

export type HandlerMap<N extends ChannelName = ChannelName> = { [K in N]: Handler<K> };

/** What dispatch needs from the workstation: its services and the session check. */
export interface HandlerHost {
  readonly workstation: WorkstationServices;
  /** The logged-in, unlocked session, or UNAUTHENTICATED / LOCKED. */
  requireSession(): { session: Session; services: Services };
}
