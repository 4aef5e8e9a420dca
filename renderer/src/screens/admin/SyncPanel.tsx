// Sync for this workstation: connect it to a sync server (once), then sync
// on demand and issue one-time codes for new workstations.
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import type { SyncStatus } from '../../../../shared/api/sync-status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCount, formatInstant } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { useSync } from '../../stores/sync-store';
import { ConnectForm } from './ConnectForm';
import { EnrollmentCode } from './EnrollmentCode';
import { WorkstationsTable } from './WorkstationsTable';

const roundNotice = (s: SyncStatus): string =>
  s.revoked
    ? 'The sync server refused this workstation: it was revoked.'
    : s.online
      ? `Synced. ${formatCount(s.pendingChanges)} changes waiting, ${formatCount(s.conflicts)} conflicts.`
      : 'The sync server could not be reached. Changes are kept and will sync later.';

export function SyncPanel({ session }: { session: SessionInfo }) {
  const status = useSync((s) => s.status);
  const poll = useSync((s) => s.poll);
  const syncNow = useSync((s) => s.syncNow);
  const { busy, failure, run } = useRequest();
  const [notice, setNotice] = useState('');
  const timeZone = session.tenant.timeZone;
  const may = (p: 'sync.manage' | 'devices.manage') => holds(session.capabilities, p);

  useEffect(() => void poll(), [poll]);

  async function runNow() {
    setNotice('');
    const round = await run(syncNow);
    if (round.ok) setNotice(roundNotice(round.value));
  }

  if (!status) return <p>Checking sync status…</p>;
  return (
    <section className="admin-section" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      {!status.connected ? (
        may('sync.manage') ? (
          <ConnectForm />
        ) : (
          <p>This workstation is not connected to a sync server.</p>
        )
      ) : (
        <div className="panel">
          {status.revoked && (
            <p role="alert" className="alert alert--error">
              This workstation was revoked: the clinic removed it on the sync server, which now
              refuses it. Changes made here since its last sync (
              {formatCount(status.pendingChanges)}) will not reach the clinic. Ask an administrator
              to enroll it again if it should sync.
            </p>
          )}
          <p>
            Connected to a sync server.{' '}
            {status.lastSyncAt
              ? `Last sync ${formatInstant(status.lastSyncAt, timeZone)}.`
              : 'Not synced yet.'}
          </p>
          <ErrorAlert message={failure?.message ?? null} />
          <p role="status" className="status-note">
            {notice}
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void runNow()}>
            {busy ? 'Syncing…' : 'Sync now'}
          </button>
          {may('devices.manage') && <EnrollmentCode timeZone={timeZone} />}
          {may('devices.manage') && !status.revoked && <WorkstationsTable timeZone={timeZone} />}
        </div>
      )}
    </section>
  );
}
