// The main navigation. It lists only the screens the user's role may open;
// the shell refuses the others even when their address is typed directly.
import type { Role } from '../../../shared/domain/enums';
import { canOpen, formatRoute, navScreens, screenLabels, type Screen } from '../app/routes';

interface Props {
  role: Role;
  current: Screen;
}

export function SideNav({ role, current }: Props) {
  const visible = navScreens.filter((s) => canOpen(role, s));
  return (
    <nav className="sidenav" aria-label="Main">
      <ul>
        {visible.map((screen) => (
          <li key={screen}>
            <a
              href={
                screen === 'patients'
                  ? formatRoute({ screen, view: { kind: 'list' } })
                  : `#/${screen}`
              }
              aria-current={screen === current ? 'page' : undefined}
            >
              {screenLabels[screen]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
