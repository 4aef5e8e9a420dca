// Adds a front-desk user or an administrator (with the permissions they hold).
// They log in with the email and initial password given here.
import { NewStaffRequest, type StaffMember } from '../../../../shared/api/admin';
import type { Permission } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AccountFields, emptyAccount, type AccountValues } from './AccountFields';
import { AdminForm } from './AdminForm';
import { PermissionsFieldset } from './PermissionsFieldset';

interface StaffFormValues extends AccountValues {
  /** An administrator's; none for front-desk staff. */
  permissions: Permission[];
}

interface Props {
  role: 'front_desk' | 'admin';
  onCreated(member: StaffMember): void;
  onCancel(): void;
}

export function NewStaffForm({ role, onCreated, onCancel }: Props) {
  const initial: StaffFormValues = { ...emptyAccount, permissions: [] };
  const form = useSchemaForm({
    initial,
    schema: NewStaffRequest,
    toInput: (v) => ({ ...v, role, permissions: role === 'admin' ? v.permissions : [] }),
    send: (request) => api('users.create', request),
    onDone: onCreated,
  });
  const admin = role === 'admin';
  return (
    <AdminForm
      title={admin ? 'New administrator' : 'New front-desk staff member'}
      form={form}
      submitLabel={admin ? 'Create administrator' : 'Create front-desk user'}
      onCancel={onCancel}
    >
      <AccountFields field={form.field} />
      {admin && (
        <PermissionsFieldset
          value={form.values.permissions}
          onChange={(p) => form.set('permissions', p)}
        />
      )}
    </AdminForm>
  );
}
