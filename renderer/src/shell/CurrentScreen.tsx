// The screen the address names, with the view it names, or the "not allowed"
// page when the session may not open it (its address was typed or linked).
import type { SessionInfo } from '../../../shared/api/session';
import { canOpen, screenOf, type RouteOf, type ScreenId } from '../app/routes';
import { NotAllowed } from './NotAllowed';

interface Props<K extends ScreenId> {
  route: RouteOf<K>;
  session: SessionInfo;
}

export function CurrentScreen<K extends ScreenId>({ route, session }: Props<K>) {
  const screen = screenOf(route.screen);
  if (!canOpen(session.capabilities, route.screen)) return <NotAllowed title={screen.label} />;
  const Screen = screen.component;
  return <Screen view={route.view} session={session} />;
}
