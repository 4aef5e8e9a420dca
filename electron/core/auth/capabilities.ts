// Who may do what, enforced in the core's services (the UI only mirrors it).
// Clinical content (record payloads) is for doctors: front-desk staff book and
// bill, and never read clinical notes. Admin powers come from the admin row's
// permissions (Admins.Permissions).
import type { Permission, Role } from '../../../shared/domain/enums';
import { AppError, assertNever } from '../../../shared/errors';

export type Capability =
  | 'patients.read'
  | 'patients.write'
  | 'appointments.read'
  | 'appointments.write'
  | 'records.list'
  | 'records.read_content'
  | 'records.write'
  | 'messages.use'
  | 'billing.read'
  | 'billing.write'
  | 'admin.access'
  | Permission;

const staff: Capability[] = [
  'patients.read',
  'patients.write',
  'appointments.read',
  'appointments.write',
  'messages.use',
];

export function capabilitiesFor(role: Role, permissions: readonly Permission[]): Set<Capability> {
  switch (role) {
    case 'admin':
      return new Set<Capability>([
        ...staff,
        'billing.read',
        'billing.write',
        'records.list',
        'admin.access',
        ...permissions,
      ]);
    case 'doctor':
      return new Set<Capability>([
        ...staff,
        'records.list',
        'records.read_content',
        'records.write',
        'billing.read',
      ]);
    case 'front_desk':
      return new Set<Capability>([...staff, 'billing.read', 'billing.write']);
    case 'patient':
      // Patients are users (as the seed says) but have no desktop access.
      return new Set<Capability>();
    default:
      return assertNever(role);
  }
}

export function requireCapability(held: ReadonlySet<Capability>, needed: Capability): void {
  if (!held.has(needed)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  }
}
