// @vitest-environment jsdom
// The Staff table keeps each row one line high: an administrator's permissions
// are summarised ("All permissions", or a count that opens the list).
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../../shared/api/admin';
import { Permission } from '../../../../shared/domain/enums';
import { StaffTable } from '../../../../renderer/src/screens/admin/StaffTable';
import { mount, type Mounted } from '../../support/render';

const admin = (id: string, name: string, permissions: Permission[]): StaffMember => ({
  id,
  email: `${id}@clinic.example`,
  displayName: name,
  role: 'admin',
  active: true,
  mustChangePassword: false,
  doctor: null,
  permissions,
});

let mounted: Mounted | null = null;
afterEach(() => mounted?.unmount());

describe('the Staff table', () => {
  it('summarises permissions instead of listing them across the row', async () => {
    mounted = await mount(
      <StaffTable
        staff={[
          admin('a', 'Ada', [...Permission.options]),
          admin('b', 'Bo', ['audit.read', 'backup.run']),
          admin('c', 'Cy', []),
        ]}
        currency="GBP"
        canEditHours={false}
        onEditHours={() => undefined}
        selfId="a"
        busy={false}
        onAction={() => undefined}
      />,
    );
    const rows = [...mounted.container.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toContain('All permissions');
    expect(rows[1]).toContain('2 permissions');
    expect(mounted.container.querySelector('details summary')?.textContent).toBe('2 permissions');
    expect(rows[2]).toContain('No admin permissions');
  });
});
