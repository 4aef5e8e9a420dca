// The demo clinic's logins: one button per role, so a visitor can try each
// role without typing, and the full list (the demo has several doctors and
// receptionists) folded away below. The core reports them in setup.status
// for the demo clinic only, so they are offered again after a reload.
import { roleCapabilities } from '../../../../shared/auth/capabilities';
import { Role } from '../../../../shared/domain/enums';
import { roleLabel } from '../../lib/format';
import type { DemoLogin } from '../../stores/session-store';

interface Props {
  logins: readonly DemoLogin[];
  busy: boolean;
  onPick(login: DemoLogin): void;
}

/** The roles that can work in the app at all (patients hold no capability here). */
const staffRoles = Role.options.filter((role) => roleCapabilities(role).length > 0);

export function DemoLogins({ logins, busy, onPick }: Props) {
  const usable = logins.filter((l) => staffRoles.includes(l.role));
  if (usable.length === 0) return null;
  const firstPerRole = staffRoles
    .map((role) => usable.find((l) => l.role === role))
    .filter((l): l is DemoLogin => l !== undefined);
  // The demo usually gives every login the same password: say it once.
  const passwords = new Set(usable.map((l) => l.password));
  const shared = passwords.size === 1 ? usable[0]?.password : undefined;

  return (
    <section className="demo-logins" aria-labelledby="demo-logins-title">
      <h2 id="demo-logins-title">Demo logins</h2>
      <p>Pick a role to try the app as that person.</p>
      <ul className="demo-logins__roles">
        {firstPerRole.map((login) => (
          <li key={login.email}>
            <button type="button" className="button" disabled={busy} onClick={() => onPick(login)}>
              Log in as {roleLabel(login.role)}
              <span className="demo-logins__email">{login.email}</span>
            </button>
          </li>
        ))}
      </ul>
      <details className="demo-logins__all">
        <summary>All {usable.length} demo logins and their password</summary>
        {shared && (
          <p>
            Every demo login&apos;s password is <code>{shared}</code>.
          </p>
        )}
        <ul>
          {usable.map((login) => (
            <li key={login.email}>
              {roleLabel(login.role)}: {login.email}
              {!shared && (
                <>
                  {' '}
                  · password <code>{login.password}</code>
                </>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
