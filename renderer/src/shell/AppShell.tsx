// The working app: top bar, the navigation the session's capabilities allow,
// the screen the address names, and the sync status bar. Also owns the idle
// lock, which only runs while active.
import { useCallback, useState } from 'react';
import type { SessionInfo } from '../../../shared/api/session';
import { parseRoute } from '../app/routes';
import { ErrorAlert } from '../components/ErrorAlert';
import { useRequest } from '../lib/useRequest';
import { useNav } from '../stores/nav-store';
import { useSession } from '../stores/session-store';
import { AccountPanel } from '../screens/password/AccountPanel';
import { CurrentScreen } from './CurrentScreen';
import { SideNav } from './SideNav';
import { SyncStatusBar } from './SyncStatusBar';
import { holds } from '../../../shared/auth/capabilities';
import { TopBar } from './TopBar';
import { useIdleLock } from './useIdleLock';

export function AppShell({ session }: { session: SessionInfo }) {
  const hash = useNav((s) => s.hash);
  const { lock, logout } = useSession();
  const { busy, failure, run } = useRequest();
  const [accountOpen, setAccountOpen] = useState(false);

  const lockNow = useCallback(() => void run(lock), [run, lock]);
  useIdleLock(session.tenant.idleLockMinutes, lockNow);

  const route = parseRoute(hash, session.capabilities);
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
      <TopBar
        session={session}
        busy={busy}
        onLock={lockNow}
        onLogout={() => void run(logout)}
        onAccount={() => setAccountOpen((open) => !open)}
        accountOpen={accountOpen}
      />
      <div className="shell__body">
        <SideNav capabilities={session.capabilities} current={route.screen} />
        <main id="main" className="shell__main" tabIndex={-1}>
          <ErrorAlert message={failure?.message ?? null} />
          {accountOpen && <AccountPanel onClose={() => setAccountOpen(false)} />}
          <CurrentScreen route={route} session={session} />
        </main>
      </div>
      <SyncStatusBar
        timeZone={session.tenant.timeZone}
        canBackUp={holds(session.capabilities, 'backup.run')}
      />
    </div>
  );
}
