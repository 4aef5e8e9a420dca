// @vitest-environment jsdom
// (The sections hold their panels' components, whose stores read the address.)
// Admin offers a section only to a session holding its permission, and opens
// on the first one offered.
import { describe, expect, it } from 'vitest';
import { capabilitiesFor } from '../../../../shared/auth/capabilities';
import { sectionsFor } from '../../../../renderer/src/screens/admin/sections';

const ids = (permissions: Parameters<typeof capabilitiesFor>[1]) =>
  sectionsFor(capabilitiesFor('admin', permissions)).map((s) => s.label);

describe('Admin sections', () => {
  it('an administrator who manages users sees Staff first', () => {
    expect(ids(['users.manage'])).toEqual(['Staff', 'Clinic settings', 'Sync', 'Price list']);
  });

  it('the audit log and the sensitive-patient accesses are offered to an administrator who reads it', () => {
    expect(ids(['audit.read'])).toEqual([
      'Clinic settings',
      'Sync',
      'Price list',
      'Audit log',
      'Sensitive access',
    ]);
  });

  it('backups are offered to an administrator who may run them', () => {
    expect(ids(['backup.run', 'audit.read'])).toEqual([
      'Clinic settings',
      'Sync',
      'Price list',
      'Audit log',
      'Sensitive access',
      'Backups',
    ]);
  });

  it('without users.manage there is no Staff section, and Admin opens on the settings', () => {
    expect(ids(['settings.manage', 'sync.manage'])).toEqual([
      'Clinic settings',
      'Sync',
      'Price list',
    ]);
    expect(ids([])).toEqual(['Clinic settings', 'Sync', 'Price list']);
  });
});
