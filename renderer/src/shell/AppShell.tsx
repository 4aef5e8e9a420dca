// The working app: top bar, role-based navigation, the current screen, and
// the sync status bar. Also owns the idle lock, which only runs while active.
import { useCallback, useState } from 'react';
import type { SessionInfo } from '../../../shared/api/session';
import { errorMessage } from '../api/client';
import { canOpen, screenLabels, type Route } from '../app/routes';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConflictsScreen } from '../screens/conflicts/ConflictsScreen';
import { PatientsScreen } from '../screens/patients/PatientsScreen';
import { AdminScreen } from '../screens/placeholders/AdminScreen';
import { BillingScreen } from '../screens/placeholders/BillingScreen';
import { MessagesScreen } from '../screens/placeholders/MessagesScreen';
import { ScheduleScreen } from '../screens/placeholders/ScheduleScreen';
import { useNav } from '../stores/nav-store';
import { useSession } from '../stores/session-store';
import { NotAllowed } from './NotAllowed';
import { SideNav } from './SideNav';
import { SyncStatusBar } from './SyncStatusBar';
import { TopBar } from './TopBar';
import { useIdleLock } from './useIdleLock';

function CurrentScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'patients':
      return <PatientsScreen view={route.view} />;
    case 'schedule':
      return <ScheduleScreen />;
    case 'messages':
      return <MessagesScreen />;
    case 'billing':
      return <BillingScreen />;
    case 'admin':
      return <AdminScreen />;
    case 'conflicts':
      return <ConflictsScreen />;
  }
}

export function AppShell({ session }: { session: SessionInfo }) {
  const route = useNav((s) => s.route);
  const { lock, logout } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  }, []);

  const lockNow = useCallback(() => void run(lock), [run, lock]);
  useIdleLock(session.tenant.idleLockMinutes, lockNow);

  const allowed = canOpen(session.user.role, route.screen);
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <TopBar session={session} busy={busy} onLock={lockNow} onLogout={() => void run(logout)} />
      <div className="shell__body">
        <SideNav role={session.user.role} current={route.screen} />
        <main id="main" className="shell__main" tabIndex={-1}>
          <ErrorAlert message={failure} />
          {allowed ? (
            <CurrentScreen route={route} />
          ) : (
            <NotAllowed title={screenLabels[route.screen]} />
          )}
        </main>
      </div>
      <SyncStatusBar timeZone={session.tenant.timeZone} />
    </div>
  );
}
