// What a screen is to the app: its route, its name in the navigation, what a
// session must hold to open it, and its component. Each screen folder exports
// one definition (screen.ts); the registry lists them, and navigation,
// routing, the shell's current screen and the "not allowed" page derive from it.
import type { ComponentType } from 'react';
import type { SessionInfo } from '../../../shared/api/session';
import type { Capability } from '../../../shared/auth/capabilities';
import type { ScreenRoute } from './screen-route';

/** What the shell gives every screen: the view the address names, and who is working. */
export interface ScreenProps<View> {
  view: View;
  session: SessionInfo;
}

export interface ScreenDefinition<Id extends string, View> {
  readonly id: Id;
  readonly route: ScreenRoute<Id, View>;
  /** Its name in the navigation and on the "not allowed" page. */
  readonly label: string;
  /** Its place in the main navigation (lower first), or 'hidden' for screens reached another way. */
  readonly nav: number | 'hidden';
  /** What a session must hold to open it (shared/auth/capabilities.ts); the core checks each call too. */
  readonly requires: Capability;
  readonly component: ComponentType<ScreenProps<View>>;
  /**
   * Makes it a screen a session can land on (after login, or at an address
   * that names no screen): among the screens a session may open, the highest
   * priority wins. A function of the session's capabilities, so a screen can
   * outrank another for some users only (say, doctors on their day queue).
   * Null or absent: never a landing screen.
   */
  readonly landing?: (held: readonly Capability[]) => number | null;
  /** Shown beside its navigation entry (e.g. an unread count); renders nothing when there is nothing to say. */
  readonly badge?: ComponentType;
}

export function defineScreen<const Id extends string, View>(
  definition: Omit<ScreenDefinition<Id, View>, 'id'>,
): ScreenDefinition<Id, View> {
  return { ...definition, id: definition.route.id };
}
