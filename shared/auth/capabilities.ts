// Who may do what: the one table of roles → capabilities, shared by the core
// (which enforces it on every call) and the renderer (which only shows what a
// session may use). Admin powers beyond the base come from the admin row's
// permissions (Admins.Permissions), which are capabilities themselves.
//
// Decisions written down here once:
// - Clinical content (record payloads) is for doctors. Front-desk staff book,
//   check in and bill, and never read clinical notes; admins see record
//   metadata only.
// - Billing is front desk and admins. Doctors do not see invoices at all: the
//   clinic's money is not part of a consultation, and a doctor who needs a
//   patient's balance asks the front desk. (One rule, no per-patient
//   exceptions that sync would have to keep consistent.)
import { z } from 'zod';
import { Permission, type Role } from '../domain/enums';
import { assertNever } from '../errors';

/** Capabilities that come with a role (admins' permissions are added on top). */
export const RoleCapability = z.enum([
  'patients.read',
  'patients.write',
  'appointments.read',
  'appointments.write',
  'records.list',
  'records.read_content',
  'records.write',
  'messages.use',
  'billing.read',
  'billing.write',
  'admin.access',
  /** Mark a patient sensitive (staff, VIP, protected) or clear it: admins and doctors. */
  'patients.set_sensitivity',
]);
export type RoleCapability = z.infer<typeof RoleCapability>;

export const Capability = z.enum([...RoleCapability.options, ...Permission.options]);
export type Capability = z.infer<typeof Capability>;

const staff: readonly Capability[] = [
  'patients.read',
  'patients.write',
  'appointments.read',
  'appointments.write',
  'messages.use',
];

/** The role part of the table; `capabilitiesFor` adds an admin's permissions. */
export function roleCapabilities(role: Role): readonly Capability[] {
  switch (role) {
    case 'admin':
      return [
        ...staff,
        'billing.read',
        'billing.write',
        'records.list',
        'admin.access',
        'patients.set_sensitivity',
      ];
    case 'doctor':
      return [
        ...staff,
        'records.list',
        'records.read_content',
        'records.write',
        'patients.set_sensitivity',
      ];
    case 'front_desk':
      return [...staff, 'billing.read', 'billing.write'];
    case 'patient':
      // Patients are users (as the seed says) but have no desktop access.
      return [];
    default:
      return assertNever(role);
  }
}

/** Everything a user of `role` with these admin `permissions` may do, sorted (stable on the wire). */
export function capabilitiesFor(role: Role, permissions: readonly Permission[]): Capability[] {
  const held = new Set<Capability>(roleCapabilities(role));
  // Permissions only mean something on an admin row.
  if (role === 'admin') for (const p of permissions) held.add(p);
  return Capability.options.filter((c) => held.has(c));
}

/** Whether a session's capabilities include `needed` (the renderer's check; the core throws instead). */
export const holds = (held: readonly Capability[], needed: Capability): boolean =>
  held.includes(needed);
