// After joining: the clinic's data arrives from the sync server (a snapshot,
// then the audit history). Shown until the first sync round has finished and
// the clinic is there, then the login screen takes over: staff log in with
// the passwords they already have, which arrived with the clinic.
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/api/sync-status';
import { api } from '../../api/client';
import { ScreenHeading } from '../../components/ScreenHeading';
import { ProgressBar } from '../../shell/ProgressBar';
import { useSession } from '../../stores/session-store';

const POLL_MS = 400;
/** Before the first round answers, "offline" only means "not yet": say so only after this long. */
const PATIENCE_MS = 15_000;

const done = (sync: SyncStatus, state: string): boolean =>
  state !== 'needs_setup' && sync.lastSyncAt !== null && sync.bootstrapProgress === null;

export function JoinProgress() {
  const refresh = useSession((s) => s.refresh);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [trouble, setTrouble] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const started = Date.now();
    const tick = async () => {
      try {
        const [sync, setup] = await Promise.all([api('sync.status', {}), api('setup.status', {})]);
        if (stopped) return;
        setStatus(sync);
        setTrouble(
          !sync.online &&
            sync.lastSyncAt === null &&
            sync.bootstrapProgress === null &&
            Date.now() - started > PATIENCE_MS,
        );
        if (done(sync, setup.state)) {
          await refresh();
          return;
        }
      } catch {
        if (!stopped) setTrouble(true);
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [refresh]);

  const fraction = status?.bootstrapProgress ?? (status?.lastSyncAt ? 1 : 0);
  return (
    <section aria-labelledby="join-progress-title" className="join-progress">
      <ScreenHeading level={2} id="join-progress-title">
        Receiving the clinic’s data
      </ScreenHeading>
      <p>
        This workstation has joined the clinic. Its patients, schedule and staff accounts are
        arriving from the sync server, encrypted end to end.
      </p>
      <ProgressBar label="Receiving the clinic’s data" fraction={fraction} wide />
      <p className="field__hint">
        {Math.round(fraction * 100)}% received. You can log in with your usual password when it is
        done.
      </p>
      {trouble && (
        <p role="alert" className="alert alert--error">
          The sync server cannot be reached right now. This workstation keeps trying.
        </p>
      )}
    </section>
  );
}
