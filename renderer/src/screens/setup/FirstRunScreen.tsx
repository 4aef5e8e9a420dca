// First run on this workstation: create a clinic, or explore a demo clinic
// filled with made-up patients. (Joining an existing clinic comes with sync.)
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSession } from '../../stores/session-store';
import { CreateClinicForm } from './CreateClinicForm';

export function FirstRunScreen() {
  const createDemo = useSession((s) => s.createDemo);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function explore() {
    setBusy(true);
    setFailure(null);
    try {
      await createDemo();
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
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
        <section className="first-run__demo" aria-labelledby="demo-title">
          <h2 id="demo-title">Just looking?</h2>
          <p>
            The demo clinic comes with made-up patients and one login for each role, so you can try
            every screen safely.
          </p>
          <ErrorAlert message={failure} />
          <button
            type="button"
            className="button"
            onClick={() => void explore()}
            disabled={busy}
            aria-busy={busy}
          >
            {busy ? 'Preparing the demo clinic…' : 'Explore the demo clinic'}
          </button>
        </section>
      </div>
    </AuthLayout>
  );
}
