// The status area's view of sync. Filled in by the sync client; before a
// workstation is connected it reports local state only (pending changes).
import { z } from 'zod';
import { channel } from './contract';
import { UtcTimestamp } from '../domain/primitives';

export const SyncStatus = z.object({
  connected: z.boolean(),
  online: z.boolean(),
  pendingChanges: z.number().int(),
  lastSyncAt: UtcTimestamp.nullable(),
  conflicts: z.number().int(),
  clockWarning: z.string().nullable(),
  bootstrapProgress: z.number().min(0).max(1).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const syncStatusChannels = {
  'sync.status': channel('sync.status', z.object({}).strict(), SyncStatus),
} as const;
