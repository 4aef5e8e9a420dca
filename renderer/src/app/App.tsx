// Picks the screen for the app's state: first run, login, lock or the working app.
import { useEffect } from 'react';
import { currentTransport } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorAlert } from '../components/ErrorAlert';
import { LockScreen } from '../screens/lock/LockScreen';
import { LoginScreen } from '../screens/login/LoginScreen';
import { NoSecretScreen } from '../screens/NoSecretScreen';
import { FirstRunScreen } from '../screens/setup/FirstRunScreen';
import { MustChangePasswordScreen } from '../screens/password/MustChangePasswordScreen';
import { AppShell } from '../shell/AppShell';
import { useRequest } from '../lib/useRequest';
import { useNav } from '../stores/nav-store';
import { usePatients } from '../stores/patients-store';
import { useSchedule } from '../stores/schedule-store';
import { useUnread } from '../screens/messages/unread-store';
import { useSession } from '../stores/session-store';
import { landingHref } from './screen-route';

export function App() {
  const transport = currentTransport();
  const { state, session, refresh } = useSession();
  const { failure, run } = useRequest();

  useEffect(() => {
    if (transport === 'none') return;
    void run(refresh);
  }, [transport, refresh, run]);

  // Nobody logged in: drop the last user's patient list, schedule (date,
  // doctor, panel), unread badge and screen, so the next user neither sees
  // their data in memory nor finds their view (they land where their own
  // capabilities lead).
  useEffect(() => {
    if (state === 'logged_out' || state === 'needs_setup') {
      usePatients.getState().reset();
      useSchedule.getState().reset();
      useUnread.setState({ unread: 0, urgent: 0 });
      useNav.getState().go(landingHref);
    }
  }, [state]);

  if (transport === 'none') return <NoSecretScreen />;
  if (failure) {
    return (
      <AuthLayout>
        <h1>EHRBS could not start</h1>
        <ErrorAlert message={failure.message} />
      </AuthLayout>
    );
  }
  switch (state) {
    case null:
      return (
        <AuthLayout>
          <p role="status">Opening…</p>
        </AuthLayout>
      );
    case 'needs_setup':
      return <FirstRunScreen />;
    case 'logged_out':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'active':
      if (!session) return <LoginScreen />;
      return session.user.mustChangePassword ? (
        <MustChangePasswordScreen displayName={session.user.displayName} />
      ) : (
        <AppShell session={session} />
      );
  }
}
