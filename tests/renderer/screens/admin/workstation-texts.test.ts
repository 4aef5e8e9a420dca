import { describe, expect, it } from 'vitest';
import type { WorkstationView } from '../../../../shared/api/workstations';
import {
  pendingText,
  revokedNotice,
  workstationStatus,
} from '../../../../renderer/src/screens/admin/workstation-texts';

const base: WorkstationView = {
  deviceId: '0190a0a0-0000-7000-8000-000000000001',
  name: 'Room 2',
  seriesCode: 'K7QP',
  enrolledAt: '2030-01-01T09:00:00.000Z',
  lastSyncAt: '2030-01-02T12:30:00.000Z',
  pendingChanges: null,
  status: 'active',
  revokedAt: null,
  thisWorkstation: false,
  auditEntriesHeld: 41,
};
const format = (iso: string) => `<${iso.slice(0, 10)}>`;

describe('what Admin says about a workstation', () => {
  it('names its status, and says when it was revoked', () => {
    expect(workstationStatus(base, format)).toBe('Active');
    expect(workstationStatus({ ...base, thisWorkstation: true }, format)).toBe(
      'Active (this workstation)',
    );
    expect(
      workstationStatus(
        { ...base, status: 'revoked', revokedAt: '2030-01-03T08:00:00.000Z' },
        format,
      ),
    ).toBe('Revoked <2030-01-03>');
  });

  it('says a pending count it cannot know is not known', () => {
    expect(pendingText(base)).toBe('Not known here');
    expect(pendingText({ ...base, pendingChanges: 0 })).toBe('0');
  });

  it('after a revocation, says what the clinic keeps and that later changes are lost', () => {
    expect(revokedNotice(base, format)).toBe(
      'Room 2 is revoked: the sync server refuses it from now on. The clinic keeps what it sent up to its last sync, <2030-01-02> (41 audited actions). Any changes made on it after that were not synced and are lost.',
    );
    expect(revokedNotice({ ...base, lastSyncAt: null, auditEntriesHeld: 1 }, format)).toMatch(
      /never synced, so nothing it did reached the clinic \(1 audited action on the server\)/,
    );
  });
});
