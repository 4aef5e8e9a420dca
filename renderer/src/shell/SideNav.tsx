// The main navigation. It lists only the screens the session's capabilities
// open; the shell refuses the others even when their address is typed directly.
import type { Capability } from '../../../shared/auth/capabilities';
import { navScreens, type ScreenId } from '../app/routes';

interface Props {
  capabilities: readonly Capability[];
  current: ScreenId;
}

export function SideNav({ capabilities, current }: Props) {
  return (
    <nav className="sidenav" aria-label="Main">
      <ul>
        {navScreens(capabilities).map((screen) => {
          const Badge = screen.badge;
          return (
            <li key={screen.id}>
              <a
                href={screen.route.href()}
                aria-current={screen.id === current ? 'page' : undefined}
              >
                {screen.label}
              </a>
              {Badge && <Badge />}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
