// @vitest-environment jsdom
// Admin → Audit log → Audit chains says what the last sync found against the
// chain tips the sync server acknowledged: the warning when newest entries are
// missing here (or were lost on the server), a plain line when all matched,
// and nothing on a workstation that never synced.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/api/sync-status';
import { ChainStatus } from '../../../../renderer/src/screens/admin/audit/ChainStatus';
import { useSync } from '../../../../renderer/src/stores/sync-store';
import { mount, type Mounted } from '../../support/render';

const synced: SyncStatus = {
  connected: true,
  online: true,
  pendingChanges: 0,
  lastSyncAt: '2026-12-02T10:00:00.000Z',
  conflicts: 0,
  clockWarning: null,
  auditWarning: null,
  bootstrapProgress: null,
  revoked: false,
};

const WARNING =
  'The audit log of workstation 3f2c81aa does not match what the sync server acknowledged: entries 41 to 42 are missing here (the newest entries were deleted).';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  useSync.setState({ status: null });
});

const tipLine = (m: Mounted) => m.container.querySelector('.chain-tip');

describe('the audit chains panel', () => {
  it('shows what the last sync found wrong, as a warning', async () => {
    useSync.setState({ status: { ...synced, auditWarning: WARNING } });
    mounted = await mount(<ChainStatus />);
    expect(tipLine(mounted)?.textContent).toBe(WARNING);
    expect(tipLine(mounted)?.classList.contains('chain-tip--warn')).toBe(true);
  });

  it('says every chain matched when the last sync found nothing', async () => {
    useSync.setState({ status: synced });
    mounted = await mount(<ChainStatus />);
    expect(tipLine(mounted)?.textContent).toBe(
      'At the last sync, every chain held here matched what the sync server acknowledged.',
    );
    expect(tipLine(mounted)?.classList.contains('chain-tip--warn')).toBe(false);
  });

  it('says nothing about the server on a workstation that never synced', async () => {
    useSync.setState({ status: { ...synced, connected: false, lastSyncAt: null } });
    mounted = await mount(<ChainStatus />);
    expect(tipLine(mounted)).toBeNull();
    expect(mounted.container.textContent).toContain('Check the audit chains');
  });
});
