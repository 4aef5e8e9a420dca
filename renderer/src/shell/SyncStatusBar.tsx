// The status bar: whether this workstation is syncing, what is waiting to go,
// when it last synced, and anything staff must look at (conflicts, clock,
// audit entries missing against what the sync server acknowledged).
// Not a live region: it refreshes every 10 s and would otherwise chatter.
import { useEffect } from 'react';
import type { SyncStatus } from '../../../shared/api/sync-status';
import { formatCount, formatInstant } from '../lib/format';
import { conflictsRoute } from '../screens/conflicts/route';
import { useSync } from '../stores/sync-store';
import { BackupWarning } from './BackupWarning';
import { ProgressBar } from './ProgressBar';
import { relativeTime } from './relative-time';

interface Props {
  timeZone: string;
  /** The session may back up: the bar then warns when the last backup is old. */
  canBackUp?: boolean;
}

const connectionText = (s: SyncStatus): string =>
  s.revoked
    ? 'Revoked — the clinic removed this workstation from sync; it can no longer sync'
    : !s.connected
      ? 'Not connected to a sync server — working on this computer only'
      : s.online
        ? 'Online'
        : 'Offline — changes will sync when the server is reachable';

const plural = (n: number, one: string, many: string): string =>
  n === 1 ? `1 ${one}` : `${formatCount(n)} ${many}`;

export function SyncStatusBar({ timeZone, canBackUp = false }: Props) {
  const { status, stale, start } = useSync();
  useEffect(start, [start]);

  if (!status) {
    return (
      <footer className="statusbar" aria-label="Sync status">
        <span>Checking sync status…</span>
      </footer>
    );
  }

  return (
    <footer className="statusbar" aria-label="Sync status">
      <span
        className={status.connected && status.online ? 'dot dot--ok' : 'dot dot--off'}
        aria-hidden="true"
      />
      <span>{connectionText(status)}</span>
      <span>
        {status.revoked
          ? `${plural(status.pendingChanges, 'change', 'changes')} made here will not reach the clinic`
          : plural(status.pendingChanges, 'change waiting to sync', 'changes waiting to sync')}
      </span>
      {status.connected && (
        <span>
          {status.lastSyncAt ? (
            <>
              Last sync{' '}
              <time dateTime={status.lastSyncAt} title={formatInstant(status.lastSyncAt, timeZone)}>
                {relativeTime(status.lastSyncAt)}
              </time>
            </>
          ) : (
            'Never synced'
          )}
        </span>
      )}
      {status.conflicts > 0 && (
        <a className="statusbar__warn" href={conflictsRoute.href()}>
          {plural(status.conflicts, 'conflict to resolve', 'conflicts to resolve')}
        </a>
      )}
      {status.clockWarning && <span className="statusbar__warn">{status.clockWarning}</span>}
      {status.auditWarning && <span className="statusbar__warn">{status.auditWarning}</span>}
      {status.bootstrapProgress !== null && (
        <span className="statusbar__progress">
          Receiving the clinic’s data
          <ProgressBar label="First sync" fraction={status.bootstrapProgress} />
        </span>
      )}
      {canBackUp && <BackupWarning />}
      {stale && <span className="statusbar__warn">Status may be out of date</span>}
    </footer>
  );
}
