import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../../shared/api/admin';
import { staffActions } from '../../../../renderer/src/screens/admin/staff-actions';

const member = (over: Partial<StaffMember>): StaffMember => ({
  id: 'u-1',
  email: 'a@clinic.example',
  displayName: 'A',
  role: 'front_desk',
  active: true,
  mustChangePassword: false,
  doctor: null,
  permissions: null,
  ...over,
});

describe('staff account actions offered', () => {
  it('offers nothing on the admin’s own row', () => {
    expect(staffActions(member({ id: 'me', role: 'admin' }), 'me')).toEqual([]);
  });
  it('offers deactivate, promotion and reset for active front-desk staff', () => {
    expect(staffActions(member({}), 'me')).toEqual(['deactivate', 'makeAdmin', 'reset']);
  });
  it('never offers a role change for a doctor', () => {
    expect(staffActions(member({ role: 'doctor' }), 'me')).toEqual(['deactivate', 'reset']);
  });
  it('offers only reactivation for an inactive admin', () => {
    expect(staffActions(member({ role: 'admin', active: false }), 'me')).toEqual([
      'reactivate',
      'makeFrontDesk',
    ]);
  });
});
