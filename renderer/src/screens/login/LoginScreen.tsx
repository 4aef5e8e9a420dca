// Login works offline: the core checks the password against the local store.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TextField } from '../../components/TextField';
import { useSession, type DemoLogin } from '../../stores/session-store';
import { DemoLogins } from './DemoLogins';

export function LoginScreen() {
  const { clinicName, lastUserEmail, demoLogins, login } = useSession();
  const [email, setEmail] = useState(lastUserEmail ?? '');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(address: string, secret: string) {
    setFailure(null);
    if (!address.trim() || !secret) {
      setFailure('Enter your email and password.');
      return;
    }
    setBusy(true);
    try {
      await login(address.trim(), secret);
    } catch (e) {
      setFailure(errorMessage(e));
      setPassword('');
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void signIn(email, password);
  };
  const pick = (l: DemoLogin) => void signIn(l.email, l.password);

  return (
    <AuthLayout clinicName={clinicName}>
      <ScreenHeading autoFocus={false}>Log in</ScreenHeading>
      <form onSubmit={submit} noValidate aria-label="Log in">
        <ErrorAlert message={failure} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          autoFocus={!lastUserEmail}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          autoFocus={Boolean(lastUserEmail)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <DemoLogins logins={demoLogins} busy={busy} onPick={pick} />
    </AuthLayout>
  );
}
