// First run on this workstation: create a clinic, explore a demo clinic
// filled with made-up patients, or join an existing clinic through its sync
// server (then wait while its data arrives), or restore one from a backup.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../stores/session-store';
import '../../styles/setup.css';
import { CreateClinicForm } from './CreateClinicForm';
import { JoinClinicForm } from './JoinClinicForm';
import { JoinProgress } from './JoinProgress';
import { RestoreBackupForm } from './RestoreBackupForm';

type Mode = 'choose' | 'join' | 'joining' | 'restore';

export function FirstRunScreen() {
  const createDemo = useSession((s) => s.createDemo);
  const refresh = useSession((s) => s.refresh);
  const [mode, setMode] = useState<Mode>('choose');
  const demo = useRequest();

  // A reload while a joined workstation is still receiving its data: keep waiting.
  useEffect(() => {
    api('sync.status', {})
      .then((s) => {
        if (s.connected) setMode('joining');
      })
      .catch(() => undefined);
  }, []);

  if (mode !== 'choose') {
    return (
      <AuthLayout>
        {mode === 'restore' ? (
          <RestoreBackupForm onRestored={() => void refresh()} onBack={() => setMode('choose')} />
        ) : mode === 'join' ? (
          <JoinClinicForm onJoined={() => setMode('joining')} onBack={() => setMode('choose')} />
        ) : (
          <JoinProgress />
        )}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout wide>
      <ScreenHeading>Welcome to EHRBS</ScreenHeading>
      <p className="lead">
        This workstation has no clinic yet. Everything stays on this computer, encrypted, until you
        connect a sync server.
      </p>
      <div className="first-run">
        <section className="first-run__create">
          <CreateClinicForm />
        </section>
        <div className="first-run__side">
          <section className="first-run__demo" aria-labelledby="demo-title">
            <h2 id="demo-title">Just looking?</h2>
            <p>
              The demo clinic comes with made-up patients and one login for each role, so you can
              try every screen safely.
            </p>
            <ErrorAlert message={demo.failure?.message ?? null} />
            <button
              type="button"
              className="button"
              onClick={() => void demo.run(createDemo)}
              disabled={demo.busy}
              aria-busy={demo.busy}
            >
              {demo.busy ? 'Preparing the demo clinic…' : 'Explore the demo clinic'}
            </button>
          </section>
          <section className="first-run__demo" aria-labelledby="join-choice-title">
            <h2 id="join-choice-title">Clinic already set up?</h2>
            <p>
              Add this computer to a clinic that syncs through a server, with a one-time code from
              its administrator. Staff keep their logins.
            </p>
            <button type="button" className="button" onClick={() => setMode('join')}>
              Join an existing clinic
            </button>
          </section>
          <section className="first-run__demo" aria-labelledby="restore-choice-title">
            <h2 id="restore-choice-title">Replacing a workstation?</h2>
            <p>Bring back a clinic from one of its backup files, with the backup’s passphrase.</p>
            <button type="button" className="button" onClick={() => setMode('restore')}>
              Restore from a backup
            </button>
          </section>
        </div>
      </div>
    </AuthLayout>
  );
}
