// The fine-grained powers of an administrator (Admins.Permissions).
import { Permission } from '../../../../shared/domain/enums';
import { CheckboxField } from './CheckboxField';

export const permissionLabels: Record<Permission, string> = {
  'users.manage': 'Manage staff accounts',
  'doctors.manage': 'Manage doctors and their hours',
  'devices.manage': 'Add workstations (enrollment codes)',
  'sync.manage': 'Connect the clinic to a sync server',
  'audit.read': 'Read the audit log',
  'backup.run': 'Run backups',
  'export.run': 'Export the clinic’s data',
  'settings.manage': 'Change clinic settings',
  'billing.refund': 'Refund payments and void invoices',
  'patients.merge': 'Merge duplicate patient records',
};

interface Props {
  value: readonly Permission[];
  onChange(value: Permission[]): void;
}

export function PermissionsFieldset({ value, onChange }: Props) {
  return (
    <fieldset>
      <legend>Permissions</legend>
      {Permission.options.map((p) => (
        <CheckboxField
          key={p}
          label={permissionLabels[p]}
          checked={value.includes(p)}
          onChange={(on) => onChange(on ? [...value, p] : value.filter((x) => x !== p))}
        />
      ))}
    </fieldset>
  );
}
