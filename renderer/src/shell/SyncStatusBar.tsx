// The status bar: whether this workstation is syncing, what is waiting to go,
// when it last synced, and anything staff must look at (conflicts, clock).
// Not a live region: it refreshes every 10 s and would otherwise chatter.
import { useEffect } from 'react';
import { formatCount, formatInstant } from '../lib/format';
import { useSync } from '../stores/sync-store';

interface Props {
  timeZone: string;
}

export function SyncStatusBar({ timeZone }: Props) {
  const { status, stale, start } = useSync();
  useEffect(start, [start]);

  if (!status) {
    return (
      <footer className="statusbar" aria-label="Sync status">
        <span>Checking sync status…</span>
      </footer>
    );
  }

  const connection = !status.connected
    ? 'Not connected to a sync server — working on this computer only'
    : status.online
      ? 'Online'
      : 'Offline — changes will sync when the server is reachable';
  const pending =
    status.pendingChanges === 1
      ? '1 change waiting to sync'
      : `${formatCount(status.pendingChanges)} changes waiting to sync`;
  const lastSync = status.lastSyncAt
    ? `Last sync ${formatInstant(status.lastSyncAt, timeZone)}`
    : 'Never synced';

  return (
    <footer className="statusbar" aria-label="Sync status">
      <span
        className={status.connected && status.online ? 'dot dot--ok' : 'dot dot--off'}
        aria-hidden="true"
      />
      <span>{connection}</span>
      <span>{pending}</span>
      {status.connected && <span>{lastSync}</span>}
      {status.conflicts > 0 && (
        <span className="statusbar__warn">
          {status.conflicts === 1
            ? '1 conflict to resolve'
            : `${formatCount(status.conflicts)} conflicts to resolve`}
        </span>
      )}
      {status.clockWarning && <span className="statusbar__warn">{status.clockWarning}</span>}
      {status.bootstrapProgress !== null && (
        <label className="statusbar__progress">
          First sync
          <progress value={status.bootstrapProgress} max={1} />
        </label>
      )}
      {stale && <span className="statusbar__warn">Status may be out of date</span>}
    </footer>
  );
}
