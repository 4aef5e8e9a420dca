// Screens, who may open them, and how they appear in the address (#/patients/...).
// Hash routes keep working under both http://127.0.0.1 and the app:// protocol,
// and make "typing the address of a screen you may not see" testable.
import type { Role } from '../../../shared/domain/enums';

export const screens = [
  'schedule',
  'patients',
  'messages',
  'billing',
  'admin',
  'conflicts',
] as const;
export type Screen = (typeof screens)[number];

/** The screens in the main navigation. Conflicts is reached from the status bar's count. */
export const navScreens: readonly Screen[] = [
  'schedule',
  'patients',
  'messages',
  'billing',
  'admin',
];

const staff: readonly Role[] = ['admin', 'doctor', 'front_desk'];

/** Who may open each screen. The core enforces the same rules on every call. */
export const screenRoles: Record<Screen, readonly Role[]> = {
  schedule: staff,
  patients: staff,
  messages: staff,
  billing: ['admin', 'front_desk'],
  admin: ['admin'],
  conflicts: staff,
};

export const screenLabels: Record<Screen, string> = {
  schedule: 'Schedule',
  patients: 'Patients',
  messages: 'Messages',
  billing: 'Billing',
  admin: 'Admin',
  conflicts: 'Conflicts',
};

export const canOpen = (role: Role, screen: Screen): boolean => screenRoles[screen].includes(role);

export type PatientsView =
  { kind: 'list' } | { kind: 'new' } | { kind: 'view'; id: string } | { kind: 'edit'; id: string };

export type Route =
  { screen: 'patients'; view: PatientsView } | { screen: Exclude<Screen, 'patients'> };

/** Patients is the first screen for now; Schedule may take over once it is built. */
export const defaultRoute: Route = { screen: 'patients', view: { kind: 'list' } };

const isScreen = (s: string | undefined): s is Screen =>
  s !== undefined && (screens as readonly string[]).includes(s);

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (!isScreen(first)) return defaultRoute;
  if (first !== 'patients') return { screen: first };
  if (second === undefined) return { screen: 'patients', view: { kind: 'list' } };
  if (second === 'new') return { screen: 'patients', view: { kind: 'new' } };
  if (third === 'edit') return { screen: 'patients', view: { kind: 'edit', id: second } };
  return { screen: 'patients', view: { kind: 'view', id: second } };
}

export function formatRoute(route: Route): string {
  if (route.screen !== 'patients') return `#/${route.screen}`;
  const v = route.view;
  switch (v.kind) {
    case 'list':
      return '#/patients';
    case 'new':
      return '#/patients/new';
    case 'view':
      return `#/patients/${encodeURIComponent(v.id)}`;
    case 'edit':
      return `#/patients/${encodeURIComponent(v.id)}/edit`;
  }
}
