// Which account actions an admin is offered on a staff row. The core enforces
// the same rules (the last active admin, one's own account, doctors keep their
// role); offering only what can succeed keeps the table honest.
import type { StaffMember } from '../../../../shared/api/admin';
import { assertNever } from '../../../../shared/errors';

export type StaffAction = 'deactivate' | 'reactivate' | 'makeAdmin' | 'makeFrontDesk' | 'reset';

export function staffActions(member: StaffMember, selfId: string): StaffAction[] {
  if (member.id === selfId) return [];
  const actions: StaffAction[] = [member.active ? 'deactivate' : 'reactivate'];
  if (member.role === 'front_desk') actions.push('makeAdmin');
  if (member.role === 'admin') actions.push('makeFrontDesk');
  if (member.active) actions.push('reset');
  return actions;
}

export const staffActionLabel: Record<StaffAction, string> = {
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  makeAdmin: 'Make administrator',
  makeFrontDesk: 'Make front desk',
  reset: 'Reset password',
};

/** What the panel says after an action succeeded. */
export function staffActionNotice(action: StaffAction, m: StaffMember): string {
  switch (action) {
    case 'deactivate':
      return `${m.displayName} can no longer log in; their history stays.`;
    case 'reactivate':
      return `${m.displayName} can log in again.`;
    case 'makeAdmin':
      return `${m.displayName} is now an administrator (no extra permissions yet).`;
    case 'makeFrontDesk':
      return `${m.displayName} is now front-desk staff.`;
    case 'reset':
      return `${m.displayName} must choose a new password at the next login.`;
    default:
      return assertNever(action);
  }
}
