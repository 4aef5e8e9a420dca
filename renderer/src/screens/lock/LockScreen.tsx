// The locked workstation: nothing of the clinic's data is on screen, only who
// locked it. Their password unlocks; anyone else uses "Switch user", which logs
// the locked user out (every save goes to the store at once, so nothing is lost).
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TextField } from '../../components/TextField';
import { roleLabel } from '../../lib/format';
import { useSession } from '../../stores/session-store';

export function LockScreen() {
  const { clinicName, lockedUser, unlock, logout } = useSession();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setFailure(null);
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setFailure(errorMessage(e));
      setPassword('');
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setFailure('Enter your password to unlock.');
      return;
    }
    void run(() => unlock(password));
  };

  return (
    <AuthLayout clinicName={clinicName}>
      <ScreenHeading autoFocus={false}>Locked</ScreenHeading>
      <p className="lead">
        {lockedUser ? (
          <>
            This workstation is locked by <strong>{lockedUser.displayName}</strong> (
            {roleLabel(lockedUser.role)}, {lockedUser.email}).
          </>
        ) : (
          'This workstation is locked.'
        )}
      </p>
      <form onSubmit={submit} noValidate aria-label="Unlock">
        <ErrorAlert message={failure} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          autoFocus
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            Unlock
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void run(logout)}>
            Switch user
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
