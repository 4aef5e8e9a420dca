// @vitest-environment jsdom
// The registry's screens, as each role sees them: the navigation must be what
// the e2e tests (roles.spec.ts) expect, from the capability table alone.
import { describe, expect, it } from 'vitest';
import { capabilitiesFor, type Capability } from '../../../shared/auth/capabilities';
import { allScreens, canOpen, navScreens, screenOf } from '../../../renderer/src/app/routes';
import { screenRegistry } from '../../../renderer/src/app/screen-registry';

const labels = (held: readonly Capability[]) => navScreens(held).map((s) => s.label);

describe('the main navigation follows the capabilities', () => {
  it('a doctor sees neither Billing nor Admin', () => {
    expect(labels(capabilitiesFor('doctor', []))).toEqual(['Schedule', 'Patients', 'Messages']);
  });

  it('the front desk sees Billing but not Admin', () => {
    expect(labels(capabilitiesFor('front_desk', []))).toEqual([
      'Schedule',
      'Patients',
      'Messages',
      'Billing',
    ]);
  });

  it('an administrator sees every screen in the navigation, even with no permissions', () => {
    const everything = ['Schedule', 'Patients', 'Messages', 'Billing', 'Admin'];
    expect(labels(capabilitiesFor('admin', []))).toEqual(everything);
    expect(labels(capabilitiesFor('admin', ['users.manage', 'settings.manage']))).toEqual(
      everything,
    );
  });

  it('Conflicts is never in the navigation (the status bar links to it), yet staff may open it', () => {
    for (const role of ['admin', 'doctor', 'front_desk'] as const) {
      const held = capabilitiesFor(role, []);
      expect(labels(held)).not.toContain('Conflicts');
      expect(canOpen(held, 'conflicts')).toBe(true);
    }
  });

  it('a patient login sees nothing', () => {
    expect(labels(capabilitiesFor('patient', []))).toEqual([]);
  });
});

describe('the registry', () => {
  it('keys each screen by its own id, the first segment of its address', () => {
    for (const [key, screen] of Object.entries(screenRegistry)) {
      expect(screen.id).toBe(key);
      expect(screen.route.href()).toBe(`#/${key}`);
    }
  });

  it('every screen requires a capability some staff role holds', () => {
    const staff = (['admin', 'doctor', 'front_desk'] as const).map((r) => capabilitiesFor(r, []));
    for (const screen of allScreens) {
      expect(staff.some((held) => held.includes(screen.requires))).toBe(true);
    }
  });

  it('names what the "not allowed" page shows', () => {
    expect(screenOf('admin').label).toBe('Admin');
    expect(screenOf('billing').label).toBe('Billing');
  });
});
