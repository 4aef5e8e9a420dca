import type { z } from 'zod';
import type { ApiChannels, ApiResponse, ChannelName } from '../../../shared/api/channels';

/** A handler receives the request already validated (defaults applied) by its channel's schema. */
export type Handler<N extends ChannelName> = (
  request: z.output<ApiChannels[N]['request']>,
) => Promise<ApiResponse<N>> | ApiResponse<N>;

export type HandlerMap<N extends ChannelName = ChannelName> = { [K in N]: Handler<K> };
