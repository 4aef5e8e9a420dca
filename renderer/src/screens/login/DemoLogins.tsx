// The demo clinic's logins, one button each, so a visitor can try every role
// without typing. Only shown right after the demo clinic was created here.
import type { Role } from '../../../../shared/domain/enums';
import type { DemoLogin } from '../../stores/session-store';
import { roleLabel } from '../../lib/format';

interface Props {
  logins: readonly DemoLogin[];
  busy: boolean;
  onPick(login: DemoLogin): void;
}

const staffRoles: readonly Role[] = ['admin', 'doctor', 'front_desk'];

export function DemoLogins({ logins, busy, onPick }: Props) {
  const usable = logins.filter((l) => staffRoles.includes(l.role));
  if (usable.length === 0) return null;
  // The demo usually gives every login the same password: say it once.
  const passwords = new Set(usable.map((l) => l.password));
  const shared = passwords.size === 1 ? usable[0]?.password : undefined;
  return (
    <section className="demo-logins" aria-labelledby="demo-logins-title">
      <h2 id="demo-logins-title">Demo logins</h2>
      <p>
        Pick a login to try the app in that role.
        {shared && (
          <>
            {' '}
            Every demo login&apos;s password is <code>{shared}</code>.
          </>
        )}
      </p>
      <ul>
        {usable.map((login) => (
          <li key={login.email}>
            <button type="button" className="button" disabled={busy} onClick={() => onPick(login)}>
              Log in as {roleLabel(login.role)}
              <span className="demo-logins__email">{login.email}</span>
            </button>
            {!shared && (
              <span className="demo-logins__credentials">
                password <code>{login.password}</code>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
