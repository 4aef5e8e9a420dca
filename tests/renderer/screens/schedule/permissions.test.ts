// Who is offered the hours editor: anyone holding doctors.manage, and every
// doctor for their own hours; the same rule the core enforces.
import { describe, expect, it } from 'vitest';
import type { DoctorView } from '../../../../shared/api/scheduling';
import type { SessionInfo } from '../../../../shared/api/session';
import { capabilitiesFor } from '../../../../shared/auth/capabilities';
import { emptyAvailability } from '../../../../shared/domain/availability';
import type { Permission, Role } from '../../../../shared/domain/enums';
import { canEditHours, ownDoctor } from '../../../../renderer/src/screens/schedule/permissions';

const session = (userId: string, role: Role, permissions: Permission[] = []): SessionInfo => ({
  user: {
    id: userId,
    email: `${userId}@clinic.example`,
    displayName: userId,
    role,
    mustChangePassword: false,
  },
  tenant: {
    id: 't',
    name: 'Clinic',
    timeZone: 'UTC',
    currency: 'EUR',
    dateFormat: 'YYYY-MM-DD',
    timeFormat: '24h',
    unitSystem: 'metric',
    idleLockMinutes: 5,
  },
  permissions,
  capabilities: capabilitiesFor(role, permissions),
  deviceId: 'device',
});
const doctor = (id: string, userId: string): DoctorView => ({
  id,
  userId,
  displayName: `Dr ${userId}`,
  specialty: 'GP',
  availability: emptyAvailability,
});
const okafor = doctor('d1', 'okafor');

describe('canEditHours', () => {
  it('lets an administrator with doctors.manage edit anyone’s hours', () => {
    expect(canEditHours(session('dana', 'admin', ['doctors.manage']), okafor)).toBe(true);
  });

  it('does not offer it to an administrator without doctors.manage', () => {
    expect(canEditHours(session('dana', 'admin', ['users.manage']), okafor)).toBe(false);
  });

  it('lets a doctor edit their own hours but not a colleague’s', () => {
    expect(canEditHours(session('okafor', 'doctor'), okafor)).toBe(true);
    expect(canEditHours(session('vos', 'doctor'), okafor)).toBe(false);
  });

  it('never offers it to the front desk', () => {
    expect(canEditHours(session('farah', 'front_desk'), okafor)).toBe(false);
  });
});

describe('ownDoctor', () => {
  it('finds the logged-in doctor’s profile, and nobody’s for other staff', () => {
    const doctors = [doctor('d2', 'vos'), okafor];
    expect(ownDoctor(session('okafor', 'doctor'), doctors)).toBe(okafor);
    expect(ownDoctor(session('farah', 'front_desk'), doctors)).toBeUndefined();
    expect(ownDoctor(session('okafor', 'doctor'), null)).toBeUndefined();
  });
});
