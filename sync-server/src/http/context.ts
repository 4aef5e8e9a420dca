// What route handlers share. Nothing here is authoritative state: the store
// holds that, so any number of instances can serve the same clinics.
import type { SyncStore } from '../store/types';
import type { ServerIdentity } from '../pki/server-identity';
import type { AdminToken } from './admin-token';

export interface ServerContext {
  store: SyncStore;
  identity: ServerIdentity;
  admin: AdminToken;
  /** Injected so tests can move time (enrollment expiry, clock offsets). */
  now: () => Date;
  startedAt: number;
}
