// The one entry point both transports (Electron IPC, the browser host's HTTP)
// call. It validates the request against the channel's schema before any
// handler sees it and always resolves to an ApiResult, never throws.
import type { ApiResult } from '../../../shared/api/contract';

export type Dispatch = (channel: string, request: unknown) => Promise<ApiResult<unknown>>;
