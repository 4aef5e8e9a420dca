// @vitest-environment jsdom
// The registry holds the screens' components, whose stores read the address
// when they load: hence a DOM. What is tested is pure: address ⇄ place.
import { describe, expect, it } from 'vitest';
import { capabilitiesFor } from '../../../shared/auth/capabilities';
import type { Permission } from '../../../shared/domain/enums';
import {
  canOpen,
  formatRoute,
  landingRoute,
  parseRoute,
  type Route,
} from '../../../renderer/src/app/routes';

const allPermissions: Permission[] = [
  'users.manage',
  'doctors.manage',
  'devices.manage',
  'sync.manage',
  'audit.read',
  'backup.run',
  'export.run',
  'settings.manage',
];
const admin = capabilitiesFor('admin', allPermissions);
const doctor = capabilitiesFor('doctor', []);
const frontDesk = capabilitiesFor('front_desk', []);

describe('parseRoute: a typed address opens its screen and view', () => {
  it.each<[string, Route]>([
    ['#/schedule', { screen: 'schedule', view: undefined }],
    ['#/patients', { screen: 'patients', view: { kind: 'list' } }],
    ['#/patients/new', { screen: 'patients', view: { kind: 'new' } }],
    ['#/patients/4b1c', { screen: 'patients', view: { kind: 'view', id: '4b1c' } }],
    ['#/patients/4b1c/edit', { screen: 'patients', view: { kind: 'edit', id: '4b1c' } }],
    ['#/messages', { screen: 'messages', view: { kind: 'inbox' } }],
    ['#/messages/new', { screen: 'messages', view: { kind: 'new' } }],
    ['#/messages/9c1d', { screen: 'messages', view: { kind: 'conversation', id: '9c1d' } }],
    ['#/billing', { screen: 'billing', view: { kind: 'list' } }],
    ['#/billing/invoice/7e2a', { screen: 'billing', view: { kind: 'invoice', id: '7e2a' } }],
    ['#/admin', { screen: 'admin', view: { section: null, patientId: null } }],
    ['#/admin/audit', { screen: 'admin', view: { section: 'audit', patientId: null } }],
    [
      '#/admin/audit/patient/4b1c',
      { screen: 'admin', view: { section: 'audit', patientId: '4b1c' } },
    ],
    [
      '#/admin/staff/hours/d7e1',
      { screen: 'admin', view: { section: 'staff', patientId: null, hoursOf: 'd7e1' } },
    ],
    ['#/conflicts', { screen: 'conflicts', view: undefined }],
    // Without the slash, and with a trailing one, as people type them.
    ['#patients/new', { screen: 'patients', view: { kind: 'new' } }],
    ['#/patients/4b1c/edit/', { screen: 'patients', view: { kind: 'edit', id: '4b1c' } }],
  ])('%s', (hash, expected) => {
    expect(parseRoute(hash, admin)).toEqual(expected);
  });

  it('decodes an id that was encoded in the address', () => {
    expect(parseRoute('#/patients/a%2Fb/edit', admin)).toEqual({
      screen: 'patients',
      view: { kind: 'edit', id: 'a/b' },
    });
  });

  it('opens a screen the session may not use (the shell then says so), rather than hiding where it is', () => {
    expect(parseRoute('#/admin', frontDesk)).toEqual({
      screen: 'admin',
      view: { section: null, patientId: null },
    });
    expect(canOpen(frontDesk, 'admin')).toBe(false);
  });
});

describe('formatRoute ∘ parseRoute', () => {
  const places: Route[] = [
    { screen: 'schedule', view: undefined },
    { screen: 'patients', view: { kind: 'list' } },
    { screen: 'patients', view: { kind: 'new' } },
    { screen: 'patients', view: { kind: 'view', id: '0f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b' } },
    { screen: 'patients', view: { kind: 'edit', id: 'with space/and slash' } },
    { screen: 'messages', view: { kind: 'inbox' } },
    {
      screen: 'messages',
      view: { kind: 'conversation', id: '0f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b' },
    },
    { screen: 'billing', view: { kind: 'list' } },
    { screen: 'billing', view: { kind: 'invoice', id: '0f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b' } },
    { screen: 'admin', view: { section: null, patientId: null } },
    { screen: 'admin', view: { section: 'staff', patientId: null } },
    { screen: 'admin', view: { section: 'staff', patientId: null, hoursOf: 'd7e1' } },
    {
      screen: 'admin',
      view: { section: 'audit', patientId: '0f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b' },
    },
    { screen: 'conflicts', view: undefined },
  ];

  it.each(places)('$screen $view round-trips', (route) => {
    expect(parseRoute(formatRoute(route), admin)).toEqual(route);
  });

  it('writes the addresses the app links to', () => {
    expect(formatRoute({ screen: 'patients', view: { kind: 'edit', id: 'p1' } })).toBe(
      '#/patients/p1/edit',
    );
    expect(formatRoute({ screen: 'patients', view: { kind: 'list' } })).toBe('#/patients');
    expect(formatRoute({ screen: 'conflicts', view: undefined })).toBe('#/conflicts');
  });
});

describe('an address naming no screen lands the session', () => {
  it.each(['', '#', '#/', '#/nowhere', '#/patientsx', '#main', '#/__proto__', '#/toString'])(
    '%j → Patients for the front desk and admins, their day for doctors',
    (hash) => {
      for (const held of [admin, frontDesk]) {
        expect(parseRoute(hash, held)).toEqual({ screen: 'patients', view: { kind: 'list' } });
      }
      expect(parseRoute(hash, doctor)).toEqual({ screen: 'chart', view: { kind: 'day' } });
    },
  );

  it('a malformed address (bad percent-encoding) lands instead of breaking the app', () => {
    expect(parseRoute('#/patients/%E0%A4%A', doctor)).toEqual(landingRoute(doctor));
  });

  it('a session that may open nothing lands on a screen that then refuses it', () => {
    const nothing = capabilitiesFor('patient', []);
    const route = landingRoute(nothing);
    expect(canOpen(nothing, route.screen)).toBe(false);
  });
});
