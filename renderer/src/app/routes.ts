// Routing and navigation, derived from the screen registry: which screen and
// view an address opens, the address of a place, where a session lands, what
// it may open, and what the main navigation lists for it.
import { holds, type Capability } from '../../../shared/auth/capabilities';
import type { ScreenDefinition } from './screen-definition';
import { screenRegistry } from './screen-registry';
import { segmentsOf, type Href, type RouteTo } from './screen-route';

type Registry = typeof screenRegistry;
export type ScreenId = keyof Registry;
type ViewOf<D> = D extends ScreenDefinition<string, infer View> ? View : never;
/** Each screen's view type, by id. */
export type ViewMap = { [K in ScreenId]: ViewOf<Registry[K]> };
export type RouteOf<K extends ScreenId> = RouteTo<K, ViewMap[K]>;
/** Any place in the app; `screen` tells which view type `view` has. */
export type Route = { [K in ScreenId]: RouteOf<K> }[ScreenId];

// Written as a mapped type over the ids, so indexing it with a generic id keeps
// that screen's view type (TypeScript's correlated-union pattern). Assigning
// the registry here also checks that each key is its definition's own id.
type Definitions = { [K in ScreenId]: ScreenDefinition<K, ViewMap[K]> };
const definitions: Definitions = screenRegistry;
export type AnyScreen = Definitions[ScreenId];

/** Every screen, in the registry's order. */
export const allScreens: readonly AnyScreen[] = Object.values(definitions);

const isScreenId = (s: string): s is ScreenId => Object.hasOwn(definitions, s);

export const screenOf = <K extends ScreenId>(id: K): Definitions[K] => definitions[id];

export const canOpen = (held: readonly Capability[], id: ScreenId): boolean =>
  holds(held, definitions[id].requires);

/** The screen with the highest landing priority for these capabilities (the first on a tie). */
function highestLanding(
  screens: readonly AnyScreen[],
  held: readonly Capability[],
): AnyScreen | undefined {
  let best: AnyScreen | undefined;
  let bestPriority = -Infinity;
  for (const screen of screens) {
    const priority = screen.landing?.(held) ?? null;
    if (priority !== null && priority > bestPriority) {
      best = screen;
      bestPriority = priority;
    }
  }
  return best;
}

/**
 * Where a session lands: the screen it may open with the highest landing
 * priority, or else the first it may open. A session that may open nothing
 * (a patient's login) is shown the usual landing screen's "not allowed" page.
 */
export function landingRoute(held: readonly Capability[]): Route {
  const allowed = allScreens.filter((s) => holds(held, s.requires));
  const candidates = allowed.length > 0 ? allowed : allScreens;
  const chosen = highestLanding(candidates, held) ?? candidates[0] ?? definitions.patients;
  return chosen.route.place([]);
}

/** The place an address names; an address naming no screen lands the session (landingRoute). */
export function parseRoute(hash: string, held: readonly Capability[]): Route {
  const [first, ...rest] = segmentsOf(hash) ?? [];
  if (first === undefined || !isScreenId(first)) return landingRoute(held);
  return definitions[first].route.place(rest);
}

export function formatRoute<K extends ScreenId>(route: RouteOf<K>): Href {
  return definitions[route.screen].route.href(route.view);
}

/** The main navigation for a session: the screens it may open that are in the nav, in nav order. */
export function navScreens(held: readonly Capability[]): AnyScreen[] {
  const inNav = allScreens.filter((s) => s.nav !== 'hidden' && holds(held, s.requires));
  const order = (s: AnyScreen) => (s.nav === 'hidden' ? Infinity : s.nav);
  return inNav.sort((a, b) => order(a) - order(b));
}
