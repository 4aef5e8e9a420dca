// The top bar: which clinic, who is working, and the two ways to step away.
import type { SessionInfo } from '../../../shared/api/session';
import { roleLabel } from '../lib/format';

interface Props {
  session: SessionInfo;
  busy: boolean;
  onLock(): void;
  onLogout(): void;
  /** Opens (or closes) the panel where one changes one's own password. */
  onAccount(): void;
  accountOpen: boolean;
}

export function TopBar({ session, busy, onLock, onLogout, onAccount, accountOpen }: Props) {
  return (
    <header className="topbar">
      <div className="topbar__clinic">
        <span className="brand">EHRBS</span>
        <span className="topbar__clinic-name">{session.tenant.name}</span>
      </div>
      <div className="topbar__user">
        <span className="topbar__user-name">{session.user.displayName}</span>
        <span className="badge">
          <span className="visually-hidden">Role: </span>
          {roleLabel(session.user.role)}
        </span>
        <button
          type="button"
          className="button button--quiet"
          onClick={onAccount}
          aria-expanded={accountOpen}
          aria-controls="account-panel"
        >
          Change password
        </button>
        <button type="button" className="button button--quiet" onClick={onLock} disabled={busy}>
          Lock
        </button>
        <button type="button" className="button button--quiet" onClick={onLogout} disabled={busy}>
          Log out
        </button>
      </div>
    </header>
  );
}
